package com.kinshop.groupbuy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a group-buy campaign stands with the operator: pending until reviewed, then approved (members may open and
 * join groups inside its window) or rejected with a reason. Moves only from pending, each once.
 */
public enum CampaignReview {
    PENDING, APPROVED, REJECTED;

    public enum Move {
        APPROVE(APPROVED, PENDING),
        REJECT(REJECTED, PENDING);

        private final CampaignReview to;
        private final Set<CampaignReview> from;

        Move(CampaignReview to, CampaignReview first, CampaignReview... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public CampaignReview to() {
            return to;
        }

        public Set<CampaignReview> from() {
            return from;
        }
    }

    public boolean canMoveTo(CampaignReview next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
