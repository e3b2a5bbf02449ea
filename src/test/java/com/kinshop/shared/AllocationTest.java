package com.kinshop.shared;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocationTest {

    private static List<Money> fen(long... amounts) {
        List<Money> list = new ArrayList<>();
        for (long amount : amounts) {
            list.add(Money.fen(amount));
        }
        return list;
    }

    @Test
    void sharesRoundDownAndTheLastLineTakesTheRemainder() {
        // 1000 over 1:1:1 → 333.33 each: 333, 333 and the remainder 334 on the last
        assertThat(Allocation.proRata(Money.fen(1_000), fen(3_000, 3_000, 3_000))).isEqualTo(fen(333, 333, 334));
        assertThat(Allocation.proRata(Money.fen(500), fen(7_980, 2_500))).as("500 × 7980 / 10480 = 380.7 → 380").isEqualTo(fen(380, 120));
    }

    @Test
    void theRemainderSpillsBackwardsWhenTheLastLineHasNoRoom() {
        // 2 over 1:1:1 rounds to 0, 0 and leaves 2 — the last line can take only 1, the one before takes the other
        assertThat(Allocation.proRata(Money.fen(2), fen(1, 1, 1))).isEqualTo(fen(0, 1, 1));
    }

    @Test
    void nothingAllocatedGivesZeros() {
        assertThat(Allocation.proRata(Money.ZERO, fen(100, 200))).isEqualTo(fen(0, 0));
    }

    @Test
    void moreThanTheWeightsOrNegativeAmountsAreRefused() {
        assertThatThrownBy(() -> Allocation.proRata(Money.fen(301), fen(100, 200))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.proRata(Money.fen(-1), fen(100))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.proRata(Money.fen(1), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomAllocationsAddUpExactlyAndNeverExceedAWeightOrGoBelowZero() {
        Random random = new Random(20261206L);
        for (int round = 0; round < 20_000; round++) {
            int parts = 1 + random.nextInt(8);
            List<Money> weights = new ArrayList<>();
            long sum = 0;
            for (int i = 0; i < parts; i++) {
                long weight = random.nextInt(4) == 0 ? random.nextInt(3) : 1 + random.nextInt(100_000);
                weights.add(Money.fen(weight));
                sum += weight;
            }
            long total = sum == 0 ? 0 : (long) (random.nextDouble() * (sum + 1));
            List<Money> shares = Allocation.proRata(Money.fen(total), weights);
            assertThat(shares.stream().mapToLong(Money::fen).sum()).as("round %d: %d over %s", round, total, weights).isEqualTo(total);
            for (int i = 0; i < parts; i++) {
                assertThat(shares.get(i).fen()).as("round %d part %d", round, i).isBetween(0L, weights.get(i).fen());
            }
        }
    }

    @Test
    void unitsCarryTheirShareOfTheWholeAndTheLastUnitTheRemainder() {
        Money paid = Money.fen(1_000);
        assertThat(Allocation.ofUnits(paid, 3, 0, 1)).isEqualTo(Money.fen(333));
        assertThat(Allocation.ofUnits(paid, 3, 1, 1)).isEqualTo(Money.fen(333));
        assertThat(Allocation.ofUnits(paid, 3, 2, 1)).as("the last unit").isEqualTo(Money.fen(334));
        assertThat(Allocation.ofUnits(paid, 3, 0, 3)).isEqualTo(paid);
        assertThat(Allocation.ofUnits(Money.fen(3_998), 2, 0, 1)).as("no discount: the unit price").isEqualTo(Money.fen(1_999));
        assertThatThrownBy(() -> Allocation.ofUnits(paid, 3, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takingEveryUnitInRandomStepsReturnsExactlyTheWhole() {
        Random random = new Random(7L);
        for (int round = 0; round < 5_000; round++) {
            int units = 1 + random.nextInt(50);
            Money whole = Money.fen(random.nextInt(1_000_000));
            long returned = 0;
            for (int taken = 0; taken < units; ) {
                int step = 1 + random.nextInt(units - taken);
                Money part = Allocation.ofUnits(whole, units, taken, step);
                assertThat(part.fen()).isNotNegative();
                assertThat(part.fen()).as("never more than the exact share rounded up")
                        .isLessThanOrEqualTo((whole.fen() * step + units - 1) / units);
                returned += part.fen();
                taken += step;
            }
            assertThat(returned).as("round %d: %s over %d units", round, whole, units).isEqualTo(whole.fen());
        }
    }
}
