package com.kinshop.notification;

import com.kinshop.commission.CommissionEvents;
import com.kinshop.identity.AccountId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells members about their earnings: commission estimated and settled, withdrawals paid or returned. */
@Component
class EarningNotifications {

    private final Inbox inbox;

    EarningNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(CommissionEvents.EstimatedForOrder order) {
        order.commissions().forEach(this::on);
    }

    /** Still delivered for publications stored before issue 12, which published one event per commission. */
    @ApplicationModuleListener
    void on(CommissionEvents.Estimated estimated) {
        inbox.deliver(new AccountId(estimated.memberId()), "commission:" + estimated.commissionId(), "inbox.commission.estimated", "/me/earnings",
                estimated.orderNumber(), estimated.level(), estimated.amount().toPlainString());
    }

    /** One message per member and order, with the total of their commissions on it (each keyed, so a redelivery adds none). */
    @ApplicationModuleListener
    void on(CommissionEvents.Settled settled) {
        if (settled.shares() == null) {
            return; // stored before issue 12 in the old per-commission shape: completes without a message rather than failing forever
        }
        settled.shares().stream().filter(share -> share.amount().isPositive()).forEach(share ->
                inbox.deliver(new AccountId(share.memberId()), "commission-settled:" + settled.orderId() + ":" + share.memberId(), "inbox.commission.settled",
                        "/me/earnings", settled.orderNumber(), share.amount().toPlainString()));
    }

    @ApplicationModuleListener
    void on(CommissionEvents.WithdrawalPaid paid) {
        inbox.deliver(new AccountId(paid.memberId()), "withdrawal-paid:" + paid.number(), "inbox.withdrawal.paid", "/me/withdrawals",
                paid.number(), paid.received().toPlainString());
    }

    @ApplicationModuleListener
    void on(CommissionEvents.WithdrawalReturned returned) {
        if (returned.reason() == null) {
            inbox.deliver(new AccountId(returned.memberId()), "withdrawal-returned:" + returned.number(), "inbox.withdrawal.failed", "/me/withdrawals",
                    returned.number(), returned.amount().toPlainString());
            return;
        }
        inbox.deliver(new AccountId(returned.memberId()), "withdrawal-returned:" + returned.number(), "inbox.withdrawal.returned", "/me/withdrawals",
                returned.number(), returned.amount().toPlainString(), returned.reason());
    }
}
