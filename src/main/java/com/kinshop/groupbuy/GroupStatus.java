package com.kinshop.groupbuy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A group's states and, in {@link Move}, the one table of moves between them; {@link GroupMoves} performs them. Open
 * while seats are taken and paid; succeeded at the payment that fills the last seat (or, with virtual fill, at the
 * deadline once a member has paid); failed when the fill time runs out first.
 */
public enum GroupStatus {
    OPEN, SUCCEEDED, FAILED;

    public enum Move {
        SUCCEED(SUCCEEDED, OPEN),
        FAIL(FAILED, OPEN);

        private final GroupStatus to;
        private final Set<GroupStatus> from;

        Move(GroupStatus to, GroupStatus first, GroupStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public GroupStatus to() {
            return to;
        }

        public Set<GroupStatus> from() {
            return from;
        }
    }

    public boolean canMoveTo(GroupStatus next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
