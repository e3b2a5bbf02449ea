package com.kinshop.credit;

/**
 * The composite product score (综合评分, 0–100): a Bayesian average of the product's stars with the platform's mean as
 * prior (weight {@code C} reviews), taken down by the refund rate and the upheld-complaint rate, times the supplier's
 * credit factor (1 when in good standing, lower when flagged). A product with nothing counted scores the prior.
 */
public final class CompositeScore {

    /** The mean a platform without any counted review assumes. */
    public static final double DEFAULT_MEAN = 4.0;
    /** Rates are smoothed as if this many units (lines) had sold without trouble: one refund of one unit is not 100 %. */
    static final int RATE_PRIOR = 10;
    /** An upheld complaint weighs this many times a refund: a complaint rate of one in three sales scores zero. */
    static final int COMPLAINT_WEIGHT = 3;

    private CompositeScore() {
    }

    /** What the score is made of for one product. */
    public record Inputs(long reviewCount, long starSum, long unitsSold, long unitsRefunded, long linesSold, long complaintsUpheld) {

        public static final Inputs NONE = new Inputs(0, 0, 0, 0, 0, 0);
    }

    /** The Bayesian average of stars: {@code (C·m + Σ stars) / (C + n)}. */
    public static double bayesianStars(long count, long starSum, double priorMean, int priorWeight) {
        if (count < 0 || starSum < 0 || priorWeight < 0) {
            throw new IllegalArgumentException("counts and weight must not be negative");
        }
        if (count == 0 && priorWeight == 0) {
            return priorMean;
        }
        return (priorWeight * priorMean + starSum) / (priorWeight + count);
    }

    public static double refundRate(long unitsSold, long unitsRefunded) {
        return Math.min(1.0, (double) unitsRefunded / (unitsSold + RATE_PRIOR));
    }

    public static double complaintRate(long linesSold, long complaintsUpheld) {
        return Math.min(1.0, (double) complaintsUpheld / (linesSold + RATE_PRIOR));
    }

    /** The score rounded to hundredths; {@code supplierFactor} above 0, at most 1. */
    public static double of(Inputs in, double priorMean, int priorWeight, double supplierFactor) {
        if (supplierFactor <= 0 || supplierFactor > 1) {
            throw new IllegalArgumentException("supplierFactor must be in (0, 1]");
        }
        double quality = (bayesianStars(in.reviewCount(), in.starSum(), priorMean, priorWeight) - 1) / 4;
        double keptRefunds = 1 - refundRate(in.unitsSold(), in.unitsRefunded());
        double keptComplaints = 1 - Math.min(1.0, COMPLAINT_WEIGHT * complaintRate(in.linesSold(), in.complaintsUpheld()));
        double score = 100 * Math.max(0, quality) * keptRefunds * keptComplaints * supplierFactor;
        return Math.round(score * 100) / 100.0;
    }

    /** The platform's mean stars, or {@link #DEFAULT_MEAN} before any review counted. */
    public static double platformMean(long reviewCount, long starSum) {
        return reviewCount == 0 ? DEFAULT_MEAN : (double) starSum / reviewCount;
    }
}
