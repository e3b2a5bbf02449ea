package com.kinshop.deposit;

import java.util.EnumSet;
import java.util.Set;

/** A deposit return's states and the one move between them, performed by {@link DepositReturns} as a guarded update. */
public enum ReturnStatus {
    /** The balance has left the deposit account (to "returning"); the provider has not paid it out yet. */
    REQUESTED,
    PAID;

    public enum Move {
        PAY_OUT(PAID, REQUESTED);

        private final ReturnStatus to;
        private final Set<ReturnStatus> from;

        Move(ReturnStatus to, ReturnStatus first, ReturnStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public ReturnStatus to() {
            return to;
        }

        public Set<ReturnStatus> from() {
            return from;
        }
    }
}
