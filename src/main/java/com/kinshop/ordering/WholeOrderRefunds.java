package com.kinshop.ordering;

import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderMoves.Change;
import com.kinshop.payment.Refunds;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Refunds everything left of a paid order that never shipped — goods and shipping — on the original payment path, for
 * a module whose play failed (a group that did not fill) and for after-sales when a request takes an unshipped order's
 * last units. The order row is locked first, so of two simultaneous calls one refunds and the other finds it refunded.
 */
@Service
public class WholeOrderRefunds {

    private final JdbcClient jdbc;
    private final OrderBooks books;
    private final Refunds refunds;
    private final OrderMoves moves;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WholeOrderRefunds(JdbcClient jdbc, OrderBooks books, Refunds refunds, OrderMoves moves, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.books = books;
        this.refunds = refunds;
        this.moves = moves;
        this.events = events;
        this.clock = clock;
    }

    /** What a whole-order refund did: {@code refundedNow} false when an earlier call had already refunded the order. */
    public record Refund(String orderNumber, String refundNumber, Money amount, boolean refundedNow) {
    }

    /** The refund number of an order's whole refund, derived from the order so asking twice can never pay twice. */
    public static String refundNumberOf(String orderNumber) {
        return "RW" + orderNumber;
    }

    /**
     * Refunds what is left of the order. Only a paid order that has not shipped; an order this operation already
     * refunded answers the same refund again (nothing moves twice).
     */
    @Transactional
    public Refund refund(String orderNumber, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw BusinessException.invalid("reason", "order.refund.reason.required");
        }
        long orderId = jdbc.sql("select id from orders where number = ? for update").param(orderNumber).query(Long.class).optional()
                .orElseThrow(() -> BusinessException.notFound("order.not-found"));
        return refundLocked(orderId, refundNumberOf(orderNumber), why, true);
    }

    /**
     * The same on an order row the caller has locked, under the caller's refund number (an after-sales request's own,
     * whose buyer hears of it when the provider confirms: {@code announce} false).
     */
    Refund refundLocked(long orderId, String refundNumber, String reason, boolean announce) {
        record Locked(String number, OrderStatus status, String paymentNumber, boolean shipped, long leftFen, AccountId buyer, SupplierId supplier) {
        }
        Locked order = jdbc.sql("""
                        select number, status, payment_number, shipped_at is not null, total_fen - refunded_fen, buyer_id, supplier_id
                        from orders where id = ?""")
                .param(orderId).query((rs, n) -> new Locked(rs.getString(1), OrderStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                        rs.getLong(5), new AccountId(rs.getLong(6)), new SupplierId(rs.getLong(7)))).single();
        if (order.status() == OrderStatus.REFUNDED && !order.shipped()) {
            return refunds.refundAmount(refundNumber).map(earlier -> new Refund(order.number(), refundNumber, earlier, false))
                    .orElseThrow(() -> BusinessException.conflict(null, "order.refund.already"));
        }
        if (OrderStatus.UNPAID.contains(order.status())) {
            throw BusinessException.conflict(null, "order.refund.not-paid");
        }
        if (order.status() != OrderStatus.PAID || order.shipped()) {
            throw BusinessException.conflict(null, "order.refund.shipped");
        }
        Money amount = Money.fen(order.leftFen());
        record LineLeft(long id, int quantity, Money goods) {
        }
        List<LineLeft> lines = jdbc.sql("""
                        with left_over as (select id, paid_fen - refunded_goods_fen as goods from order_line where order_id = ? and refunded_quantity < quantity)
                        update order_line l set refunded_quantity = quantity, refunded_goods_fen = paid_fen from left_over
                        where l.id = left_over.id returning l.id, l.quantity, left_over.goods""")
                .param(orderId).query((rs, n) -> new LineLeft(rs.getLong(1), rs.getInt(2), Money.fen(rs.getLong(3)))).list();
        // guarded by what was read under the lock: exactly the amount left moves, or nothing does
        int booked = jdbc.sql("""
                        update orders set refunded_fen = total_fen, refunded_goods_fen = goods_fen - discount_fen
                        where id = ? and refunded_fen = total_fen - ?""").params(orderId, amount.fen()).update();
        if (lines.isEmpty() || booked != 1) {
            throw new IllegalStateException("Order " + order.number() + " changed under its lock");
        }
        // clearing first, members' accounts after (RefundGranted): the same order of locks as a payment's
        books.refundApproved(orderId, order.number(), refundNumber, amount);
        refunds.refund(refundNumber, order.paymentNumber(), amount, reason);
        lines.stream().sorted(Comparator.comparingLong(LineLeft::id)).forEach(line -> events.publishEvent(
                new OrderEvents.RefundGranted(orderId, line.id(), line.quantity(), line.quantity(), false, clock.instant(), line.goods())));
        moves.move(OrderStatus.Move.REFUND_WHOLLY, Change.of(orderId).set("held_by = null", Map.of()),
                        moved -> !announce ? null : new OrderEvents.OrderRefunded(moved.id(), moved.number(), order.buyer(), order.supplier(), refundNumber, amount, true,
                                clock.instant()))
                .orElseThrow(() -> new IllegalStateException("Order " + order.number() + " was locked as paid but did not move to refunded"));
        books.settle(orderId);
        return new Refund(order.number(), refundNumber, amount, true);
    }
}
