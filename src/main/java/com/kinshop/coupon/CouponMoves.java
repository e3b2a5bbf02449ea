package com.kinshop.coupon;

import com.kinshop.coupon.CouponState.Move;
import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place a held coupon changes state: a guarded UPDATE with the move's from-states in its WHERE clause, whose
 * returned rows say which coupons moved, so two checkouts locking one coupon, or a cancellation and a payment timeout
 * releasing it, produce exactly one outcome.
 */
@Component
class CouponMoves {

    private final JdbcClient jdbc;

    CouponMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A coupon that moved, with what its event needs. */
    record Moved(long id, long member, String source, String orderNumber, Long discountFen) {
    }

    /**
     * Moves the coupons {@code ids} that are in a from-state of {@code move} and match {@code condition} (SQL with named
     * parameters), also setting {@code alsoSet}; returns those that moved, by id.
     */
    List<Moved> move(Move move, Collection<Long> ids, String condition, String alsoSet, Map<String, ?> params) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> all = new HashMap<>(params);
        all.put("ids", List.copyOf(ids));
        all.put("to", move.to().name());
        all.put("from", StateNames.of(move.from()));
        return jdbc.sql("update member_coupon set state = :to" + (alsoSet.isEmpty() ? "" : ", " + alsoSet)
                        + " where id in (:ids) and state in (:from)" + (condition.isEmpty() ? "" : " and " + condition)
                        + " returning id, member_id, source, order_number, discount_fen")
                .params(all)
                .query((rs, n) -> new Moved(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5)))
                .list().stream().sorted(java.util.Comparator.comparingLong(Moved::id)).toList();
    }
}
