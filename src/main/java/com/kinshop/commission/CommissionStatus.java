package com.kinshop.commission;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A commission's states and, in {@link Move}, the one table of moves between them. {@link CommissionMoves} performs a
 * move; SQL names a status only through a bound parameter.
 */
public enum CommissionStatus {
    /** Accrued when the order was paid (预估); goes back to the order if it is refunded. */
    ESTIMATED,
    /** Accrued, but a fraud check flagged it: waits for the operator. */
    HELD,
    /** The order completed: the member can withdraw it (结算); a later refund claws it back. */
    SETTLED,
    CANCELLED;

    /** Every move a commission can make: from which states, to which one. */
    public enum Move {
        HOLD(HELD, ESTIMATED),
        /** The operator clears a held commission whose order has not completed yet. */
        RELEASE(ESTIMATED, HELD),
        /** The operator clears a held commission whose order has already completed. */
        RELEASE_SETTLED(SETTLED, HELD),
        SETTLE(SETTLED, ESTIMATED),
        /** The operator voids a held commission. */
        VOID(CANCELLED, HELD),
        /** Refunds took every unit the commission was earned on. */
        CANCEL(CANCELLED, ESTIMATED, HELD);

        private final CommissionStatus to;
        private final Set<CommissionStatus> from;

        Move(CommissionStatus to, CommissionStatus first, CommissionStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public CommissionStatus to() {
            return to;
        }

        public Set<CommissionStatus> from() {
            return from;
        }
    }

    public boolean canMoveTo(CommissionStatus next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
