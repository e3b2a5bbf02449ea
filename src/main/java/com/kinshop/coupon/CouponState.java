package com.kinshop.coupon;

import java.util.EnumSet;
import java.util.Set;

/**
 * A held coupon's states and, in {@link Move}, the one table of moves between them; {@link CouponMoves} performs a
 * move. Expired is not a state: it is an unused coupon past its validity, computed when read (no job to run).
 */
public enum CouponState {
    UNUSED, LOCKED, USED;

    public enum Move {
        /** Checkout placed an order carrying the coupon. */
        LOCK(LOCKED, UNUSED),
        /** The order was cancelled (by the buyer or because payment timed out) before it was paid. */
        RELEASE(UNUSED, LOCKED),
        /** The order was paid. */
        USE(USED, LOCKED);

        private final CouponState to;
        private final Set<CouponState> from;

        Move(CouponState to, CouponState first, CouponState... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public CouponState to() {
            return to;
        }

        public Set<CouponState> from() {
            return from;
        }
    }

    public boolean canMoveTo(CouponState next) {
        return java.util.Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
