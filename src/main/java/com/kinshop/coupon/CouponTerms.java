package com.kinshop.coupon;

import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;

/**
 * What a coupon takes off, and the one rule for how much: {@code amount} for 满减 and 无门槛, {@code percentOff} of
 * what the lines in scope still pay, at most {@code cap}, for 折扣. {@code threshold} is what the goods in scope must
 * come to before any coupon (0 for 无门槛; optional for 折扣). Plain Java.
 */
public record CouponTerms(CouponKind kind, Money amount, Money threshold, Integer percentOff, Money cap) {

    public CouponTerms {
        threshold = threshold == null ? Money.ZERO : threshold;
    }

    public static CouponTerms amountOff(Money amount, Money threshold) {
        return new CouponTerms(CouponKind.AMOUNT_OFF, amount, threshold, null, null);
    }

    public static CouponTerms percentOff(int percent, Money cap, Money threshold) {
        return new CouponTerms(CouponKind.PERCENT_OFF, null, threshold, percent, cap);
    }

    public static CouponTerms noThreshold(Money amount) {
        return new CouponTerms(CouponKind.NO_THRESHOLD, amount, Money.ZERO, null, null);
    }

    /**
     * Refuses terms that could not work, naming the field (as the forms name it): the same checks as the table's
     * constraints, said in the user's language before the database has to say no.
     */
    public CouponTerms validated() {
        if (kind == null) {
            throw BusinessException.invalid("kind", "coupon.kind.required");
        }
        if (threshold.isNegative()) {
            throw BusinessException.invalid("threshold", "coupon.threshold.range");
        }
        switch (kind) {
            case AMOUNT_OFF -> {
                requirePositive(amount, "amount");
                if (threshold.compareTo(amount) <= 0) {
                    throw BusinessException.invalid("threshold", "coupon.threshold.above-amount");
                }
            }
            case NO_THRESHOLD -> {
                requirePositive(amount, "amount");
                if (threshold.isPositive()) {
                    throw BusinessException.invalid("threshold", "coupon.threshold.none");
                }
            }
            case PERCENT_OFF -> {
                if (percentOff == null || percentOff < 1 || percentOff > 99) {
                    throw BusinessException.invalid("percentOff", "coupon.percent.range");
                }
                requirePositive(cap, "cap");
            }
        }
        return new CouponTerms(kind, kind == CouponKind.PERCENT_OFF ? null : amount, threshold,
                kind == CouponKind.PERCENT_OFF ? percentOff : null, kind == CouponKind.PERCENT_OFF ? cap : null);
    }

    /** Whether the goods in scope (at their price before any coupon) come to the threshold. */
    public boolean reached(Money goodsInScope) {
        return goodsInScope.compareTo(threshold) >= 0;
    }

    /**
     * What the coupon takes off lines that still pay {@code eligible} together. At most eligible − 1 fen: a coupon
     * never makes the lines it applies to free (a zero-priced order cannot be paid, and a free line would carry no
     * commission base or refund), so the buyer always pays at least 1 fen of them.
     */
    public Money saving(Money eligible) {
        if (eligible.fen() <= 1) {
            return Money.ZERO;
        }
        long off = switch (kind) {
            case AMOUNT_OFF, NO_THRESHOLD -> amount.fen();
            case PERCENT_OFF -> Math.min(Math.multiplyExact(eligible.fen(), percentOff) / 100, cap.fen()); // rounded down to the fen
        };
        return Money.fen(Math.min(off, eligible.fen() - 1));
    }

    private static void requirePositive(Money money, String field) {
        if (money == null || !money.isPositive()) {
            throw BusinessException.invalid(field, "coupon." + field + ".positive");
        }
    }
}
