package com.kinshop.groupbuy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A seat's states (a member's order in a group) and the one table of moves between them. Seated while its order
 * awaits payment; paid; left when that order was cancelled or timed out unpaid (the seat and its units come back);
 * refunding once its group failed (or its payment landed after the group closed) until the whole-order refund is
 * asked for; refunded.
 */
public enum SeatStatus {
    SEATED, PAID, LEFT, REFUNDING, REFUNDED;

    /** Seats that count against the group's size and the member's limit. */
    public static final Set<SeatStatus> LIVE = EnumSet.of(SEATED, PAID);

    public enum Move {
        PAY(PAID, SEATED),
        LEAVE(LEFT, SEATED),
        /** The group failed: a paid seat is to be refunded. */
        REFUND_DUE(REFUNDING, PAID),
        /** A payment landed after the group closed: the seat goes straight to refunding. */
        PAY_LATE(REFUNDING, SEATED),
        REFUND(REFUNDED, REFUNDING);

        private final SeatStatus to;
        private final Set<SeatStatus> from;

        Move(SeatStatus to, SeatStatus first, SeatStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public SeatStatus to() {
            return to;
        }

        public Set<SeatStatus> from() {
            return from;
        }
    }

    public boolean canMoveTo(SeatStatus next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
