package com.kinshop.commission;

import com.kinshop.commission.CommissionStatus.Move;
import com.kinshop.shared.StateNames;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
}
