package com.kinshop.catalog;

import com.kinshop.shared.Money;

/**
 * What a supplier sets aside per unit for the sharers: a fixed amount, or a rate (basis points) of what the buyer
 * pays. The referral engine splits it by level and tier; the rest stays with the platform.
 */
public record CommissionBudget(Kind kind, long value) {

    public enum Kind { FIXED, RATE }

    public CommissionBudget {
        if (kind == null || value < 0 || (kind == Kind.RATE && value > 10_000)) {
            throw new IllegalArgumentException("Invalid commission budget " + kind + " " + value);
        }
    }

    public static CommissionBudget fixed(Money amount) {
        return new CommissionBudget(Kind.FIXED, amount.fen());
    }

    public static CommissionBudget rate(int basisPoints) {
        return new CommissionBudget(Kind.RATE, basisPoints);
    }

    /** The budget for one unit paid at {@code paid}, rounded down to the fen. */
    public Money amountFor(Money paid) {
        return kind == Kind.FIXED ? Money.fen(value) : paid.shareAt((int) value);
    }
}
