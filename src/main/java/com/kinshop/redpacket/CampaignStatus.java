package com.kinshop.redpacket;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A campaign's states and, in {@link Move}, the one table of moves between them; {@link RedPacketMoves} performs them.
 * Scheduled until it starts, running while members claim, ended when claiming stops (the unclaimed budget goes back to
 * the supplier), settled once no packet can be spent any more (the unspent ones went back too; the hold is empty).
 */
public enum CampaignStatus {
    SCHEDULED, RUNNING, ENDED, SETTLED;

    /** States in which members may claim, when the clock is also inside the campaign's window. */
    public static final Set<CampaignStatus> OPEN = EnumSet.of(SCHEDULED, RUNNING);

    public enum Move {
        START(RUNNING, SCHEDULED),
        END(ENDED, SCHEDULED, RUNNING),
        SETTLE(SETTLED, ENDED);

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
