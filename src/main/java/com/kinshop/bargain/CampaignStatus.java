package com.kinshop.bargain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A bargain campaign's states and, in {@link Move}, the one table of moves between them; {@link BargainMoves} performs
 * them. Supplier staff submit it (pending approval); the operator approves or rejects it (with a reason); an approved
 * campaign ends when its window closes, and one never decided ends then too. Members start bargains only while it is
 * approved and the clock is inside its window.
 */
public enum CampaignStatus {
    PENDING_APPROVAL, APPROVED, REJECTED, ENDED;

    public enum Move {
        APPROVE(APPROVED, PENDING_APPROVAL),
        REJECT(REJECTED, PENDING_APPROVAL),
        END(ENDED, PENDING_APPROVAL, APPROVED);

        private final CampaignStatus to;
        private final Set<CampaignStatus> from;

        Move(CampaignStatus to, CampaignStatus first, CampaignStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public CampaignStatus to() {
            return to;
        }

        public Set<CampaignStatus> from() {
            return from;
        }
    }

    public boolean canMoveTo(CampaignStatus next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
