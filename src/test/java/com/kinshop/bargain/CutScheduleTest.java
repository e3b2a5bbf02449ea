package com.kinshop.bargain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CutScheduleTest {

    @Test
    void overManySeedsAndSizesEveryScheduleSumsExactlyToTheGapWithEveryCutWithinBounds() {
        long[] totals = {1, 2, 3, 7, 10, 11, 99, 100, 101, 999, 3_000, 12_345, 99_999, 1_000_000};
        int[] sizes = {1, 2, 3, 5, 10, 11, 31, 50};
        int checked = 0;
        for (long total : totals) {
            for (int cuts : sizes) {
                if (total < cuts) {
                    continue;
                }
                CutSchedule schedule = new CutSchedule(total, cuts);
                for (long seed = 0; seed < 200; seed++) {
                    long[] amounts = schedule.draw(new SplittableRandom(seed));
                    assertThat(amounts).hasSize(cuts);
                    assertThat(Arrays.stream(amounts).sum()).as("total %d over %d, seed %d", total, cuts, seed).isEqualTo(total);
                    for (long amount : amounts) {
                        assertThat(amount).isGreaterThanOrEqualTo(1).isBetween(schedule.minCutFen(), schedule.maxCutFen());
                    }
                    assertThat(schedule.accepts(amounts)).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(15_000);
    }

    @Test
    void aGapOfExactlyOneFenPerCutGivesOneFenEach() {
        assertThat(new CutSchedule(10, 10).draw(new SplittableRandom(7))).containsOnly(1L).hasSize(10);
        assertThat(new CutSchedule(1, 1).draw(new SplittableRandom(7))).containsExactly(1L);
    }

    @Test
    void oneCutTakesTheWholeGap() {
        assertThat(new CutSchedule(2_500, 1).draw(new SplittableRandom(3))).containsExactly(2_500L);
    }

    @Test
    void boundsAreHalfToOneAndAHalfTimesTheAverage() {
        CutSchedule schedule = new CutSchedule(3_000, 10);
        assertThat(schedule.minCutFen()).isEqualTo(150);
        assertThat(schedule.maxCutFen()).isEqualTo(450);
        CutSchedule tight = new CutSchedule(11, 10);
        assertThat(tight.minCutFen()).isEqualTo(1);
        assertThat(tight.maxCutFen()).isEqualTo(2);
    }

    @Test
    void cutsReallyVaryWithTheRandomSourceAndTheSameSeedReplaysTheSameSchedule() {
        CutSchedule schedule = new CutSchedule(3_000, 10);
        Set<String> distinct = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            distinct.add(Arrays.toString(schedule.draw(new SplittableRandom(seed))));
        }
        assertThat(distinct).as("random, not a fixed split").hasSizeGreaterThan(45);
        assertThat(schedule.draw(new SplittableRandom(42))).containsExactly(schedule.draw(new SplittableRandom(42)));
    }

    @Test
    void aRandomSourceAtItsExtremesStillYieldsAnExactSchedule() {
        RandomGenerator alwaysLowest = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long origin, long bound) {
                return origin;
            }
        };
        RandomGenerator alwaysHighest = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long origin, long bound) {
                return bound - 1;
            }
        };
        for (CutSchedule schedule : new CutSchedule[] {new CutSchedule(3_000, 10), new CutSchedule(101, 7), new CutSchedule(12, 10)}) {
            assertThat(schedule.accepts(schedule.draw(alwaysLowest))).isTrue();
            assertThat(schedule.accepts(schedule.draw(alwaysHighest))).isTrue();
        }
        long[] lowFirst = new CutSchedule(3_000, 10).draw(alwaysLowest);
        assertThat(lowFirst[0]).isEqualTo(150);
        assertThat(lowFirst[9]).as("what the early cuts left is made up at the end, within the bound").isEqualTo(450);
    }

    @Test
    void aGapSmallerThanOneFenPerCutOrNoCutIsRefused() {
        assertThatThrownBy(() -> new CutSchedule(9, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CutSchedule(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CutSchedule(100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CutSchedule(3_000, 10).accepts(new long[] {3_000})).isFalse();
        assertThat(new CutSchedule(3_000, 2).accepts(new long[] {1_000, 1_999})).isFalse();
    }
}
