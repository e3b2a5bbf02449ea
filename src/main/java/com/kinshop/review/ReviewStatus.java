package com.kinshop.review;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a review's stars count. A review is posted COUNTED, or FLAGGED when a brushing signal fired; only the
 * operator moves a flagged review, once: cleared (counts from then on) or confirmed as brushing (never counts).
 * {@link ReviewMoves} performs the moves.
 */
public enum ReviewStatus {
    FLAGGED, COUNTED, BRUSHED;

    public enum Move {
        CLEAR(COUNTED, FLAGGED),
        CONFIRM_BRUSHING(BRUSHED, FLAGGED);

        private final ReviewStatus to;
        private final Set<ReviewStatus> from;

        Move(ReviewStatus to, ReviewStatus first, ReviewStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public ReviewStatus to() {
            return to;
        }

        public Set<ReviewStatus> from() {
            return from;
        }
    }

    public boolean canMoveTo(ReviewStatus next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
