package com.kinshop.ordering;

import com.kinshop.payment.Refunds;
import com.kinshop.shared.Allocation;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * What a granted after-sales refund is worth and what granting it does: the refund is worked out when it is granted —
 * the units' part of what the buyer paid for the line ({@link Allocation#ofUnits}: the last unit carries the rounding
 * remainder, so refunding a whole line returns exactly its paid amount), plus the shipping fee when these are the last
 * units of an order that never shipped —
 * and leaves escrow in the same transaction that books it on the order, so the sums on the order, in the ledger and at
 * the provider agree to the fen.
 */
@Component
class RefundGrants {

    private final JdbcClient jdbc;
    private final OrderBooks books;
    private final Refunds refunds;
    private final ApplicationEventPublisher events;
    private final AfterSaleMoves moves;
    private final OrderMoves orderMoves;
    private final WholeOrderRefunds wholeOrderRefunds;
    private final Clock clock;

    RefundGrants(JdbcClient jdbc, OrderBooks books, Refunds refunds, ApplicationEventPublisher events, AfterSaleMoves moves, OrderMoves orderMoves,
                 WholeOrderRefunds wholeOrderRefunds, Clock clock) {
        this.wholeOrderRefunds = wholeOrderRefunds;
        this.jdbc = jdbc;
        this.books = books;
        this.refunds = refunds;
        this.events = events;
        this.moves = moves;
        this.orderMoves = orderMoves;
        this.clock = clock;
    }

    private record LockedOrder(long id, String number, OrderStatus status, String paymentNumber, boolean shipped) {
    }

    /** Grants the request (locked by the caller) its refund: counted on the line and the order, out of escrow, sent to the provider. */
    void grant(AfterSales.AfterSale request, String note) {
        LockedOrder order = lockOrder(request.orderId());
        long unitsLeftOnOrder = jdbc.sql("select sum(quantity - refunded_quantity) from order_line where order_id = ?").param(order.id())
                .query(Long.class).single();
        if (!order.shipped() && order.status() == OrderStatus.PAID && unitsLeftOnOrder == request.quantity()) {
            // the request empties an order that never shipped: that is a whole-order refund, done in one place
            Money amount = wholeOrderRefunds.refundLocked(order.id(), request.number(), "售后退款 " + request.number(), false).amount();
            jdbc.sql("update after_sale set amount_fen = ? where id = ?").params(amount.fen(), request.id()).update();
            moves.move(request.id(), AfterSaleStatus.Move.GRANT_REFUND, note);
            return;
        }
        Refund refund = refundFor(order.shipped(), request.lineId(), request.quantity());
        Money amount = refund.total();
        int counted = jdbc.sql("""
                        update order_line set refunded_quantity = refunded_quantity + ?, refunded_goods_fen = refunded_goods_fen + ?
                        where id = ? and refunded_quantity + ? <= quantity""")
                .params(request.quantity(), refund.goods().fen(), request.lineId(), request.quantity()).update();
        if (counted != 1) {
            throw BusinessException.conflict("quantity", "aftersale.line.refunded");
        }
        // the goods part apart: sales figures subtract refunded goods, never the shipping refunded with the last units
        int booked = jdbc.sql("update orders set refunded_fen = refunded_fen + ?, refunded_goods_fen = refunded_goods_fen + ? where id = ? and refunded_fen + ? <= total_fen")
                .params(amount.fen(), refund.goods().fen(), order.id(), amount.fen()).update();
        if (booked != 1) {
            throw BusinessException.conflict("quantity", "aftersale.line.refunded"); // never more back than the order's stored total
        }
        jdbc.sql("update after_sale set amount_fen = ? where id = ?").params(amount.fen(), request.id()).update();
        // clearing first, members' accounts after (RefundGranted): the same order of locks as a payment's
        books.refundApproved(order.id(), order.number(), request.number(), amount);
        refunds.refund(request.number(), order.paymentNumber(), amount, "售后退款 " + request.number());
        int refundedNow = jdbc.sql("select refunded_quantity from order_line where id = ?").param(request.lineId()).query(Integer.class).single();
        int lineQuantity = jdbc.sql("select quantity from order_line where id = ?").param(request.lineId()).query(Integer.class).single();
        events.publishEvent(new OrderEvents.RefundGranted(order.id(), request.lineId(), refundedNow, lineQuantity,
                order.status() == OrderStatus.COMPLETED, clock.instant(), refund.goods()));
        moves.move(request.id(), AfterSaleStatus.Move.GRANT_REFUND, note);
        if (order.status() == OrderStatus.COMPLETED) {
            books.resettle(order.id(), request.number(), request.lineId(), request.quantity());
        }
        boolean everythingRefunded = jdbc.sql("select not exists (select 1 from order_line where order_id = ? and refunded_quantity < quantity)")
                .param(order.id()).query(Boolean.class).single();
        if (everythingRefunded) {
            boolean closed = orderMoves.move(OrderStatus.Move.REFUND_WHOLLY, OrderMoves.Change.of(order.id()), OrderMoves.NO_EVENT).isPresent();
            if (closed && order.status() != OrderStatus.COMPLETED) {
                books.settle(order.id());
            }
        }
    }

    /** A refund: the goods part (of what was paid for the line) and the shipping returned with it. */
    record Refund(Money goods, Money shipping) {

        Money total() {
            return goods.plus(shipping);
        }
    }

    /** The units' part of the line's paid amount, plus shipping when these are the last units of an order that never shipped. */
    Refund refundFor(boolean orderShipped, long lineId, int quantity) {
        record Line(long paidFen, int quantity, int refundedQuantity, long unitsLeftOnOrder, long shippingFen) {
        }
        Line line = jdbc.sql("""
                        select l.paid_fen, l.quantity, l.refunded_quantity,
                               (select sum(o.quantity - o.refunded_quantity) from order_line o where o.order_id = l.order_id),
                               (select shipping_fen from orders where id = l.order_id)
                        from order_line l where l.id = ?""")
                .param(lineId).query((rs, n) -> new Line(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5))).single();
        int unitsLeftOnLine = line.quantity() - line.refundedQuantity();
        boolean lastUnits = quantity == unitsLeftOnLine && line.unitsLeftOnOrder() == unitsLeftOnLine;
        Money goods = Allocation.ofUnits(Money.fen(line.paidFen()), line.quantity(), line.refundedQuantity(), quantity);
        return new Refund(goods, Money.fen(lastUnits && !orderShipped ? line.shippingFen() : 0));
    }

    private LockedOrder lockOrder(long orderId) {
        return jdbc.sql("select id, number, status, payment_number, shipped_at is not null from orders where id = ? for update").param(orderId)
                .query((rs, n) -> new LockedOrder(rs.getLong(1), rs.getString(2), OrderStatus.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getBoolean(5)))
                .single();
    }
}
