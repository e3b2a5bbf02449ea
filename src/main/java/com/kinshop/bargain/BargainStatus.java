package com.kinshop.bargain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * One member's bargain and, in {@link Move}, the one table of its moves; {@link BargainMoves} performs them.
 * In progress while friends cut; at the floor when the last needed cut landed; ordered when the starter checked out
 * at the current price (helping stops, the price is frozen); bought when that order is paid. An order cancelled or
 * timed out unpaid gives the bargain back — to where it was while time is left, expired otherwise. The deadline
 * expires a bargain not ordered; an ordered one may still be paid within the order's payment window.
 */
public enum BargainStatus {
    IN_PROGRESS, AT_FLOOR, ORDERED, BOUGHT, EXPIRED;

    /** States in which the starter may still buy (before the deadline). */
    public static final Set<BargainStatus> BUYABLE = EnumSet.of(IN_PROGRESS, AT_FLOOR);

    public enum Move {
        /** The last needed cut: a help that lands on the floor moves it here in the same guarded update. */
        REACH_FLOOR(AT_FLOOR, IN_PROGRESS),
        ORDER(ORDERED, IN_PROGRESS, AT_FLOOR),
        PAY(BOUGHT, ORDERED),
        GIVE_BACK(IN_PROGRESS, ORDERED),
        GIVE_BACK_AT_FLOOR(AT_FLOOR, ORDERED),
        EXPIRE(EXPIRED, IN_PROGRESS, AT_FLOOR),
        /** Its order was cancelled after the deadline: nothing to go back to. */
        LAPSE(EXPIRED, ORDERED);

        private final BargainStatus to;
        private final Set<BargainStatus> from;

        Move(BargainStatus to, BargainStatus first, BargainStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public BargainStatus to() {
            return to;
        }

        public Set<BargainStatus> from() {
            return from;
        }
    }

    public boolean canMoveTo(BargainStatus next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
