package com.kinshop.complaint;

import org.junit.jupiter.api.Test;

import static com.kinshop.complaint.ComplaintStatus.AWAITING_ANSWER;
import static com.kinshop.complaint.ComplaintStatus.AWAITING_DECISION;
import static com.kinshop.complaint.ComplaintStatus.DISMISSED;
import static com.kinshop.complaint.ComplaintStatus.UPHELD;
import static com.kinshop.complaint.ComplaintStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

class ComplaintStatusTest {

    @Test
    void theOperatorDecidesOnlyWhatAwaitsADecision() {
        assertThat(AWAITING_DECISION.canMoveTo(UPHELD)).isTrue();
        assertThat(AWAITING_DECISION.canMoveTo(DISMISSED)).isTrue();
        assertThat(AWAITING_ANSWER.canMoveTo(UPHELD)).as("not before the answer or the deadline").isFalse();
        assertThat(UPHELD.canMoveTo(DISMISSED)).as("a decision is final").isFalse();
        assertThat(WITHDRAWN.canMoveTo(UPHELD)).isFalse();
    }

    @Test
    void theBuyerWithdrawsOnlyWhileOpen() {
        assertThat(AWAITING_ANSWER.canMoveTo(WITHDRAWN)).isTrue();
        assertThat(AWAITING_DECISION.canMoveTo(WITHDRAWN)).isTrue();
        assertThat(UPHELD.canMoveTo(WITHDRAWN)).isFalse();
        assertThat(DISMISSED.canMoveTo(WITHDRAWN)).isFalse();
        assertThat(ComplaintStatus.OPEN).containsExactlyInAnyOrder(AWAITING_ANSWER, AWAITING_DECISION);
    }

    @Test
    void answeredAndOverdueBothGoToTheOperator() {
        assertThat(ComplaintStatus.Move.ANSWER.to()).isEqualTo(AWAITING_DECISION);
        assertThat(ComplaintStatus.Move.OVERDUE.to()).isEqualTo(AWAITING_DECISION);
        assertThat(ComplaintStatus.Move.ANSWER.from()).containsExactly(AWAITING_ANSWER);
    }
}
