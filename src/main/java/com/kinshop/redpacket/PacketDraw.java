package com.kinshop.redpacket;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * The amount of one red packet: uniformly random in fen between the campaign's bounds, never more than what is left.
 * Every packet stays within the bounds: when what is left is below the minimum, the campaign is exhausted (抢光了) and
 * that remainder goes back to the supplier with the rest of the unclaimed budget when the campaign ends — a packet
 * smaller than the advertised minimum would look like a mistake to the member who gets it.
 */
public record PacketDraw(long minFen, long maxFen) {

    public PacketDraw {
        if (minFen <= 0 || maxFen < minFen) {
            throw new IllegalArgumentException("Packet bounds must satisfy 0 < min <= max: " + minFen + ", " + maxFen);
        }
    }

    /** Nothing more can be drawn from what is left. */
    public boolean exhausted(long remainingFen) {
        return remainingFen < minFen;
    }

    /** A packet from {@code remainingFen}, or empty when the campaign is exhausted. */
    public OptionalLong draw(long remainingFen, RandomGenerator random) {
        if (exhausted(remainingFen)) {
            return OptionalLong.empty();
        }
        long upper = Math.min(maxFen, remainingFen);
        return OptionalLong.of(upper == minFen ? minFen : random.nextLong(minFen, upper + 1));
    }
}
