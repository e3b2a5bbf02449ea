package com.kinshop.redpacket;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A packet won and what became of it; {@link RedPacketMoves} performs the moves. Its hold leaves the campaign once,
 * under one ledger key per packet: spent (its coupon paid for an order) or returned when it can no longer be spent. A
 * payment that lands after the return (an event delivered late) still marks it spent: the money already went back to
 * the payable, which the order's settlement then charges for the discount, so the supplier pays for it exactly once.
 */
public enum ClaimStatus {
    CLAIMED, SPENT, RETURNED;

    public enum Move {
        SPEND(SPENT, CLAIMED, RETURNED),
        RETURN(RETURNED, CLAIMED);

        private final ClaimStatus to;
        private final Set<ClaimStatus> from;

        Move(ClaimStatus to, ClaimStatus first, ClaimStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public ClaimStatus to() {
            return to;
        }

        public Set<ClaimStatus> from() {
            return from;
        }
    }

    public boolean canMoveTo(ClaimStatus next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
