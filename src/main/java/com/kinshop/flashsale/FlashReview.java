package com.kinshop.flashsale;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a flash-sale session stands with the operator: pending until reviewed, then approved (its units set aside, on
 * sale inside its window) or rejected with a reason. Moves only from pending, each once; {@link FlashMoves} performs them.
 */
public enum FlashReview {
    PENDING, APPROVED, REJECTED;

    public enum Move {
        APPROVE(APPROVED, PENDING),
        REJECT(REJECTED, PENDING);

        private final FlashReview to;
        private final Set<FlashReview> from;

        Move(FlashReview to, FlashReview first, FlashReview... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public FlashReview to() {
            return to;
        }

        public Set<FlashReview> from() {
            return from;
        }
    }

    public boolean canMoveTo(FlashReview next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
