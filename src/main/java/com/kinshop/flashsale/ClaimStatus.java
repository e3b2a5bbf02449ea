package com.kinshop.flashsale;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A claim's states (a unit won at the gate) and the one table of moves between them. Queued until its order is
 * written; ordered (awaiting payment); paid; failed when its order could not be written (the address was deleted
 * meanwhile); released when its order was cancelled unpaid. Failed and released claims gave their unit back.
 */
public enum ClaimStatus {
    QUEUED, ORDERED, PAID, FAILED, RELEASED;

    /** Claims that hold a unit (a slot) and count against the per-member and per-address limits. */
    public static final Set<ClaimStatus> LIVE = EnumSet.of(QUEUED, ORDERED, PAID);
    /** Claims whose order is not settled yet: the session's unsold units go back only once none is left. */
    public static final Set<ClaimStatus> UNSETTLED = EnumSet.of(QUEUED, ORDERED);

    public enum Move {
        ORDER(ORDERED, QUEUED),
        FAIL(FAILED, QUEUED),
        PAY(PAID, ORDERED),
        RELEASE(RELEASED, ORDERED);

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
