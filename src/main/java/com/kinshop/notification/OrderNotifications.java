package com.kinshop.notification;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountView;
import com.kinshop.ordering.OrderEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns order events into messages: to the buyer for payment, shipment, receipt reminders, refunds and after-sales
 * decisions; to the supplier's staff for new paid orders and after-sales requests. Runs after the order's transaction
 * commits, tracked by the event publication registry, so a crash in between delivers it on restart.
 */
@Component
class OrderNotifications {

    private final Inbox inbox;
    private final Suppliers suppliers;

    OrderNotifications(Inbox inbox, Suppliers suppliers) {
        this.inbox = inbox;
        this.suppliers = suppliers;
    }

    @ApplicationModuleListener
    void on(OrderEvents.OrderPaid paid) {
        inbox.deliver(paid.buyer(), "paid:" + paid.orderNumber(), "inbox.order.paid", buyerLink(paid.orderNumber()), paid.orderNumber(),
                paid.total().toPlainString());
        toStaff(paid.supplier(), "paid:" + paid.orderNumber(), "inbox.supplier.order-paid", "/console/supplier/orders", paid.orderNumber());
    }

    @ApplicationModuleListener
    void on(OrderEvents.OrderShipped shipped) {
        inbox.deliver(shipped.buyer(), "shipped:" + shipped.orderNumber(), "inbox.order.shipped", buyerLink(shipped.orderNumber()),
                shipped.orderNumber(), shipped.carrier(), shipped.trackingNumber());
    }

    @ApplicationModuleListener
    void on(OrderEvents.ReceiptReminder reminder) {
        inbox.deliver(reminder.buyer(), "receipt-reminder:" + reminder.orderNumber(), "inbox.order.receipt-reminder",
                buyerLink(reminder.orderNumber()), reminder.orderNumber());
    }

    @ApplicationModuleListener
    void on(OrderEvents.OrderCancelled cancelled) {
        if (cancelled.reason() == OrderEvents.CancelReason.PAYMENT_TIMEOUT) {
            inbox.deliver(cancelled.buyer(), "timeout:" + cancelled.orderNumber(), "inbox.order.timeout", buyerLink(cancelled.orderNumber()),
                    cancelled.orderNumber());
        }
    }

    @ApplicationModuleListener
    void on(OrderEvents.OrderRefunded refunded) {
        inbox.deliver(refunded.buyer(), "refunded:" + refunded.afterSaleNumber(), "inbox.order.refunded", buyerLink(refunded.orderNumber()),
                refunded.orderNumber(), refunded.amount().toPlainString());
    }

    @ApplicationModuleListener
    void on(OrderEvents.AfterSaleDecided decided) {
        if (decided.status() == com.kinshop.ordering.AfterSaleStatus.REFUNDED) {
            return; // the refund message says it
        }
        String dedupeKey = "after-sale:" + decided.afterSaleNumber() + ":" + decided.status();
        if (decided.returnTo() != null) {
            // an approved return says where the goods go, so the buyer need not look for it
            inbox.deliver(decided.buyer(), dedupeKey, "inbox.aftersale.return-to", "/me/after-sales",
                    decided.afterSaleNumber(), decided.orderNumber(), decided.returnTo());
            return;
        }
        inbox.deliver(decided.buyer(), dedupeKey, "inbox.aftersale." + decided.status(), "/me/after-sales", decided.afterSaleNumber(), decided.orderNumber());
    }

    @ApplicationModuleListener
    void on(OrderEvents.AfterSaleRequested requested) {
        toStaff(requested.supplier(), "after-sale:" + requested.afterSaleNumber(), "inbox.supplier.aftersale-requested", "/console/supplier/after-sales",
                requested.afterSaleNumber(), requested.orderNumber());
    }

    private void toStaff(SupplierId supplier, String dedupeKey, String messageKey, String link, Object... args) {
        for (AccountView staff : suppliers.staff(supplier)) {
            inbox.deliver(staff.id(), dedupeKey, messageKey, link, args);
        }
    }

    private static String buyerLink(String orderNumber) {
        return "/me/orders/" + orderNumber;
    }
}
