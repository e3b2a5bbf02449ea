package com.kinshop.credit;

import java.util.List;

/**
 * The supplier credit score (信用分, 0–100) over the rolling window: points for ratings (a Bayesian average of the
 * three kinds of stars, platform mean as prior), for shipping within the promised time and for few after-sales
 * refunds, in the operator's weights; minus points per upheld complaint and per deposit deduction. A supplier with
 * nothing in the window scores the prior's ratings and full marks for the rest.
 */
public final class CreditScore {

    /** An after-sales rate of this share of paid orders takes every after-sales point. */
    static final double AFTER_SALES_ZERO_AT = 0.5;

    private CreditScore() {
    }

    /** A supplier's counted events summed over the window. */
    public record Figures(long ratings, long productStarSum, long logisticsStarSum, long serviceStarSum, long ordersPaid, long ordersShipped,
                          long shippedOnTime, long refundsGranted, long complaintsUpheld, long depositDeductions, long deductedFen) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public double averageStars() {
            return ratings == 0 ? 0 : (productStarSum + logisticsStarSum + serviceStarSum) / (3.0 * ratings);
        }

        public double shipOnTimeRate() {
            return ordersShipped == 0 ? 1 : (double) shippedOnTime / ordersShipped;
        }

        public double afterSalesRate() {
            return ordersPaid == 0 ? 0 : Math.min(1.0, (double) refundsGranted / ordersPaid);
        }
    }

    /** One part of the score: what it earned of what it could, in points (deductions earn ≤ 0 of 0). */
    public record Part(String name, double earned, int max) {

        /** Points this part could still add (for deductions: what they cost). */
        public double missing() {
            return Math.round((max - earned) * 10) / 10.0;
        }
    }

    public record Assessment(int score, CreditLevel level, boolean flagged, boolean suspended, List<Part> parts) {
    }

    public static Assessment assess(Figures f, double platformMean, CreditRules rules) {
        double stars = f.ratings() + rules.priorWeight() == 0 ? platformMean
                : (rules.priorWeight() * platformMean + f.averageStars() * f.ratings()) / (rules.priorWeight() + f.ratings());
        double ratings = rules.ratingWeight() * Math.max(0, (stars - 1) / 4);
        double shipping = rules.shipWeight() * f.shipOnTimeRate();
        double afterSales = rules.afterSalesWeight() * Math.max(0, 1 - f.afterSalesRate() / AFTER_SALES_ZERO_AT);
        double complaints = -1.0 * rules.complaintPoints() * f.complaintsUpheld();
        double deductions = -1.0 * rules.deductionPoints() * f.depositDeductions();
        int score = (int) Math.round(Math.max(0, Math.min(100, ratings + shipping + afterSales + complaints + deductions)));
        List<Part> parts = List.of(new Part("ratings", round(ratings), rules.ratingWeight()), new Part("shipping", round(shipping), rules.shipWeight()),
                new Part("afterSales", round(afterSales), rules.afterSalesWeight()), new Part("complaints", round(complaints), 0),
                new Part("deductions", round(deductions), 0));
        return new Assessment(score, CreditLevel.of(score), score < rules.flagBelow(), score < rules.suspendBelow(), parts);
    }

    private static double round(double points) {
        return Math.round(points * 10) / 10.0;
    }
}
