package com.kinshop.redpacket;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.kinshop.redpacket.CampaignStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The campaign's and the packet's state machines, written out by hand, and the phase a member sees. */
class CampaignStateTest {

    private static final List<List<CampaignStatus>> CAMPAIGN_MOVES = List.of(
            List.of(SCHEDULED, RUNNING), List.of(SCHEDULED, ENDED), List.of(RUNNING, ENDED), List.of(ENDED, SETTLED));
    private static final List<List<ClaimStatus>> CLAIM_MOVES = List.of(
            List.of(ClaimStatus.CLAIMED, ClaimStatus.SPENT), List.of(ClaimStatus.CLAIMED, ClaimStatus.RETURNED),
            List.of(ClaimStatus.RETURNED, ClaimStatus.SPENT));

    @Test
    void everyPairOfCampaignStatesIsAllowedExactlyWhenListed() {
        for (CampaignStatus from : values()) {
            for (CampaignStatus to : values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(CAMPAIGN_MOVES.contains(List.of(from, to)));
            }
        }
    }

    @Test
    void everyPairOfPacketStatesIsAllowedExactlyWhenListed() {
        for (ClaimStatus from : ClaimStatus.values()) {
            for (ClaimStatus to : ClaimStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(CLAIM_MOVES.contains(List.of(from, to)));
            }
        }
        assertThat(ClaimStatus.SPENT.canMoveTo(ClaimStatus.SPENT)).as("a second delivery of the same use moves nothing").isFalse();
    }

    @Test
    void thePhaseFollowsTheClockBetweenTwoTimerSweeps() {
        Instant start = Instant.parse("2026-12-12T12:00:00Z");
        Instant end = start.plus(Duration.ofHours(2));
        assertThat(Campaign.Phase.of(SCHEDULED, start, end, false, start.minusSeconds(1))).isEqualTo(Campaign.Phase.UPCOMING);
        assertThat(Campaign.Phase.of(SCHEDULED, start, end, false, start)).as("started, though no sweep moved it yet").isEqualTo(Campaign.Phase.RUNNING);
        assertThat(Campaign.Phase.of(RUNNING, start, end, true, start.plusSeconds(60))).isEqualTo(Campaign.Phase.ALL_GONE);
        assertThat(Campaign.Phase.of(RUNNING, start, end, false, end)).as("ended, though no sweep moved it yet").isEqualTo(Campaign.Phase.ENDED);
        assertThat(Campaign.Phase.of(ENDED, start, end, false, start.plusSeconds(60))).isEqualTo(Campaign.Phase.ENDED);
        assertThat(Campaign.Phase.of(SETTLED, start, end, false, start.plusSeconds(60))).isEqualTo(Campaign.Phase.ENDED);
    }
}
