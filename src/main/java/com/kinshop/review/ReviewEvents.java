package com.kinshop.review;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;

import java.time.Instant;

/** What happens to buyers' reviews, published in the transaction that made it happen (for scores and credit). */
public final class ReviewEvents {

    private ReviewEvents() {
    }

    /**
     * A review's stars start to count: posted with no brushing flag, or its flag cleared by an operator. Published once
     * per review, never for a review found to be brushed. Hiding a review (illegal content) does not un-count it.
     */
    public record StarsCounted(long reviewId, long orderLineId, ProductId product, SupplierId supplier, int productStars, int logisticsStars,
                               int serviceStars, Instant at) {
    }
}
