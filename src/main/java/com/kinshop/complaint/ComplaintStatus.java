package com.kinshop.complaint;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A complaint's states and, in {@link Move}, the one table of moves between them; {@link ComplaintMoves} performs them.
 * Filed, it awaits the supplier's answer; answered (or left unanswered past the deadline) it awaits the operator, who
 * upholds or dismisses it. The buyer may withdraw it while it is open.
 */
public enum ComplaintStatus {
    AWAITING_ANSWER, AWAITING_DECISION, UPHELD, DISMISSED, WITHDRAWN;

    /** Open: at most one per order (a partial unique index), and it keeps the supplier's deposit from being returned. */
    public static final Set<ComplaintStatus> OPEN = EnumSet.of(AWAITING_ANSWER, AWAITING_DECISION);

    public enum Move {
        ANSWER(AWAITING_DECISION, AWAITING_ANSWER),
        /** The answer deadline passed: the timer hands it to the operator unanswered. */
        OVERDUE(AWAITING_DECISION, AWAITING_ANSWER),
        UPHOLD(UPHELD, AWAITING_DECISION),
        DISMISS(DISMISSED, AWAITING_DECISION),
        WITHDRAW(WITHDRAWN, AWAITING_ANSWER, AWAITING_DECISION);

        private final ComplaintStatus to;
        private final Set<ComplaintStatus> from;

        Move(ComplaintStatus to, ComplaintStatus first, ComplaintStatus... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        public ComplaintStatus to() {
            return to;
        }

        public Set<ComplaintStatus> from() {
            return from;
        }
    }

    public boolean open() {
        return OPEN.contains(this);
    }

    public boolean canMoveTo(ComplaintStatus next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.to() == next && move.from().contains(this));
    }
}
