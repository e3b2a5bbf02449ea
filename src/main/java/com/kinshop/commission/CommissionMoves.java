package com.kinshop.commission;

import com.kinshop.commission.CommissionStatus.Move;
import com.kinshop.shared.Money;
import com.kinshop.shared.StateNames;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The one place a commission changes state: a guarded UPDATE (the move's from-states in the WHERE clause) whose row
 * count decides, then the move's event (if it has one), in the same transaction.
 */
@Component
class CommissionMoves {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CommissionMoves(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Moves the commission; false if it was not in a state the move starts from. */
    boolean move(long commissionId, Move move) {
        return move(commissionId, move, "", Map.of(), null);
    }

    /**
     * Moves the commission, setting {@code alsoSet} too (SQL with named parameters from {@code params}), and publishes
     * {@code event} (null for none) if it moved; false if it was not in a state the move starts from.
     */
    boolean move(long commissionId, Move move, String alsoSet, Map<String, ?> params, Object event) {
        int moved = jdbc.sql("update commission set status = :to" + (alsoSet.isEmpty() ? "" : ", " + alsoSet) + " where id = :id and status in (:from)")
                .params(params).param("to", move.to().name()).param("id", commissionId)
                .param("from", StateNames.of(move.from()))
                .update();
        if (moved == 1 && event != null) {
            events.publishEvent(event);
        }
        return moved == 1;
    }

    /** One commission of an order after {@link #moveAllOf}: whether the move took it, and its amount less what was cancelled. */
    record OfOrder(long id, long beneficiaryId, boolean moved, Money remaining) {
    }

    /**
     * Moves every commission of the order that is in a state the move starts from, setting {@code alsoSet} too, in one
     * guarded UPDATE that locks them in id order (the order every other path locks them in); returns all the order's
     * commissions in id order, each saying whether it moved. One statement however many lines and levels the order has;
     * a moved commission's amount comes from its row as locked (RETURNING), not from the statement's snapshot.
     */
    List<OfOrder> moveAllOf(long orderId, Move move, String alsoSet, Map<String, ?> params) {
        return jdbc.sql("""
                        with moved as (
                            update commission c set status = :to""" + (alsoSet.isEmpty() ? "" : ", " + alsoSet) + """

                            from (select id from commission where order_id = :order and status in (:from) order by id for update) due
                            where c.id = due.id and c.status in (:from)
                            returning c.id, c.amount_fen - c.cancelled_fen as remaining)
                        select c.id, c.beneficiary_id, moved.id is not null, coalesce(moved.remaining, c.amount_fen - c.cancelled_fen)
                        from commission c left join moved on moved.id = c.id where c.order_id = :order order by c.id""")
                .params(params).param("to", move.to().name()).param("order", orderId).param("from", StateNames.of(move.from()))
                .query((rs, n) -> new OfOrder(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), Money.fen(rs.getLong(4))))
                .list();
    }
}
