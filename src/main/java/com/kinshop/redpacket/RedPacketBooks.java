package com.kinshop.redpacket;

import com.kinshop.ledger.InsufficientBalanceException;
import com.kinshop.ledger.Journal;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccount;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.stereotype.Component;

/**
 * A campaign's money on the ledger. Funding moves the budget from the supplier's payable into its red-packet hold (a
 * posting that may not overdraw the payable, so two campaigns funded at once never take more than the supplier is
 * owed). Out of the hold, each amount goes back to the payable once: the unclaimed budget when the campaign ends, and
 * each packet when it is spent or returned (one business key per packet, whichever comes first). The hold therefore
 * always equals what is promised and not yet released, and is empty once every campaign is settled.
 */
@Component
class RedPacketBooks {

    private final Ledger ledger;

    RedPacketBooks(Ledger ledger) {
        this.ledger = ledger;
    }

    /** What the supplier is owed now and could put into a budget. */
    Money available(long supplierId) {
        return ledger.balance(LedgerAccounts.supplierPayable(supplierId).code()).negated();
    }

    Money held(long supplierId) {
        return ledger.balance(LedgerAccounts.supplierRedPackets(supplierId).code()).negated();
    }

    void fund(long campaignId, long supplierId, String campaignName, Money budget) {
        LedgerAccount payable = LedgerAccounts.supplierPayable(supplierId);
        try {
            ledger.post(Journal.builder("red-packet-funded:" + campaignId, "RED_PACKET_FUNDED", campaignName, budget.toPlainString())
                    .move(budget, LedgerAccounts.supplierRedPackets(supplierId), payable)
                    .notOverdrawing(payable)
                    .build());
        } catch (InsufficientBalanceException e) {
            throw overBalance(supplierId);
        }
    }

    BusinessException overBalance(long supplierId) {
        Money available = available(supplierId);
        return BusinessException.conflict("budgetFen", "redpacket.budget.over-balance",
                (available.isNegative() ? Money.ZERO : available).toPlainString());
    }

    void returnUnclaimed(long campaignId, long supplierId, String campaignName, Money unclaimed) {
        if (unclaimed.isPositive()) {
            backToPayable("red-packet-unclaimed:" + campaignId, "RED_PACKET_UNCLAIMED_RETURNED", supplierId, unclaimed, campaignName,
                    unclaimed.toPlainString());
        }
    }

    void packetSpent(long claimId, long supplierId, Money amount, String orderNumber) {
        backToPayable(claimKey(claimId), "RED_PACKET_SPENT", supplierId, amount, orderNumber, amount.toPlainString());
    }

    void packetReturned(long claimId, long supplierId, Money amount, String campaignName) {
        backToPayable(claimKey(claimId), "RED_PACKET_RETURNED", supplierId, amount, campaignName, amount.toPlainString());
    }

    static String claimKey(long claimId) {
        return "red-packet-claim:" + claimId;
    }

    private void backToPayable(String key, String kind, long supplierId, Money amount, Object... args) {
        LedgerAccount hold = LedgerAccounts.supplierRedPackets(supplierId);
        ledger.post(Journal.builder(key, kind, args)
                .move(amount, LedgerAccounts.supplierPayable(supplierId), hold)
                .notOverdrawing(hold)
                .build());
    }
}
