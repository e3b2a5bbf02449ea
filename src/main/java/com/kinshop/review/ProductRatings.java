package com.kinshop.review;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ratings per product from counted reviews only (a flagged or brushed review adds nothing; a hidden one still counts),
 * kept in {@code product_rating} and updated in the transaction in which a review starts to count. Storefront and shop
 * pages read them here.
 */
@Service
@Transactional(readOnly = true)
public class ProductRatings {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ProductRatings(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Schema(name = "ProductRating", description = "Counted reviews of a product: count, average product stars, how many gave 1..5 stars (index 0 = 1 star)")
    public record Rating(long productId, int count, double average, List<Integer> distribution, int withImages, int followUps, int negative) {

        public static Rating none(long productId) {
            return new Rating(productId, 0, 0, List.of(0, 0, 0, 0, 0), 0, 0, 0);
        }

        /** The average as shown (one decimal), e.g. "4.8". */
        public String shown() {
            return String.format(java.util.Locale.ROOT, "%.1f", average);
        }

        /** Share of the count at {@code stars} (1..5), in whole percent, for the distribution bars. */
        public int percentAt(int stars) {
            return count == 0 ? 0 : Math.round(distribution.get(stars - 1) * 100f / count);
        }
    }

    public Rating of(ProductId product) {
        return of(List.of(product)).get(product);
    }

    /** Ratings of many products in one query; a product without counted reviews gets {@link Rating#none}. */
    public Map<ProductId, Rating> of(Collection<ProductId> products) {
        Map<ProductId, Rating> ratings = new HashMap<>();
        products.forEach(product -> ratings.put(product, Rating.none(product.value())));
        if (products.isEmpty()) {
            return ratings;
        }
        jdbc.sql("""
                        select product_id, review_count, star_sum, stars_1, stars_2, stars_3, stars_4, stars_5, with_images, follow_ups, negative
                        from product_rating where product_id in (:ids)""")
                .param("ids", products.stream().map(ProductId::value).toList())
                .query(rs -> {
                    int count = rs.getInt(2);
                    ratings.put(new ProductId(rs.getLong(1)), new Rating(rs.getLong(1), count, count == 0 ? 0 : rs.getLong(3) / (double) count,
                            List.of(rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)), rs.getInt(9), rs.getInt(10), rs.getInt(11)));
                });
        return ratings;
    }

    /**
     * A review starts to count: its stars enter the product's ratings and StarsCounted is published, in the caller's
     * transaction (the review's insert or the operator's clearing), so ratings, event and review never disagree.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void count(long reviewId, long orderLineId, long productId, long supplierId, int productStars, int logisticsStars, int serviceStars,
               boolean hasImages, boolean hasFollowUp, Instant now) {
        jdbc.sql("""
                        insert into product_rating as r (product_id, review_count, star_sum, stars_1, stars_2, stars_3, stars_4, stars_5,
                                                         with_images, follow_ups, negative)
                        values (:product, 1, :stars, :s1, :s2, :s3, :s4, :s5, :images, :followUps, :negative)
                        on conflict (product_id) do update set review_count = r.review_count + 1, star_sum = r.star_sum + :stars,
                            stars_1 = r.stars_1 + :s1, stars_2 = r.stars_2 + :s2, stars_3 = r.stars_3 + :s3, stars_4 = r.stars_4 + :s4,
                            stars_5 = r.stars_5 + :s5, with_images = r.with_images + :images, follow_ups = r.follow_ups + :followUps,
                            negative = r.negative + :negative""")
                .param("product", productId).param("stars", productStars)
                .param("s1", productStars == 1 ? 1 : 0).param("s2", productStars == 2 ? 1 : 0).param("s3", productStars == 3 ? 1 : 0)
                .param("s4", productStars == 4 ? 1 : 0).param("s5", productStars == 5 ? 1 : 0)
                .param("images", hasImages ? 1 : 0).param("followUps", hasFollowUp ? 1 : 0).param("negative", productStars <= 2 ? 1 : 0)
                .update();
        events.publishEvent(new ReviewEvents.StarsCounted(reviewId, orderLineId, new ProductId(productId), new SupplierId(supplierId),
                productStars, logisticsStars, serviceStars, now));
    }

    /** A counted review gained a follow-up (and perhaps its first images). */
    @Transactional(propagation = Propagation.MANDATORY)
    void followedUp(long productId, boolean firstImages) {
        jdbc.sql("update product_rating set follow_ups = follow_ups + 1, with_images = with_images + :images where product_id = :product")
                .param("images", firstImages ? 1 : 0).param("product", productId).update();
    }
}
