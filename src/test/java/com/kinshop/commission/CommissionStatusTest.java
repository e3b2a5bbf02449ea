package com.kinshop.commission;

import com.kinshop.commission.CommissionStatus.Move;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static com.kinshop.commission.CommissionStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The commission state machine, written out by hand: every pair of states is either in this list or refused. */
class CommissionStatusTest {

    private static final List<List<CommissionStatus>> ALLOWED = List.of(
            List.of(ESTIMATED, HELD), List.of(ESTIMATED, SETTLED), List.of(ESTIMATED, CANCELLED),
            List.of(HELD, ESTIMATED), List.of(HELD, SETTLED), List.of(HELD, CANCELLED));

    @Test
    void everyPairOfStatesIsAllowedExactlyWhenListed() {
        for (CommissionStatus from : values()) {
            for (CommissionStatus to : values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(ALLOWED.contains(List.of(from, to)));
            }
        }
    }

    @Test
    void settledMoneyIsClawedBackNotCancelled() {
        assertThat(SETTLED.canMoveTo(CANCELLED)).isFalse();
        assertThat(SETTLED.canMoveTo(ESTIMATED)).isFalse();
        for (CommissionStatus to : values()) {
            assertThat(CANCELLED.canMoveTo(to)).as("CANCELLED → " + to).isFalse();
        }
    }

    @Test
    void onlyTheOperatorMovesStartFromHeld() {
        assertThat(Move.VOID.from()).containsExactly(HELD);
        assertThat(Move.RELEASE.from()).containsExactly(HELD);
        assertThat(Move.RELEASE_SETTLED.from()).containsExactly(HELD);
        assertThat(Move.SETTLE.from()).as("a held commission does not settle with its order").containsExactly(ESTIMATED);
        assertThat(Move.CANCEL.from()).isEqualTo(EnumSet.of(ESTIMATED, HELD));
        assertThat(Move.HOLD.from()).containsExactly(ESTIMATED);
    }
}
