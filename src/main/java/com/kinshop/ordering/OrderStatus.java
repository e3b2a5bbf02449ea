package com.kinshop.ordering;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * An order's states and, in {@link Move}, the one table of moves between them. {@link OrderMoves} performs a move; no
 * other code writes an order's status, and SQL names a status only through a bound parameter.
 */
public enum OrderStatus {
    AWAITING_PAYMENT, PAID, SHIPPED, RECEIVED, COMPLETED, CANCELLED, REFUNDED;

    /** An order in these states has not been paid (yet, or ever): it counts for no sales, orders or commission. */
    public static final Set<OrderStatus> UNPAID = EnumSet.of(AWAITING_PAYMENT, CANCELLED);

    /** Every move an order can make: from which states, to which one. */
    public enum Move {
        PAY(PAID, AWAITING_PAYMENT),
        CANCEL(CANCELLED, AWAITING_PAYMENT),
        SHIP(SHIPPED, PAID),
        RECEIVE(RECEIVED, SHIPPED),
        COMPLETE(COMPLETED, RECEIVED),
        /** The last units of an order were refunded (before or after it completed). */
        REFUND_WHOLLY(REFUNDED, PAID, SHIPPED, RECEIVED, COMPLETED);

        private final OrderStatus to;
        private final Set<OrderStatus> from;

        Move(OrderStatus to, OrderStatus first, OrderStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public OrderStatus to() {
            return to;
        }

        public Set<OrderStatus> from() {
            return from;
        }

    }

    public boolean canMoveTo(OrderStatus next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }

}
