package com.kinshop.commission;

import com.kinshop.shared.Money;

/** What happens to a member's earnings, for in-app messages (published in the transaction that made it happen). */
public final class CommissionEvents {

    private CommissionEvents() {
    }

    public record Estimated(long commissionId, long memberId, String orderNumber, int level, Money amount) {
    }

    /** The commissions a paid order earned (every level), published once per order; before issue 12 each was an {@link Estimated}. */
    public record EstimatedForOrder(String orderNumber, java.util.List<Estimated> commissions) {
    }

    public record Settled(long commissionId, long memberId, String orderNumber, Money amount) {
    }

    public record WithdrawalPaid(String number, long memberId, Money received) {
    }

    /** {@code reason}: the operator's, when rejected; null when the payout failed. */
    public record WithdrawalReturned(String number, long memberId, Money amount, String reason) {
    }
}
