package com.kinshop.ordering;

import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.AfterSaleStatus.Move;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.shared.StateNames;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one place an after-sales request changes state: a guarded UPDATE (the move's from-states in the WHERE clause)
 * whose row count decides, then the event the buyer hears about, in the same transaction.
 */
@Component
class AfterSaleMoves {

    /** What the buyer hears about (their own moves — return shipped, escalated, withdrawn — they know already). */
    private static final Set<Move> DECISIONS = EnumSet.of(Move.AWAIT_RETURN, Move.REJECT, Move.GRANT_REFUND, Move.CLOSE);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AfterSaleMoves(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Moves the request (locked by the caller); a request that is no longer where the move starts is a conflict. */
    void move(long afterSaleId, Move move, String note) {
        if (update(move, "id = :key", afterSaleId, note).isEmpty()) {
            throw BusinessException.conflict(null, "aftersale.changed");
        }
        if (DECISIONS.contains(move)) {
            events.publishEvent(decided(afterSaleId, move.to()));
        }
    }

    /** The provider sent the refund back (its number is the request's); false if the request was not refunding. */
    boolean confirmRefund(String afterSaleNumber) {
        Optional<Long> moved = update(Move.CONFIRM_REFUND, "number = :key", afterSaleNumber, null);
        moved.ifPresent(id -> events.publishEvent(refunded(id)));
        return moved.isPresent();
    }

    private Optional<Long> update(Move move, String which, Object key, String note) {
        return jdbc.sql("update after_sale set status = :to, decision_note = coalesce(:note, decision_note), updated_at = :at where " + which
                        + " and status in (:from) returning id")
                .param("to", move.to().name()).param("note", note, java.sql.Types.VARCHAR).param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("key", key).param("from", StateNames.of(move.from()))
                .query(Long.class).optional();
    }

    private OrderEvents.AfterSaleDecided decided(long afterSaleId, AfterSaleStatus to) {
        return jdbc.sql("""
                        select a.number, o.number, a.buyer_id, a.return_to_name || ' ' || a.return_to_phone || ' ' || a.return_to_address
                        from after_sale a join orders o on o.id = a.order_id where a.id = ?""")
                .param(afterSaleId)
                .query((rs, n) -> new OrderEvents.AfterSaleDecided(rs.getString(1), rs.getString(2), new AccountId(rs.getLong(3)), to,
                        to == AfterSaleStatus.AWAITING_RETURN ? rs.getString(4) : null, clock.instant()))
                .single();
    }

    private OrderEvents.OrderRefunded refunded(long afterSaleId) {
        return jdbc.sql("""
                        select o.id, o.number, a.buyer_id, a.supplier_id, a.number, a.amount_fen, o.status = ?
                        from after_sale a join orders o on o.id = a.order_id where a.id = ?""")
                .params(OrderStatus.REFUNDED.name(), afterSaleId)
                .query((rs, n) -> new OrderEvents.OrderRefunded(rs.getLong(1), rs.getString(2), new AccountId(rs.getLong(3)),
                        new SupplierId(rs.getLong(4)), rs.getString(5), Money.fen(rs.getLong(6)), rs.getBoolean(7), clock.instant()))
                .single();
    }
}
