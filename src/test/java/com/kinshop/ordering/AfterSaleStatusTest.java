package com.kinshop.ordering;

import com.kinshop.ordering.AfterSaleStatus.Move;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.kinshop.ordering.AfterSaleStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The after-sales state machine, written out by hand: every pair of states is either in this list or refused. */
class AfterSaleStatusTest {

    private static final List<List<AfterSaleStatus>> ALLOWED = List.of(
            List.of(REQUESTED, AWAITING_RETURN), List.of(REQUESTED, REJECTED), List.of(REQUESTED, WITHDRAWN), List.of(REQUESTED, REFUNDING),
            List.of(AWAITING_RETURN, RETURN_SHIPPED), List.of(AWAITING_RETURN, WITHDRAWN),
            List.of(RETURN_SHIPPED, REJECTED), List.of(RETURN_SHIPPED, REFUNDING),
            List.of(REJECTED, ESCALATED), List.of(REJECTED, WITHDRAWN),
            List.of(ESCALATED, REFUNDING), List.of(ESCALATED, CLOSED),
            List.of(REFUNDING, REFUNDED));

    @Test
    void everyPairOfStatesIsAllowedExactlyWhenListed() {
        for (AfterSaleStatus from : values()) {
            for (AfterSaleStatus to : values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(ALLOWED.contains(List.of(from, to)));
            }
        }
    }

    @Test
    void refusesLeavingAnEndOrSkippingTheReturn() {
        for (AfterSaleStatus to : values()) {
            assertThat(REFUNDED.canMoveTo(to)).as("REFUNDED → " + to).isFalse();
            assertThat(CLOSED.canMoveTo(to)).as("CLOSED → " + to).isFalse();
            assertThat(WITHDRAWN.canMoveTo(to)).as("WITHDRAWN → " + to).isFalse();
        }
        assertThat(AWAITING_RETURN.canMoveTo(REFUNDING)).as("no refund before the goods come back").isFalse();
        assertThat(REFUNDING.canMoveTo(WITHDRAWN)).as("granted money cannot be withdrawn").isFalse();
        assertThat(REQUESTED.canMoveTo(ESCALATED)).as("only a rejection is escalated").isFalse();
    }

    @Test
    void theOpenStatesAreTheOnesAMoveStartsFrom() {
        for (AfterSaleStatus status : values()) {
            boolean someMoveStartsHere = java.util.Arrays.stream(Move.values()).anyMatch(move -> move.from().contains(status));
            assertThat(status.isOpen()).as(status.name()).isEqualTo(someMoveStartsHere);
        }
    }
}
