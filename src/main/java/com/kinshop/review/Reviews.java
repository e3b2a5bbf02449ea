package com.kinshop.review;

import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderFacts;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.MediaStore;
import com.kinshop.shared.UniqueConstraints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writing reviews: the buyer's review of a received line, its one follow-up, the supplier's one reply to each, and
 * helpful votes. Nothing here edits or deletes: each writing is an insert the database allows once.
 */
@Service
public class Reviews {

    private final JdbcClient jdbc;
    private final OrderFacts orders;
    private final MediaStore media;
    private final BrushingChecks brushing;
    private final ProductRatings ratings;
    private final Clock clock;

    Reviews(JdbcClient jdbc, OrderFacts orders, MediaStore media, BrushingChecks brushing, ProductRatings ratings, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.media = media;
        this.brushing = brushing;
        this.ratings = ratings;
        this.clock = clock;
    }

    /** Posted: its id, and whether it counts now or waits for the operator (the reasons stay with the operator). */
    public record Posted(long id, ReviewStatus status) {
    }

    /**
     * A review of a received line of the buyer's own order; a line refunded after receipt may be reviewed and says so.
     * Someone else's line or an unknown one is "not found"; one not received yet is refused; a second review is 409.
     */
    @Transactional
    public Posted post(AccountId buyer, ReviewForm form, List<byte[]> images) {
        ReviewRules.checkStars("productStars", form.productStars());
        ReviewRules.checkStars("logisticsStars", form.logisticsStars());
        ReviewRules.checkStars("serviceStars", form.serviceStars());
        String text = ReviewRules.checkText("text", form.text(), false);
        ReviewRules.checkImageCount(images.size());
        OrderFacts.ReviewableLine line = orders.reviewableLine(form.orderLineId()).filter(found -> found.buyer().equals(buyer))
                .orElseThrow(() -> BusinessException.invalid("orderLineId", "reviews.line.not-found"));
        if (line.receivedAt() == null) {
            throw BusinessException.conflict("orderLineId", "reviews.line.not-received");
        }
        List<MediaStore.PreparedImage> prepared = prepare(images);
        Instant now = clock.instant();
        long id;
        try {
            id = jdbc.sql("""
                            insert into review (order_line_id, order_number, product_id, supplier_id, buyer_id, spec, product_stars, logistics_stars,
                                                service_stars, text, anonymous, refunded, has_images, status, received_at, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(line.lineId(), line.orderNumber(), line.productId(), line.supplier().value(), buyer.value(), line.spec(),
                            form.productStars(), form.logisticsStars(), form.serviceStars(), text, form.masked(), line.refundedQuantity() > 0,
                            !prepared.isEmpty(), ReviewStatus.COUNTED.name(), line.receivedAt().atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            if (UniqueConstraints.violated(e, "review_one_per_line")) {
                throw BusinessException.conflict("orderLineId", "reviews.already");
            }
            throw e;
        }
        List<String> urls = saveImages(id, ReviewPart.REVIEW, prepared);
        List<BrushingReason> reasons = brushing.check(line, form.productStars(), now);
        if (!reasons.isEmpty()) {
            // set once, right after the insert and in its transaction: the review was never visible as counted
            jdbc.sql("update review set status = ?, flag_reasons = ? where id = ?")
                    .params(ReviewStatus.FLAGGED.name(), reasons.stream().map(Enum::name).collect(Collectors.joining(",")), id).update();
            return new Posted(id, ReviewStatus.FLAGGED);
        }
        ratings.count(id, line.lineId(), line.productId(), line.supplier().value(), form.productStars(), form.logisticsStars(),
                form.serviceStars(), !urls.isEmpty(), false, now);
        return new Posted(id, ReviewStatus.COUNTED);
    }

    /** The one follow-up (追评) of the buyer's own review, within {@link ReviewRules#FOLLOW_UP_WINDOW} of receipt. */
    @Transactional
    public void followUp(AccountId buyer, long reviewId, String text, List<byte[]> images) {
        String checked = ReviewRules.checkText("text", text, true);
        ReviewRules.checkImageCount(images.size());
        record Own(long productId, ReviewStatus status, boolean hasImages, Instant receivedAt) {
        }
        // the row lock orders this with an operator clearing the flag at the same moment: the follow-up is counted once
        Own review = jdbc.sql("select product_id, status, has_images, received_at from review where id = ? and buyer_id = ? for update")
                .params(reviewId, buyer.value())
                .query((rs, n) -> new Own(rs.getLong(1), ReviewStatus.valueOf(rs.getString(2)), rs.getBoolean(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant()))
                .optional().orElseThrow(() -> BusinessException.notFound("reviews.not-found"));
        Instant now = clock.instant();
        ReviewRules.checkFollowUpWindow(review.receivedAt(), now);
        List<MediaStore.PreparedImage> prepared = prepare(images);
        try {
            jdbc.sql("insert into review_follow_up (review_id, text, created_at) values (?, ?, ?)")
                    .params(reviewId, checked, now.atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("text", "reviews.follow-up.already");
        }
        List<String> urls = saveImages(reviewId, ReviewPart.FOLLOW_UP, prepared);
        boolean firstImages = !urls.isEmpty() && !review.hasImages();
        if (firstImages) {
            jdbc.sql("update review set has_images = true where id = ?").param(reviewId).update();
        }
        if (review.status() == ReviewStatus.COUNTED) {
            ratings.followedUp(review.productId(), firstImages);
        }
    }

    /** The supplier's one reply to a review of its product, or to its follow-up. */
    @Transactional
    public void reply(SupplierId supplier, AccountId author, long reviewId, ReviewPart part, String text) {
        String checked = ReviewRules.checkText("text", text, true);
        boolean exists = jdbc.sql("""
                        select exists (select 1 from review r where r.id = :id and r.supplier_id = :supplier
                            and (:part = :reviewPart or exists (select 1 from review_follow_up f where f.review_id = r.id)))""")
                .param("id", reviewId).param("supplier", supplier.value()).param("part", part.name())
                .param("reviewPart", ReviewPart.REVIEW.name()).query(Boolean.class).single();
        if (!exists) {
            throw BusinessException.notFound("reviews.not-found");
        }
        try {
            jdbc.sql("insert into review_reply (review_id, part, author_id, text, created_at) values (?, ?, ?, ?, ?)")
                    .params(reviewId, part.name(), author.value(), checked, clock.instant().atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("text", "reviews.reply.already");
        }
    }

    /** One helpful vote (有用) per account per shown review; not on one's own. Answers the new count. */
    @Transactional
    public int vote(AccountId voter, long reviewId) {
        Long author = jdbc.sql("select buyer_id from review where id = ? and status = ? and hidden_at is null").params(reviewId, ReviewStatus.COUNTED.name())
                .query(Long.class).optional().orElseThrow(() -> BusinessException.notFound("reviews.not-found"));
        if (author == voter.value()) {
            throw BusinessException.forbidden("reviews.vote.own");
        }
        try {
            jdbc.sql("insert into review_helpful (review_id, account_id, created_at) values (?, ?, ?)")
                    .params(reviewId, voter.value(), clock.instant().atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict(null, "reviews.vote.already");
        }
        return jdbc.sql("update review set helpful_count = helpful_count + 1 where id = ? returning helpful_count").param(reviewId)
                .query(Integer.class).single();
    }

    /** Every image checked before anything is written (see {@link MediaStore#prepareImage}). */
    private List<MediaStore.PreparedImage> prepare(List<byte[]> images) {
        return images.stream().map(image -> media.prepareImage("reviews", image, ReviewRules.MAX_IMAGE_BYTES, 1200, "images")).toList();
    }

    /** The files, once the row they belong to is written; their URLs in order. */
    private List<String> saveImages(long reviewId, ReviewPart part, List<MediaStore.PreparedImage> images) {
        List<String> urls = new ArrayList<>();
        for (MediaStore.PreparedImage image : images) {
            String url = image.save();
            jdbc.sql("insert into review_image (review_id, part, position, url) values (?, ?, ?, ?)")
                    .params(reviewId, part.name(), urls.size() + 1, url).update();
            urls.add(url);
        }
        return urls;
    }
}
