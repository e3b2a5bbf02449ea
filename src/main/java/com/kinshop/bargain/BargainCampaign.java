package com.kinshop.bargain;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A bargain campaign as members, its supplier and the operator see it. */
@Schema(name = "BargainCampaign")
public record BargainCampaign(long id, SupplierId supplier, String supplierName, SkuId sku, ProductId product, String productName, String spec,
                              String imageUrl,
                              @Schema(description = "The price a bargain starts from") Money normalPrice,
                              @Schema(description = "The price the last needed cut lands on") Money floorPrice,
                              int helpersNeeded,
                              @Schema(description = "How long each bargain lasts after it starts, ISO-8601", example = "PT24H") String timeLimit,
                              int units, int perMemberLimit, boolean newMembersOnly, CampaignStatus status,
                              @Schema(description = "The operator's reason when rejected") String decisionReason,
                              @Schema(description = "What a member sees now: awaiting approval, rejected, upcoming, running, sold out, ended")
                              Phase phase, Instant startsAt, Instant endsAt) {

    public enum Phase {
        PENDING_APPROVAL, REJECTED, UPCOMING, RUNNING, SOLD_OUT, ENDED;

        /** Derived from the clock as well as the stored state, so the page is right between two timer sweeps. */
        static Phase of(CampaignStatus status, Instant startsAt, Instant endsAt, boolean soldOut, Instant now) {
            return switch (status) {
                case PENDING_APPROVAL -> now.isBefore(endsAt) ? PENDING_APPROVAL : ENDED;
                case REJECTED -> REJECTED;
                case ENDED -> ENDED;
                case APPROVED -> !now.isBefore(endsAt) ? ENDED : now.isBefore(startsAt) ? UPCOMING : soldOut ? SOLD_OUT : RUNNING;
            };
        }
    }

    /** "24h", "1h30m": the time limit as the consoles show it. */
    public String timeLimitText() {
        java.time.Duration limit = java.time.Duration.parse(timeLimit);
        return limit.toHours() + "h" + (limit.toMinutesPart() == 0 ? "" : limit.toMinutesPart() + "m");
    }

    public Money saving() {
        return normalPrice.minus(floorPrice);
    }
}
