package com.kinshop.ordering;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * An after-sales request's states and, in {@link Move}, the one table of moves between them. {@link AfterSaleMoves}
 * performs a move; SQL names a status only through a bound parameter.
 */
public enum AfterSaleStatus {
    REQUESTED, AWAITING_RETURN, RETURN_SHIPPED, REJECTED, ESCALATED, REFUNDING, REFUNDED, CLOSED, WITHDRAWN;

    /** Requests that still hold the order open (it cannot complete, the line cannot get a second request). */
    public static final Set<AfterSaleStatus> OPEN = Set.of(REQUESTED, AWAITING_RETURN, RETURN_SHIPPED, REJECTED, ESCALATED, REFUNDING);

    /** Every move a request can make: from which states, to which one. */
    public enum Move {
        /** The supplier agrees to a return: the buyer sends the goods back. */
        AWAIT_RETURN(AWAITING_RETURN, REQUESTED),
        SHIP_RETURN(RETURN_SHIPPED, AWAITING_RETURN),
        REJECT(REJECTED, REQUESTED, RETURN_SHIPPED),
        ESCALATE(ESCALATED, REJECTED),
        WITHDRAW(WITHDRAWN, REQUESTED, AWAITING_RETURN, REJECTED),
        /** Granted (refund-only approved, returned goods arrived, or the operator decided for the buyer): the money is on its way. */
        GRANT_REFUND(REFUNDING, REQUESTED, RETURN_SHIPPED, ESCALATED),
        /** The operator decided against the buyer. */
        CLOSE(CLOSED, ESCALATED),
        /** The provider reports the money back with the buyer. */
        CONFIRM_REFUND(REFUNDED, REFUNDING);

        private final AfterSaleStatus to;
        private final Set<AfterSaleStatus> from;

        Move(AfterSaleStatus to, AfterSaleStatus first, AfterSaleStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public AfterSaleStatus to() {
            return to;
        }

        public Set<AfterSaleStatus> from() {
            return from;
        }
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean canMoveTo(AfterSaleStatus next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
