package com.kinshop.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an amount over parts in proportion to their weights, to the fen: each part gets its share rounded down, the
 * remainder goes to the last part. A part never gets more than its weight, so a discount allocated by what each line
 * pays never takes a line below zero: if the last part has no room for the whole remainder, the rest goes to the
 * nearest earlier part with room. Plain Java.
 */
public final class Allocation {

    private Allocation() {
    }

    /** Shares of {@code total} (0 ≤ total ≤ sum of weights) that add up to it exactly, each between 0 and its weight. */
    public static List<Money> proRata(Money total, List<Money> weights) {
        long sum = weights.stream().mapToLong(Money::fen).reduce(0, Math::addExact);
        if (weights.isEmpty() || weights.stream().anyMatch(Money::isNegative) || total.isNegative() || total.fen() > sum) {
            throw new IllegalArgumentException("Cannot allocate " + total + " over " + weights);
        }
        long[] shares = new long[weights.size()];
        long allocated = 0;
        for (int i = 0; i < shares.length - 1; i++) {
            shares[i] = sum == 0 ? 0 : Math.multiplyExact(total.fen(), weights.get(i).fen()) / sum;
            allocated += shares[i];
        }
        long remainder = total.fen() - allocated;
        for (int i = shares.length - 1; i >= 0 && remainder > 0; i--) {
            long room = weights.get(i).fen() - shares[i];
            long taken = Math.min(room, remainder);
            shares[i] += taken;
            remainder -= taken;
        }
        List<Money> result = new ArrayList<>(shares.length);
        for (long share : shares) {
            result.add(Money.fen(share));
        }
        return List.copyOf(result);
    }

    /**
     * The part of {@code whole} (what {@code units} units cost together) that {@code taking} more units carry when
     * {@code before} of them were already taken: units carry their cumulative share rounded down, so the unit that
     * takes the last of them carries the remainder and taking all units, in any steps, returns exactly {@code whole}.
     */
    public static Money ofUnits(Money whole, int units, int before, int taking) {
        if (units < 1 || before < 0 || taking < 0 || before + taking > units || whole.isNegative()) {
            throw new IllegalArgumentException("Cannot take " + taking + " after " + before + " of " + units + " units");
        }
        return Money.fen(cumulative(whole, units, before + taking) - cumulative(whole, units, before));
    }

    private static long cumulative(Money whole, int units, int taken) {
        return Math.multiplyExact(whole.fen(), taken) / units;
    }
}
