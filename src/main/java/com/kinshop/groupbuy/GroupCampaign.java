package com.kinshop.groupbuy;

import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A group-buy campaign as members, suppliers and operators see it (prices in fen with their display). */
@Schema(name = "GroupCampaign")
public record GroupCampaign(long id, long supplierId, String supplierName, long productId, String productName, String imageUrl,
                            List<SkuPrice> skus, int groupSize,
                            @Schema(description = "Time a group has to fill once opened, ISO-8601", example = "PT24H") String fillWithin,
                            int perMemberLimit, Instant startsAt, Instant endsAt,
                            @Schema(description = "Operator review: PENDING, APPROVED or REJECTED") CampaignReview review,
                            String reviewReason,
                            @Schema(description = "Where it stands for members now: PENDING_REVIEW, REJECTED, UPCOMING, RUNNING or ENDED") GroupRules.Phase phase,
                            @Schema(description = "模拟成团 on: at the deadline a group with at least one paid member succeeds, its missing seats shown as simulated")
                            boolean virtualFill,
                            Units units) {

    @Schema(name = "GroupSkuOffer")
    public record SkuPrice(long skuId, String spec, @Schema(description = "The normal (单独购买) price") Money normalPrice, Money groupPrice) {
    }

    @Schema(name = "GroupCampaignUnits", description = "sold + reserved + available = total")
    public record Units(int total, @Schema(description = "Paid for and not refunded") int sold,
                        @Schema(description = "On seats awaiting payment") int reserved, int available) {
    }

    /** The fill time in whole minutes, for pages. */
    public long fillMinutes() {
        return java.time.Duration.parse(fillWithin).toMinutes();
    }

    public boolean running() {
        return phase == GroupRules.Phase.RUNNING;
    }

    public SkuPrice sku(long skuId) {
        return skus.stream().filter(sku -> sku.skuId() == skuId).findFirst().orElse(null);
    }

    public Money lowestGroupPrice() {
        return skus.stream().map(SkuPrice::groupPrice).min(Money::compareTo).orElse(Money.ZERO);
    }

    public Money lowestNormalPrice() {
        return skus.stream().map(SkuPrice::normalPrice).min(Money::compareTo).orElse(Money.ZERO);
    }
}
