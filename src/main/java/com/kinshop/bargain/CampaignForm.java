package com.kinshop.bargain;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.PricingRule;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What supplier staff give to start a bargain campaign, checked in plain Java; each refusal names the field as the
 * API calls it. The floor is checked against the SKU as it is now: below its price, above what the price rule allows
 * (supply + commission budget + platform fee ≤ floor), and leaving at least 1 fen for every cut.
 */
@Schema(name = "BargainCampaignForm", requiredProperties = {"skuId", "floorPriceFen", "helpersNeeded", "timeLimit", "startsAt", "endsAt", "units"})
public record CampaignForm(
        @Schema(description = "The SKU on sale at its normal price; one of the supplier's own", example = "12") Long skuId,
        @Schema(description = "The lowest price friends can cut it to, in fen (below the normal price, within the price rule)", example = "5900") Long floorPriceFen,
        @Schema(description = "Friends needed to reach the floor (1–50); each friend helps once", example = "5") Integer helpersNeeded,
        @Schema(description = "How long each bargain lasts after it starts: whole hours (\"24\") or an ISO-8601 duration (\"PT24H\"); 1 hour to 7 days",
                example = "24") String timeLimit,
        @Schema(description = "When members can start bargains") Instant startsAt,
        @Schema(description = "When no more bargains start; a bargain's deadline never runs past it") Instant endsAt,
        @Schema(description = "Units set aside for the campaign (1–10000): sold + reserved + available = units", example = "100") Integer units,
        @Schema(description = "Bargains one member may start in this campaign (1–10, default 1)", example = "1") Integer perMemberLimit,
        @Schema(description = "Only members who registered after the bargain started may help (拉新), default false") Boolean newMembersOnly) {

    public static final int HELPERS_MAX = 50;
    public static final int UNITS_MAX = 10_000;
    public static final int PER_MEMBER_MAX = 10;
    public static final Duration TIME_LIMIT_MIN = Duration.ofHours(1);
    public static final Duration TIME_LIMIT_MAX = Duration.ofDays(7);

    /** The form with its defaults, checked against {@code now}; the SKU-dependent checks are {@link #checkFloor}. */
    public CampaignForm checked(Instant now) {
        if (skuId == null) {
            throw BusinessException.invalid("skuId", "bargain.sku.required");
        }
        if (floorPriceFen == null || floorPriceFen <= 0) {
            throw BusinessException.invalid("floorPriceFen", "bargain.floor.positive");
        }
        if (helpersNeeded == null || helpersNeeded < 1 || helpersNeeded > HELPERS_MAX) {
            throw BusinessException.invalid("helpersNeeded", "bargain.helpers.range", HELPERS_MAX);
        }
        Duration limit = timeLimit(timeLimit);
        if (startsAt == null) {
            throw BusinessException.invalid("startsAt", "bargain.starts.required");
        }
        if (endsAt == null || !endsAt.isAfter(startsAt)) {
            throw BusinessException.invalid("endsAt", "bargain.ends.before-start");
        }
        if (!endsAt.isAfter(now)) {
            throw BusinessException.invalid("endsAt", "bargain.ends.past");
        }
        if (units == null || units < 1 || units > UNITS_MAX) {
            throw BusinessException.invalid("units", "bargain.units.range", UNITS_MAX);
        }
        int perMember = perMemberLimit == null ? 1 : perMemberLimit;
        if (perMember < 1 || perMember > PER_MEMBER_MAX) {
            throw BusinessException.invalid("perMemberLimit", "bargain.per-member.range", PER_MEMBER_MAX);
        }
        return new CampaignForm(skuId, floorPriceFen, helpersNeeded, limit.toString(), startsAt, endsAt, units, perMember,
                Boolean.TRUE.equals(newMembersOnly));
    }

    /** The time limit of a checked form. */
    public Duration timeLimitDuration() {
        return timeLimit(timeLimit);
    }

    /**
     * The floor against the SKU now: below its price, at least 1 fen per cut between them ({@code cuts}: the helpers
     * and, when the policy has it, the starter's own first cut), and within the price rule at the floor.
     */
    public void checkFloor(Catalog.SkuFacts sku, int platformFeeBp, int cuts) {
        checkFloor(Money.fen(floorPriceFen), sku.price(), sku.spec(), sku.supplyPrice(), sku.budget(), platformFeeBp, cuts);
    }

    /** The same checks for a floor against a normal price and the SKU's supply price and commission budget. */
    static void checkFloor(Money floor, Money normal, String spec, Money supply, CommissionBudget budget, int platformFeeBp, int cuts) {
        if (floor.compareTo(normal) >= 0) {
            throw BusinessException.invalid("floorPriceFen", "bargain.floor.not-below-price", normal.toPlainString());
        }
        if (normal.fen() - floor.fen() < cuts) {
            throw BusinessException.invalid("floorPriceFen", "bargain.floor.gap-too-small", cuts, normal.toPlainString());
        }
        List<PricingRule.Violation> violations = PricingRule.check(0, spec, floor, supply, budget, platformFeeBp);
        if (!violations.isEmpty()) {
            Money commission = budget.amountFor(floor);
            Money fee = floor.shareAt(platformFeeBp);
            throw BusinessException.invalid("floorPriceFen", "bargain.floor.price-rule", supply.toPlainString(),
                    commission.toPlainString(), fee.toPlainString(), supply.plus(commission).plus(fee).toPlainString());
        }
    }

    /** "24" (hours) or "PT24H"; within 1 hour and 7 days. */
    static Duration timeLimit(String text) {
        if (text == null || text.isBlank()) {
            throw BusinessException.invalid("timeLimit", "bargain.time-limit.invalid");
        }
        Duration limit;
        try {
            String trimmed = text.strip();
            limit = trimmed.matches("\\d{1,4}") ? Duration.ofHours(Long.parseLong(trimmed))
                    : Duration.parse(trimmed.toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("timeLimit", "bargain.time-limit.invalid");
        }
        if (limit.compareTo(TIME_LIMIT_MIN) < 0 || limit.compareTo(TIME_LIMIT_MAX) > 0) {
            throw BusinessException.invalid("timeLimit", "bargain.time-limit.invalid");
        }
        return limit;
    }
}
