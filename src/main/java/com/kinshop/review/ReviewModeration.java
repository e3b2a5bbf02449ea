package com.kinshop.review;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The operator's side: hiding illegal content (audited, the stars still count) and deciding brushing flags (clear: the
 * review counts from then on; confirm: it never does). There is no un-hide and no delete.
 */
@Service
public class ReviewModeration {

    private final JdbcClient jdbc;
    private final ReviewMoves moves;
    private final ProductRatings ratings;
    private final Clock clock;

    ReviewModeration(JdbcClient jdbc, ReviewMoves moves, ProductRatings ratings, Clock clock) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.ratings = ratings;
        this.clock = clock;
    }

    @Schema(name = "ReviewModerationEntry")
    public record Entry(long id, long reviewId, HideTarget target, HideReason reason, long operatorId, Instant at) {
    }

    @Schema(name = "ReviewFlag")
    public record Flag(long reviewId, long productId, String orderNumber, long buyerId, int productStars, String text, List<BrushingReason> reasons,
                       ReviewStatus status, Instant createdAt) {
    }

    @Transactional
    public void hide(AccountId operator, long reviewId, HideTarget target, HideReason reason) {
        if (target == null) {
            throw BusinessException.invalid("target", "reviews.hide.target.required");
        }
        if (reason == null) {
            throw BusinessException.invalid("reason", "reviews.hide.reason.required");
        }
        Instant now = clock.instant();
        String update = switch (target) {
            case REVIEW -> "update review set hidden_reason = :reason, hidden_at = :now where id = :id";
            case FOLLOW_UP -> "update review_follow_up set hidden_reason = :reason, hidden_at = :now where review_id = :id";
            case REPLY, FOLLOW_UP_REPLY -> "update review_reply set hidden_reason = :reason, hidden_at = :now where review_id = :id and part = :part";
        };
        String part = target == HideTarget.FOLLOW_UP_REPLY ? ReviewPart.FOLLOW_UP.name() : ReviewPart.REVIEW.name();
        int changed = jdbc.sql(update + " and hidden_at is null").param("reason", reason.name()).param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", reviewId).param("part", part).update();
        if (changed != 1) {
            boolean exists = switch (target) {
                case REVIEW -> exists("select exists (select 1 from review where id = ?)", reviewId);
                case FOLLOW_UP -> exists("select exists (select 1 from review_follow_up where review_id = ?)", reviewId);
                case REPLY, FOLLOW_UP_REPLY -> exists("select exists (select 1 from review_reply where review_id = ? and part = ?)", reviewId, part);
            };
            throw exists ? BusinessException.conflict("target", "reviews.hide.already") : BusinessException.notFound("reviews.not-found");
        }
        try {
            jdbc.sql("insert into review_moderation (review_id, target, reason, operator_id, at) values (?, ?, ?, ?, ?)")
                    .params(reviewId, target.name(), reason.name(), operator.value(), now.atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("target", "reviews.hide.already");
        }
    }

    public List<Entry> audit(int limit) {
        return jdbc.sql("select id, review_id, target, reason, operator_id, at from review_moderation order by id desc limit ?").param(limit)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getLong(2), HideTarget.valueOf(rs.getString(3)), HideReason.valueOf(rs.getString(4)),
                        rs.getLong(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Flags still to decide, oldest first, then the latest decided ones. */
    public List<Flag> flags(int limit) {
        return jdbc.sql("""
                        select id, product_id, order_number, buyer_id, product_stars, text, flag_reasons, status, created_at from review
                        where flag_reasons is not null order by (status = ?) desc, case when status = ? then id else -id end limit ?""")
                .params(ReviewStatus.FLAGGED.name(), ReviewStatus.FLAGGED.name(), limit)
                .query((rs, n) -> new Flag(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5), rs.getString(6),
                        Arrays.stream(rs.getString(7).split(",")).map(BrushingReason::valueOf).toList(), ReviewStatus.valueOf(rs.getString(8)),
                        rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Not brushing after all: the review counts from now on (ratings, StarsCounted), once. */
    @Transactional
    public void clear(AccountId operator, long reviewId) {
        Instant now = clock.instant();
        ReviewMoves.Moved moved = moves.move(ReviewStatus.Move.CLEAR, reviewId, operator.value(), now).orElseThrow(() -> refusal(reviewId));
        ratings.count(moved.id(), moved.orderLineId(), moved.productId(), moved.supplierId(), moved.productStars(), moved.logisticsStars(),
                moved.serviceStars(), moved.hasImages(), moved.hasFollowUp(), now);
    }

    /** Brushing confirmed: the review never counts and is not shown. */
    @Transactional
    public void confirmBrushing(AccountId operator, long reviewId) {
        moves.move(ReviewStatus.Move.CONFIRM_BRUSHING, reviewId, operator.value(), clock.instant()).orElseThrow(() -> refusal(reviewId));
    }

    private BusinessException refusal(long reviewId) {
        return exists("select exists (select 1 from review where id = ?)", reviewId)
                ? BusinessException.conflict(null, "reviews.flag.decided") : BusinessException.notFound("reviews.not-found");
    }

    private boolean exists(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Boolean.class).single();
    }
}
