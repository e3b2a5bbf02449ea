package com.kinshop.credit;

import com.kinshop.shared.BusinessException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The operator's credit rules: the rolling window, the promised ship time (hours from payment), the Bayesian prior's
 * weight, the parts' weights (ratings, ship-on-time, after-sales; together 100 points), the points an upheld complaint
 * and a deposit deduction take off, the flag and suspend thresholds, and how much a flagged supplier's products keep
 * of their composite score (percent).
 */
public record CreditRules(
        @Schema(description = "Rolling window in days (7–365)", example = "90") Integer windowDays,
        @Schema(description = "Promised ship time, hours from payment (1–720)", example = "48") Integer promisedShipHours,
        @Schema(description = "Bayesian prior weight C, in reviews (0–1000)", example = "20") Integer priorWeight,
        @Schema(description = "Points for ratings (0–100; the three weights add up to 100)", example = "50") Integer ratingWeight,
        @Schema(description = "Points for shipping on time", example = "30") Integer shipWeight,
        @Schema(description = "Points for few after-sales refunds", example = "20") Integer afterSalesWeight,
        @Schema(description = "Points off per upheld complaint in the window (0–100)", example = "8") Integer complaintPoints,
        @Schema(description = "Points off per deposit deduction in the window (0–100)", example = "5") Integer deductionPoints,
        @Schema(description = "Below this score the supplier is flagged (0–100)", example = "60") Integer flagBelow,
        @Schema(description = "Below this score new campaigns are refused (0–flagBelow)", example = "40") Integer suspendBelow,
        @Schema(description = "Percent of the composite score a flagged supplier's products keep (10–100)", example = "70") Integer flaggedFactorPct) {

    public static final CreditRules DEFAULTS = new CreditRules(90, 48, 20, 50, 30, 20, 8, 5, 60, 40, 70);

    /** These rules, or a refusal naming the first field that is missing or out of range. Nothing is changed either way. */
    public CreditRules validated() {
        range("windowDays", windowDays, 7, 365);
        range("promisedShipHours", promisedShipHours, 1, 720);
        range("priorWeight", priorWeight, 0, 1000);
        range("ratingWeight", ratingWeight, 0, 100);
        range("shipWeight", shipWeight, 0, 100);
        range("afterSalesWeight", afterSalesWeight, 0, 100);
        if (ratingWeight + shipWeight + afterSalesWeight != 100) {
            throw BusinessException.invalid("ratingWeight", "credit.rules.weights-sum", ratingWeight + shipWeight + afterSalesWeight);
        }
        range("complaintPoints", complaintPoints, 0, 100);
        range("deductionPoints", deductionPoints, 0, 100);
        range("flagBelow", flagBelow, 0, 100);
        if (suspendBelow == null || suspendBelow < 0 || suspendBelow > flagBelow) {
            throw BusinessException.invalid("suspendBelow", "credit.rules.suspendBelow", flagBelow);
        }
        range("flaggedFactorPct", flaggedFactorPct, 10, 100);
        return this;
    }

    public double flaggedFactor() {
        return flaggedFactorPct / 100.0;
    }

    private static void range(String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            throw BusinessException.invalid(field, "credit.rules." + field, min, max); // the message names the field and its range
        }
    }
}
