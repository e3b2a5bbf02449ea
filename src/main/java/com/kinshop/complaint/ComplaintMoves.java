package com.kinshop.complaint;

import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * The one place a complaint changes state: a guarded UPDATE with the move's from-states (and who may make it) in its
 * WHERE clause; the returned row decides — two answers, two decisions, a timer and a withdrawal at the same moment:
 * one of them moves it.
 */
@Component
class ComplaintMoves {

    private final JdbcClient jdbc;

    ComplaintMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A complaint that moved, with what the rest of its step needs. */
    record Moved(long id, String number, long orderId, String orderNumber, long supplierId, long buyerId, Long[] productIds) {
    }

    /**
     * Performs {@code move} on the complaint {@code number} if it is in one of the move's from-states and
     * {@code condition} holds; {@code set}: the other columns it changes (named parameters from {@code params}).
     */
    Optional<Moved> move(ComplaintStatus.Move move, String number, String condition, String set, Map<String, ?> params) {
        return jdbc.sql("update complaint set status = :to" + (set.isEmpty() ? "" : ", " + set)
                        + " where number = :number and status in (:from)" + (condition.isEmpty() ? "" : " and " + condition)
                        + " returning id, number, order_id, order_number, supplier_id, buyer_id, product_ids")
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("number", number).params(params)
                .query((rs, n) -> new Moved(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                        (Long[]) rs.getArray(7).getArray()))
                .optional();
    }
}
