package com.kinshop.review;

import io.swagger.v3.oas.annotations.media.Schema;

/** A buyer's review of one received order line; images travel beside it (multipart parts). */
@Schema(name = "ReviewForm")
public record ReviewForm(@Schema(description = "The order line reviewed") long orderLineId,
                         @Schema(description = "1–5") int productStars, @Schema(description = "1–5") int logisticsStars,
                         @Schema(description = "1–5") int serviceStars, @Schema(description = "At most 500 characters; may be empty") String text,
                         @Schema(description = "Show the name masked (张**); false when left out") Boolean anonymous) {

    public boolean masked() {
        return Boolean.TRUE.equals(anonymous);
    }
}
