package com.kinshop.ordering;

import com.kinshop.ledger.Journal;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.shared.Allocation;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * An order's money in the ledger. Paid: clearing → the order's escrow. Refund approved: escrow → clearing (the payment
 * module then sends it from clearing back to the provider). Done (completed, or nothing left to refund): the escrow
 * that is left (after commission took its share) splits into the supplier's payable — supply price of every unit kept,
 * less the supplier-funded discounts on them, plus the shipping fee kept — and platform revenue, the rest, with the
 * platform-funded discounts on units kept booked as marketing expense. Each journal's business key names the order or the after-sales request, so it posts once.
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
     * After a refund of {@code quantity} units of a line of a completed order: escrow paid the buyer back (less the
     * commission clawed back into it); the supplier's payable gives back what it was credited for those units (their
     * supply price less their share of supplier-funded discounts), marketing expense gives back their share of
     * platform-funded discounts, and platform revenue the rest, so escrow is zero again.
     */
    void resettle(long orderId, String afterSaleNumber, long lineId, int quantity) {
        Money owed = ledger.balance(LedgerAccounts.orderEscrow(orderId).code());
        if (owed.fen() == 0) {
            return;
        }
        LineDue line = jdbc.sql("""
                        select l.supply_price_fen, l.quantity, l.refunded_quantity - ?, l.platform_discount_fen, l.supplier_discount_fen, o.supplier_id
                        from order_line l join orders o on o.id = l.order_id where l.id = ?""")
                .params(quantity, lineId).query(OrderBooks::lineDue).single();
        Money fromSupplier = Money.fen(Math.min(line.supplierDue(line.refundedBefore(), quantity).fen(), owed.fen()));
        Money marketing = line.platformDiscount(line.refundedBefore(), quantity);
        ledger.post(Journal.builder("order-resettled:" + afterSaleNumber, "ORDER_RESETTLED", afterSaleNumber)
                .entry(LedgerAccounts.orderEscrow(orderId), owed.negated())
                .entry(LedgerAccounts.supplierPayable(line.supplierId()), fromSupplier)
                .entry(LedgerAccounts.PLATFORM_MARKETING, marketing.negated())
                .entry(LedgerAccounts.PLATFORM_REVENUE, owed.minus(fromSupplier).plus(marketing))
                .build());
    }

    /**
     * Splits what is left in escrow once the order is done: the supplier's payable gets the supply price of every unit
     * kept, less those units' share of supplier-funded discounts, plus the shipping fee kept; platform-funded discounts
     * on the units kept are booked as marketing expense (the platform pays them, the supplier is paid as if there were
     * none); platform revenue gets the rest. Posts nothing when nothing is left (everything refunded before shipment).
     */
    void settle(long orderId) {
        long escrowFen = -ledger.balance(LedgerAccounts.orderEscrow(orderId).code()).fen();
        if (escrowFen == 0) {
            return;
        }
        record Head(String number, long supplierId, long shippingKeptFen) {
        }
        Head head = jdbc.sql("""
                        select o.number, o.supplier_id,
                               case when o.shipped_at is not null or exists (select 1 from order_line l where l.order_id = o.id and l.refunded_quantity < l.quantity)
                                    then o.shipping_fen else 0 end
                        from orders o where o.id = ?""")
                .param(orderId).query((rs, n) -> new Head(rs.getString(1), rs.getLong(2), rs.getLong(3))).single();
        List<LineDue> lines = jdbc.sql("""
                        select l.supply_price_fen, l.quantity, l.refunded_quantity, l.platform_discount_fen, l.supplier_discount_fen, o.supplier_id
                        from order_line l join orders o on o.id = l.order_id where l.order_id = ? order by l.id""")
                .param(orderId).query(OrderBooks::lineDue).list();
        Money supplierShare = Money.fen(head.shippingKeptFen());
        Money marketing = Money.ZERO;
        for (LineDue line : lines) {
            int kept = line.quantity() - line.refundedBefore();
            supplierShare = supplierShare.plus(line.supplierDue(line.refundedBefore(), kept));
            marketing = marketing.plus(line.platformDiscount(line.refundedBefore(), kept));
        }
        Money escrow = Money.fen(escrowFen);
        ledger.post(Journal.builder("order-settled:" + orderId, "ORDER_SETTLED", head.number())
                .entry(LedgerAccounts.orderEscrow(orderId), escrow)
                .entry(LedgerAccounts.PLATFORM_MARKETING, marketing)
                .entry(LedgerAccounts.supplierPayable(head.supplierId()), supplierShare.negated())
                .entry(LedgerAccounts.PLATFORM_REVENUE, escrow.plus(marketing).minus(supplierShare).negated())
                .build());
    }

    /**
     * A line's figures for splitting its money: units taken in order (refunded ones first) carry their share of each
     * discount as {@link Allocation#ofUnits} gives it, the same rounding refunds use, so all steps add up to the line.
     */
    private record LineDue(long supplyFen, int quantity, int refundedBefore, long platformDiscountFen, long supplierDiscountFen, long supplierId) {

        /** What the supplier is credited for {@code units} units taken after {@code before}: supply price less their supplier-funded discount. */
        Money supplierDue(int before, int units) {
            return Money.fen(supplyFen * units).minus(Allocation.ofUnits(Money.fen(supplierDiscountFen), quantity, before, units));
        }

        Money platformDiscount(int before, int units) {
            return Allocation.ofUnits(Money.fen(platformDiscountFen), quantity, before, units);
        }
    }

    private static LineDue lineDue(ResultSet rs, int row) throws SQLException {
        return new LineDue(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
    }
}
