package com.kinshop.bargain;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The whole schedule of a bargain's cuts, decided when it starts: {@code cuts} amounts in fen that sum exactly to
 * normal − floor, so the last needed cut lands exactly on the floor. Each cut is random within bounds around the
 * average — at least half of it, at most one and a half times it, never below ¥0.01 — so no friend's cut looks
 * like a mistake (a 1-fen cut after a ¥30 one) and no single friend finishes the bargain alone. Plain Java: the
 * random source is passed in, so tests replay any seed.
 */
public record CutSchedule(long totalFen, int cuts) {

    public CutSchedule {
        if (cuts < 1 || totalFen < cuts) {
            throw new IllegalArgumentException("A schedule needs at least one cut and at least 1 fen per cut: " + totalFen + " over " + cuts);
        }
    }

    /** The smallest a cut may be: half the average, at least 1 fen. */
    public long minCutFen() {
        return Math.max(1, totalFen / cuts / 2);
    }

    /** The largest a cut may be: one and a half times the average (rounded up), never below the smallest. */
    public long maxCutFen() {
        return Math.max(minCutFen(), ceilDiv(totalFen * 3, 2L * cuts));
    }

    /**
     * Draws the cuts in order. Each cut is its minimum plus an extra drawn so that what is still to share out always
     * fits the cuts left (each between their minimum and maximum): the sum is exact and every bound holds, whatever
     * the random source answers.
     */
    public long[] draw(RandomGenerator random) {
        long min = minCutFen();
        long spread = maxCutFen() - min;
        long extraLeft = totalFen - min * cuts;
        long[] amounts = new long[cuts];
        for (int i = 0; i < cuts; i++) {
            int after = cuts - i - 1;
            long lowest = Math.max(0, extraLeft - spread * after);
            long highest = Math.min(spread, extraLeft);
            long extra = lowest == highest ? lowest : random.nextLong(lowest, highest + 1);
            amounts[i] = min + extra;
            extraLeft -= extra;
        }
        return amounts;
    }

    /** True when {@code amounts} is a schedule this rule could have drawn (used by tests and kept beside the rule). */
    public boolean accepts(long[] amounts) {
        return amounts.length == cuts && Arrays.stream(amounts).sum() == totalFen
                && Arrays.stream(amounts).allMatch(amount -> amount >= minCutFen() && amount <= maxCutFen());
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
