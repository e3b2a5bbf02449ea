package com.kinshop.review;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A review as shown: hidden content carries no text or images ({@code hidden} true; the page shows the notice), an
 * anonymous reviewer's name is masked.
 */
@Schema(name = "Review")
public record ReviewView(long id, long productId, String spec, String author, boolean anonymous, int productStars, int logisticsStars,
                         int serviceStars, String text, boolean hidden, List<String> images, boolean refunded, int helpfulCount,
                         ReviewStatus status, Instant createdAt, FollowUp followUp, Reply reply, Reply followUpReply) {

    @Schema(name = "ReviewFollowUp")
    public record FollowUp(String text, boolean hidden, List<String> images, Instant createdAt, long daysAfterReview) {
    }

    @Schema(name = "ReviewReply")
    public record Reply(String text, boolean hidden, Instant createdAt) {
    }
}
