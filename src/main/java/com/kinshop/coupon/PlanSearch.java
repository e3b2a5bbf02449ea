package com.kinshop.coupon;

import com.kinshop.shared.Money;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Picks one plan per order so that the total saving is the largest, no platform coupon is on two orders and every
 * coupon of {@code mustUse} is placed. Depth first over the orders, each order's plans best first; a branch is cut
 * where even the best plans left cannot beat what was found, and only a strictly larger total replaces it (so among
 * equal totals the first found, made of each order's first-listed plans, wins).
 */
final class PlanSearch<P> {

    private final List<List<P>> options;
    private final Function<P, Money> saving;
    private final Function<P, Long> platformCoupon;
    private final Set<Long> mustUse;
    private final long[] bestLeft;
    private List<P> best;
    private long bestSaving = -1;

    private PlanSearch(List<List<P>> options, Function<P, Money> saving, Function<P, Long> platformCoupon, Set<Long> mustUse) {
        this.options = options;
        this.saving = saving;
        this.platformCoupon = platformCoupon;
        this.mustUse = mustUse;
        this.bestLeft = new long[options.size() + 1];
        for (int i = options.size() - 1; i >= 0; i--) {
            bestLeft[i] = bestLeft[i + 1] + options.get(i).stream().mapToLong(plan -> saving.apply(plan).fen()).max().orElse(0);
        }
    }

    /** The plans, one per order in order, or null when no choice is valid. */
    static <P> List<P> best(List<List<P>> options, Function<P, Money> saving, Function<P, Long> platformCoupon, Set<Long> mustUse) {
        PlanSearch<P> search = new PlanSearch<>(options, saving, platformCoupon, mustUse);
        search.from(0, new ArrayList<>(), new HashSet<>(), 0);
        return search.best;
    }

    private void from(int order, List<P> taken, Set<Long> platformUsed, long total) {
        if (best != null && total + bestLeft[order] <= bestSaving) {
            return;
        }
        if (order == options.size()) {
            if (platformUsed.containsAll(mustUse) && total > bestSaving) {
                best = List.copyOf(taken);
                bestSaving = total;
            }
            return;
        }
        for (P plan : options.get(order)) {
            Long coupon = platformCoupon.apply(plan);
            if (coupon != null && !platformUsed.add(coupon)) {
                continue;
            }
            taken.add(plan);
            from(order + 1, taken, platformUsed, total + saving.apply(plan).fen());
            taken.remove(taken.size() - 1);
            if (coupon != null) {
                platformUsed.remove(coupon);
            }
        }
    }
}
