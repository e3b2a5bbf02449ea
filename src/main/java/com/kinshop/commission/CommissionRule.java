package com.kinshop.commission;

import com.kinshop.shared.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of commission, plain Java. Each level's amount is the line's commission budget × that beneficiary's
 * share, rounded down to the fen; the levels together never exceed the budget (shares of different tiers could add up
 * to more, so later levels get what is left), and the remainder stays with the platform. A partial refund keeps the
 * commission of the units kept, rounded down.
 */
public final class CommissionRule {

    private CommissionRule() {
    }

    /** Amounts per level, nearest level first, for shares in basis points (nearest first). */
    public static List<Money> split(Money budget, List<Integer> sharesBp) {
        List<Money> amounts = new ArrayList<>();
        long left = budget.fen();
        for (int shareBp : sharesBp) {
            if (shareBp < 0 || shareBp > 10_000) {
                throw new IllegalArgumentException("Share out of range: " + shareBp);
            }
            long amount = Math.min(left, budget.shareAt(shareBp).fen());
            amounts.add(Money.fen(amount));
            left -= amount;
        }
        return amounts;
    }

    /** What a commission is worth once {@code refunded} of {@code quantity} units are refunded. */
    public static Money kept(Money amount, int quantity, int refunded) {
        if (quantity <= 0 || refunded < 0 || refunded > quantity) {
            throw new IllegalArgumentException("Refunded " + refunded + " of " + quantity);
        }
        return Money.fen(Math.multiplyExact(amount.fen(), (long) (quantity - refunded)) / quantity);
    }
}
