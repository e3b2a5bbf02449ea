package com.kinshop.ordering;

import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderStatus.Move;
import com.kinshop.shared.Money;
import com.kinshop.shared.StateNames;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one place an order changes state: a guarded UPDATE (the move's from-states in the WHERE clause) whose returned
 * rows decide, so a timer, a late payment, a buyer and a supplier acting on the same order at once produce exactly one
 * outcome; then each moved order's event, in the same transaction.
 */
@Component
class OrderMoves {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OrderMoves(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** An order that moved, with what its event needs. */
    record Moved(long id, String number, AccountId buyer, SupplierId supplier, Money total, Money discount, OrderKind kind, String promotionRef) {
    }

    /** What else a move sets and which orders it applies to, in SQL with named parameters. */
    record Change(String which, String alsoSet, Map<String, ?> params) {

        static Change of(long orderId) {
            return new Change("id = :id", "", Map.of("id", orderId));
        }

        Change set(String columns, Map<String, ?> more) {
            return new Change(which, columns, merged(more));
        }

        Change where(String condition, Map<String, ?> more) {
            return new Change(which + " and " + condition, alsoSet, merged(more));
        }

        private Map<String, ?> merged(Map<String, ?> more) {
            Map<String, Object> all = new HashMap<>(params);
            all.putAll(more);
            return all;
        }
    }

    /** For a move that tells nobody (the event that matters comes from elsewhere). */
    static final Function<Moved, Object> NO_EVENT = moved -> null;

    /** Moves one order; empty if it was not in a state the move starts from. */
    java.util.Optional<Moved> move(Move move, Change change, Function<Moved, Object> event) {
        return move(move, change, moved -> { }, event).stream().findFirst();
    }

    /**
     * Moves every order the change names that is in a state the move starts from and returns them by id (the order
     * their rows are locked in elsewhere). For each, {@code beforeEvent} runs, then its event (if any) is published.
     */
    List<Moved> move(Move move, Change change, Consumer<Moved> beforeEvent, Function<Moved, Object> event) {
        List<Moved> moved = jdbc.sql("update orders set status = :to" + (change.alsoSet().isEmpty() ? "" : ", " + change.alsoSet())
                        + " where " + change.which() + " and status in (:from)"
                        + " returning id, number, buyer_id, supplier_id, total_fen, discount_fen, kind, promotion_ref")
                .params(change.params()).param("to", move.to().name()).param("from", StateNames.of(move.from()))
                .query((rs, n) -> new Moved(rs.getLong(1), rs.getString(2), new AccountId(rs.getLong(3)), new SupplierId(rs.getLong(4)),
                        Money.fen(rs.getLong(5)), Money.fen(rs.getLong(6)), OrderKind.valueOf(rs.getString(7)), rs.getString(8)))
                .list().stream().sorted(Comparator.comparingLong(Moved::id)).toList();
        for (Moved order : moved) {
            beforeEvent.accept(order);
            Object published = event.apply(order);
            if (published != null) {
                events.publishEvent(published);
            }
        }
        return moved;
    }
}
