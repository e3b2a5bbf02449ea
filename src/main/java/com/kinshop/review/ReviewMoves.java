package com.kinshop.review;

import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The one place a review's status changes: a guarded UPDATE with the move's from-states in its WHERE clause; the
 * returned row decides, so two operators clearing the same flag at once count it once.
 */
@Component
class ReviewMoves {

    private final JdbcClient jdbc;

    ReviewMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The review as it was moved, with what counting it needs. */
    record Moved(long id, long orderLineId, long productId, long supplierId, int productStars, int logisticsStars, int serviceStars,
                 boolean hasImages, boolean hasFollowUp) {
    }

    Optional<Moved> move(ReviewStatus.Move move, long reviewId, long operatorId, Instant now) {
        return jdbc.sql("""
                        update review r set status = :to, decided_by = :operator, decided_at = :now
                        where r.id = :id and r.status in (:from)
                        returning r.id, r.order_line_id, r.product_id, r.supplier_id, r.product_stars, r.logistics_stars, r.service_stars, r.has_images,
                                  exists (select 1 from review_follow_up f where f.review_id = r.id)""")
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("id", reviewId)
                .param("operator", operatorId).param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Moved(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        rs.getBoolean(8), rs.getBoolean(9)))
                .optional();
    }
}
