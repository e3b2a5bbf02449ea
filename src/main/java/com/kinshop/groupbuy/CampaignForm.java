package com.kinshop.groupbuy;

import com.kinshop.shared.BusinessException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What supplier staff give to start a group-buy campaign, checked here in plain Java (the group prices against the
 * price rule in {@link GroupPrices}, with the catalog's figures). Each refusal names the field as the API calls it.
 */
@Schema(name = "GroupCampaignForm", requiredProperties = {"productId", "skus", "groupSize", "fillWithin", "startsAt", "endsAt", "units"})
public record CampaignForm(
        @Schema(description = "The product (of the caller's supplier, on sale)", example = "12") Long productId,
        @ArraySchema(arraySchema = @Schema(description = "The SKUs sold in groups, each at its group price (at least one)")) List<SkuPrice> skus,
        @Schema(description = "Members needed for a group to succeed, 2–50", example = "3") Integer groupSize,
        @Schema(description = "Time a group has to fill once opened: hours (\"24\") or an ISO-8601 duration (\"PT24H\"), 10 minutes to 7 days",
                example = "24") String fillWithin,
        @Schema(description = "When members can start opening groups") Instant startsAt,
        @Schema(description = "When no new group can be opened or joined (groups already open run to their own deadline)") Instant endsAt,
        @Schema(description = "Units one member may buy in this campaign (1–99, default 1)", example = "1") Integer perMemberLimit,
        @Schema(description = "Units set aside for the campaign: sold + reserved + available = units", example = "100") Integer units) {

    public static final int SIZE_MIN = 2;
    public static final int SIZE_MAX = 50;
    public static final Duration FILL_MIN = Duration.ofMinutes(10);
    public static final Duration FILL_MAX = Duration.ofDays(7);
    public static final int PER_MEMBER_MAX = 99;
    public static final int UNITS_MAX = 1_000_000;

    @Schema(name = "GroupSkuPrice", requiredProperties = {"skuId", "groupPriceFen"})
    public record SkuPrice(@Schema(description = "A SKU of the product", example = "34") Long skuId,
                           @Schema(description = "Its group price in fen: below the normal price, and still supply + commission budget + platform fee ≤ it",
                                   example = "5900") Long groupPriceFen) {
    }

    /** The form as checked: the duration parsed, the limit defaulted. */
    public record Checked(long productId, List<SkuPrice> skus, int groupSize, Duration fillWithin, Instant startsAt, Instant endsAt,
                          int perMemberLimit, int units) {
    }

    public Checked checked(Instant now) {
        if (productId == null) {
            throw BusinessException.invalid("productId", "group.product.required");
        }
        if (skus == null || skus.isEmpty()) {
            throw BusinessException.invalid("skus", "group.skus.required");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < skus.size(); i++) {
            SkuPrice sku = skus.get(i);
            if (sku == null || sku.skuId() == null || !seen.add(sku.skuId())) {
                throw BusinessException.invalid("skus[" + i + "].skuId", "group.sku.invalid");
            }
            if (sku.groupPriceFen() == null || sku.groupPriceFen() <= 0) {
                throw BusinessException.invalid("skus[" + i + "].groupPriceFen", "group.price.positive");
            }
        }
        if (groupSize == null || groupSize < SIZE_MIN || groupSize > SIZE_MAX) {
            throw BusinessException.invalid("groupSize", "group.size.range", SIZE_MIN, SIZE_MAX);
        }
        Duration fill = fillWithin(fillWithin);
        if (startsAt == null) {
            throw BusinessException.invalid("startsAt", "group.starts.required");
        }
        if (endsAt == null || !endsAt.isAfter(startsAt)) {
            throw BusinessException.invalid("endsAt", "group.ends.before-start");
        }
        if (!endsAt.isAfter(now)) {
            throw BusinessException.invalid("endsAt", "group.ends.past");
        }
        int limit = perMemberLimit == null ? 1 : perMemberLimit;
        if (limit < 1 || limit > PER_MEMBER_MAX) {
            throw BusinessException.invalid("perMemberLimit", "group.per-member.range", PER_MEMBER_MAX);
        }
        if (units == null || units < 1 || units > UNITS_MAX) {
            throw BusinessException.invalid("units", "group.units.range", UNITS_MAX);
        }
        return new Checked(productId, List.copyOf(skus), groupSize, fill, startsAt, endsAt, limit, units);
    }

    /** Hours as a whole number, or an ISO-8601 duration; between 10 minutes and 7 days. */
    static Duration fillWithin(String text) {
        String value = text == null ? "" : text.strip();
        Duration parsed;
        try {
            parsed = value.matches("\\d{1,4}") ? Duration.ofHours(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw BusinessException.invalid("fillWithin", "group.fill.invalid");
        }
        if (parsed.compareTo(FILL_MIN) < 0 || parsed.compareTo(FILL_MAX) > 0) {
            throw BusinessException.invalid("fillWithin", "group.fill.range");
        }
        return parsed;
    }
}
