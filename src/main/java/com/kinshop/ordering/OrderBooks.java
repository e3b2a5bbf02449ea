package com.kinshop.ordering;

import com.kinshop.ledger.Journal;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An order's money in the ledger. Paid: clearing → the order's escrow. Refund approved: escrow → clearing (the payment
 * module then sends it from clearing back to the provider). Done (completed, or nothing left to refund): the escrow
 * that is left (after commission took its share) splits into the supplier's payable — supply price of every unit kept
 * plus the shipping fee kept — and platform revenue, the rest. Each journal's business key names the order or the after-sales request, so it posts once.
 */
@Component
class OrderBooks {

    private final Ledger ledger;
    private final JdbcClient jdbc;

    OrderBooks(Ledger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    void paid(long orderId, String orderNumber, Money total) {
        ledger.post(Journal.builder("order-paid:" + orderId, "ORDER_PAID", orderNumber)
                .move(total, LedgerAccounts.orderEscrow(orderId, orderNumber), LedgerAccounts.PLATFORM_CLEARING).build());
    }

    void refundApproved(long orderId, String orderNumber, String afterSaleNumber, Money amount) {
        ledger.post(Journal.builder("after-sale:" + afterSaleNumber, "AFTER_SALE_REFUND", afterSaleNumber, orderNumber)
                .move(amount, LedgerAccounts.PLATFORM_CLEARING, LedgerAccounts.orderEscrow(orderId, orderNumber)).build());
    }

    /**
     * After a refund of a completed order: escrow paid the buyer back (less the commission clawed back into it); the
     * supplier's payable gives back the supply price of the refunded units and platform revenue the rest, so escrow is
     * zero again.
     */
    void resettle(long orderId, String afterSaleNumber, Money supplierShare) {
        Money owed = ledger.balance(LedgerAccounts.orderEscrow(orderId).code());
        if (owed.fen() == 0) {
            return;
        }
        Money fromSupplier = Money.fen(Math.min(supplierShare.fen(), owed.fen()));
        long supplierId = jdbc.sql("select supplier_id from orders where id = ?").param(orderId).query(Long.class).single();
        ledger.post(Journal.builder("order-resettled:" + afterSaleNumber, "ORDER_RESETTLED", afterSaleNumber)
                .entry(LedgerAccounts.orderEscrow(orderId), owed.negated())
                .entry(LedgerAccounts.supplierPayable(supplierId), fromSupplier)
                .entry(LedgerAccounts.PLATFORM_REVENUE, owed.minus(fromSupplier))
                .build());
    }

    /** Splits what is left in escrow; posts nothing when nothing is left (everything refunded before shipment). */
    void settle(long orderId) {
        record Left(String number, long supplierId, long escrowFen, long supplierShareFen) {
        }
        long escrowFen = -ledger.balance(LedgerAccounts.orderEscrow(orderId).code()).fen();
        Left left = jdbc.sql("""
                        select o.number, o.supplier_id,
                               (select coalesce(sum(l.supply_price_fen * (l.quantity - l.refunded_quantity)), 0) from order_line l where l.order_id = o.id)
                               + case when o.shipped_at is not null or exists (select 1 from order_line l where l.order_id = o.id and l.refunded_quantity < l.quantity)
                                      then o.shipping_fen else 0 end
                        from orders o where o.id = ?""")
                .param(orderId).query((rs, n) -> new Left(rs.getString(1), rs.getLong(2), escrowFen, rs.getLong(3))).single();
        if (left.escrowFen() == 0) {
            return;
        }
        Money escrow = Money.fen(left.escrowFen());
        Money supplierShare = Money.fen(left.supplierShareFen());
        ledger.post(Journal.builder("order-settled:" + orderId, "ORDER_SETTLED", left.number())
                .entry(LedgerAccounts.orderEscrow(orderId), escrow)
                .entry(LedgerAccounts.supplierPayable(left.supplierId()), supplierShare.negated())
                .entry(LedgerAccounts.PLATFORM_REVENUE, escrow.minus(supplierShare).negated())
                .build());
    }
}
