package com.kinshop.deposit;

import java.util.EnumSet;
import java.util.Set;

/** A pay-in's states and the one move between them, performed by {@link DepositTopUps} as a guarded update. */
public enum TopUpStatus {
    AWAITING_PAYMENT, PAID;

    public enum Move {
        PAY(PAID, AWAITING_PAYMENT);

        private final TopUpStatus to;
        private final Set<TopUpStatus> from;

        Move(TopUpStatus to, TopUpStatus first, TopUpStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public TopUpStatus to() {
            return to;
        }

        public Set<TopUpStatus> from() {
            return from;
        }
    }
}
