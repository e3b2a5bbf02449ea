package com.kinshop.counter;

import com.kinshop.counter.HotCounters.Outcome;
import com.kinshop.counter.HotCounters.Take;
import com.kinshop.support.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link HotCounters} adapter must do; each adapter's test extends this with its own instance. */
abstract class HotCountersContract {

    private static final AtomicInteger POOLS = new AtomicInteger();

    /** The adapter under test, the same for the whole class. */
    abstract HotCounters counters();

    /** A pool name no other test used. */
    static String freshPool() {
        return "test-pool-" + POOLS.incrementAndGet();
    }

    static List<Long> slots(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void aHundredSlotsGoToAHundredDistinctHoldersOutOfFourHundredRacingOn64Threads() throws Exception {
        String pool = freshPool();
        counters().load(pool, slots(1, 100), Map.of());
        AtomicInteger nextHolder = new AtomicInteger();
        Map<String, List<Take>> answers = new ConcurrentHashMap<>();

        // each holder tries twice in a row, so every winner's second try meets the limit
        Concurrently.all(64, () -> {
            for (int i = nextHolder.getAndIncrement(); i < 400; i = nextHolder.getAndIncrement()) {
                String holder = "member-" + i;
                answers.put(holder, List.of(counters().take(pool, holder, 1), counters().take(pool, holder, 1)));
            }
            return null;
        });

        List<Take> all = answers.values().stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(800);
        List<Long> taken = all.stream().filter(Take::taken).map(Take::slot).toList();
        assertThat(new TreeSet<>(taken)).containsExactlyElementsOf(slots(1, 100));
        assertThat(taken).hasSize(100);
        assertThat(answers.values()).allSatisfy(twoTries -> assertThat(twoTries.stream().filter(Take::taken).count()).isLessThanOrEqualTo(1));
        Map<Outcome, Long> byOutcome = all.stream().collect(Collectors.groupingBy(Take::outcome, Collectors.counting()));
        assertThat(byOutcome).containsOnly(Map.entry(Outcome.TAKEN, 100L), Map.entry(Outcome.LIMIT_REACHED, 100L), Map.entry(Outcome.SOLD_OUT, 600L));
        assertThat(counters().remaining(pool)).isZero();
    }

    @Test
    void oneHolderRacingItselfOn64ThreadsGetsExactlyItsLimit() throws Exception {
        String pool = freshPool();
        counters().load(pool, slots(1, 100), Map.of());

        List<Take> answers = Concurrently.all(64, () -> counters().take(pool, "member-1", 2));

        assertThat(answers.stream().filter(Take::taken).map(Take::slot).collect(Collectors.toSet())).hasSize(2);
        assertThat(answers.stream().filter(answer -> answer.outcome() == Outcome.LIMIT_REACHED)).hasSize(62);
        assertThat(counters().remaining(pool)).isEqualTo(98);
    }

    @Test
    void aSlotGivenBackIsTakenAgainAndItsHolderMayTakeOnceMore() {
        String pool = freshPool();
        counters().load(pool, slots(1, 2), Map.of());
        assertThat(counters().take(pool, "a", 1)).isEqualTo(Take.slot(1));
        assertThat(counters().take(pool, "a", 1)).isEqualTo(Take.LIMIT_REACHED);
        assertThat(counters().take(pool, "b", 1)).isEqualTo(Take.slot(2));
        assertThat(counters().take(pool, "c", 1)).isEqualTo(Take.SOLD_OUT);

        counters().giveBack(pool, "a", 1);
        assertThat(counters().remaining(pool)).isEqualTo(1);
        assertThat(counters().take(pool, "c", 1)).isEqualTo(Take.slot(1));
        assertThat(counters().take(pool, "a", 1)).isEqualTo(Take.SOLD_OUT); // below its limit again, but nothing is left
        counters().giveBack(pool, "b", 2);
        assertThat(counters().take(pool, "a", 1)).isEqualTo(Take.slot(2));
    }

    @Test
    void loadReplacesWhatTheCounterKnewFreeSlotsAndHolders() {
        String pool = freshPool();
        counters().load(pool, slots(1, 5), Map.of());
        counters().take(pool, "x", 1);
        counters().take(pool, "y", 1);

        // the database says: slots 7 and 8 are free, x holds one, y none
        counters().load(pool, List.of(7L, 8L), Map.of("x", 1));
        assertThat(counters().remaining(pool)).isEqualTo(2);
        assertThat(counters().take(pool, "x", 1)).isEqualTo(Take.LIMIT_REACHED);
        assertThat(counters().take(pool, "y", 1)).isEqualTo(Take.slot(7));
        assertThat(counters().take(pool, "z", 1)).isEqualTo(Take.slot(8));
        assertThat(counters().take(pool, "w", 1)).isEqualTo(Take.SOLD_OUT);
    }

    @Test
    void aLargePoolLoadsWholeAndHandsOutSlotsInTheOrderGiven() {
        String pool = freshPool();
        List<Long> shuffled = new ArrayList<>(slots(1, 2_500));
        Collections.shuffle(shuffled);
        counters().load(pool, shuffled, Map.of());

        assertThat(counters().remaining(pool)).isEqualTo(2_500);
        assertThat(counters().take(pool, "a", 5)).isEqualTo(Take.slot(shuffled.get(0)));
        assertThat(counters().take(pool, "a", 5)).isEqualTo(Take.slot(shuffled.get(1)));
    }

    @Test
    void aPoolIsUnknownBeforeItsLoadAndAfterItsDrop() {
        String pool = freshPool();
        assertThat(counters().take(pool, "a", 1)).isEqualTo(Take.NOT_LOADED);
        assertThat(counters().remaining(pool)).isEqualTo(-1);
        counters().giveBack(pool, "a", 1); // ignored: the next load comes from the database
        assertThat(counters().remaining(pool)).isEqualTo(-1);

        counters().load(pool, List.of(), Map.of());
        assertThat(counters().remaining(pool)).isZero();
        assertThat(counters().take(pool, "a", 1)).isEqualTo(Take.SOLD_OUT); // loaded and empty is sold out, not unknown

        counters().drop(pool);
        assertThat(counters().take(pool, "a", 1)).isEqualTo(Take.NOT_LOADED);
        assertThat(counters().remaining(pool)).isEqualTo(-1);
    }
}
