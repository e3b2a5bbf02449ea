package com.kinshop.commission;

import com.kinshop.shared.Money;

import java.util.List;

/** What happens to a member's earnings, for in-app messages (published in the transaction that made it happen). */
public final class CommissionEvents {

    private CommissionEvents() {
    }

    public record Estimated(long commissionId, long memberId, String orderNumber, int level, Money amount) {
    }

    /** The commissions a paid order earned (every level), published once per order; before issue 12 each was an {@link Estimated}. */
    public record EstimatedForOrder(String orderNumber, List<Estimated> commissions) {
    }

    /**
     * An order completed and its commissions settled: every beneficiary of the order once, with what settled for them
     * over all its lines and levels (zero when theirs was held or cancelled).
     */
    public record Settled(long orderId, String orderNumber, List<Share> shares) {

        public record Share(long memberId, Money amount) {
        }
    }

    public record WithdrawalPaid(String number, long memberId, Money received) {
    }

    /** {@code reason}: the operator's, when rejected; null when the payout failed. */
    public record WithdrawalReturned(String number, long memberId, Money amount, String reason) {
    }
}
