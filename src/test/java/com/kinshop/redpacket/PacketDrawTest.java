package com.kinshop.redpacket;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The amount of one packet, with the random source given by the test. */
class PacketDrawTest {

    /** Answers the bounds it is asked for, one end or the other, so the edges of the range are tested exactly. */
    private static RandomGenerator always(boolean highest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("PacketDraw asks for a bounded value");
            }

            @Override
            public long nextLong(long origin, long bound) {
                return highest ? bound - 1 : origin;
            }
        };
    }

    @Test
    void aPacketIsWithinTheBoundsAndTheRandomSourceDecidesWhere() {
        PacketDraw draw = new PacketDraw(100, 500);
        assertThat(draw.draw(10_000, always(false))).hasValue(100);
        assertThat(draw.draw(10_000, always(true))).as("max is inclusive").hasValue(500);
        assertThat(draw.draw(10_000, new SplittableRandom(7))).isEqualTo(draw.draw(10_000, new SplittableRandom(7)));
    }

    @Test
    void neverMoreThanWhatIsLeft() {
        PacketDraw draw = new PacketDraw(100, 500);
        assertThat(draw.draw(320, always(true))).as("what is left caps the top of the range").hasValue(320);
        assertThat(draw.draw(100, always(true))).as("exactly the minimum left: the last packet takes it").hasValue(100);
    }

    @Test
    void belowTheMinimumTheCampaignIsExhaustedRatherThanGivingASmallerPacket() {
        PacketDraw draw = new PacketDraw(100, 500);
        assertThat(draw.exhausted(99)).isTrue();
        assertThat(draw.exhausted(100)).isFalse();
        assertThat(draw.draw(99, always(true))).isEmpty();
        assertThat(draw.draw(0, always(false))).isEmpty();
    }

    @Test
    void equalBoundsGiveExactlyThatAmountWithoutAskingTheRandomSource() {
        PacketDraw draw = new PacketDraw(200, 200);
        RandomGenerator refusing = () -> {
            throw new AssertionError("not needed");
        };
        assertThat(draw.draw(1_000, refusing)).hasValue(200);
    }

    @Test
    void overAnySequenceOfClaimsTheSumNeverExceedsTheBudgetAndTheRestIsBelowTheMinimum() {
        Set<Long> amountsSeen = new HashSet<>();
        for (long seed = 0; seed < 300; seed++) {
            RandomGenerator random = new SplittableRandom(seed);
            long min = 1 + random.nextLong(0, 300);
            long max = min + random.nextLong(0, 700);
            long budget = min + random.nextLong(0, 20_000);
            PacketDraw draw = new PacketDraw(min, max);
            long remaining = budget;
            long paid = 0;
            OptionalLong packet;
            while ((packet = draw.draw(remaining, random)).isPresent()) {
                long amount = packet.getAsLong();
                assertThat(amount).as("seed " + seed).isBetween(min, Math.min(max, remaining));
                remaining -= amount;
                paid += amount;
                amountsSeen.add(amount);
            }
            assertThat(paid).as("seed " + seed).isLessThanOrEqualTo(budget);
            assertThat(paid + remaining).isEqualTo(budget);
            assertThat(remaining).as("exhausted only when less than a packet is left").isLessThan(min);
        }
        assertThat(amountsSeen.size()).as("the amounts really vary").isGreaterThan(100);
    }

    @Test
    void boundsMustMakeSense() {
        assertThatThrownBy(() -> new PacketDraw(0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacketDraw(200, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
