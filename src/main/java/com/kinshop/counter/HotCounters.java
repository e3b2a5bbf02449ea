package com.kinshop.counter;

import java.util.Collection;
import java.util.Map;

/**
 * A pool of numbered slots (1..N for N units) and how many each holder has taken. {@link #take} pops one free slot if
 * the holder is below its limit — atomically, across nodes when the adapter is shared. Slots, not a bare count: the
 * owner stores the slot with its claim under a unique key, so a counter that lies (a stale Redis snapshot, a lost
 * give-back) can only make an attempt fail, never sell a unit twice.
 */
public interface HotCounters {

    /** What {@link #take} answered: a slot (≥ 1) or why none. */
    record Take(Outcome outcome, long slot) {

        public static final Take SOLD_OUT = new Take(Outcome.SOLD_OUT, 0);
        public static final Take LIMIT_REACHED = new Take(Outcome.LIMIT_REACHED, 0);
        public static final Take NOT_LOADED = new Take(Outcome.NOT_LOADED, 0);

        public static Take slot(long slot) {
            return new Take(Outcome.TAKEN, slot);
        }

        public boolean taken() {
            return outcome == Outcome.TAKEN;
        }
    }

    enum Outcome {
        TAKEN, SOLD_OUT, LIMIT_REACHED,
        /** The counter does not know the pool (never loaded, or its store lost it): load it from the database and try again. */
        NOT_LOADED
    }

    /** Takes one free slot of {@code pool} for {@code holder}, unless the holder already has {@code limit}. */
    Take take(String pool, String holder, int limit);

    /** Gives a slot back (its claim was released, exactly once, by the owner's guarded update). Ignored if the pool is not loaded. */
    void giveBack(String pool, String holder, long slot);

    /**
     * Replaces what the counter knows of {@code pool}: these slots are free, these holders hold this many. Called with
     * the database's truth, under the owner's lock, so two nodes never load it at once.
     */
    void load(String pool, Collection<Long> freeSlots, Map<String, Integer> heldByHolder);

    /** Free slots left, or -1 when the pool is not loaded. */
    long remaining(String pool);

    /** Forgets the pool (its sale ended). */
    void drop(String pool);
}
