package com.kinshop.groupbuy;

import com.kinshop.shared.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-12T04:00:00Z");
    private static final long LEADER = 1;
    private static final long FRIEND = 2;

    private static GroupRules.GroupFacts group(GroupStatus status, int size, int taken, Instant deadline) {
        return new GroupRules.GroupFacts(7, LEADER, status, size, taken, deadline);
    }

    private static String refusal(GroupRules.GroupFacts group, long member, boolean holdsSeat) {
        Optional<BusinessException> refused = GroupRules.refusal(group, member, holdsSeat, NOW);
        return refused.map(e -> e.messageKey() + "@" + e.field()).orElse("joins");
    }

    @Test
    void aFriendJoinsAnOpenGroupWithASeatLeftBeforeItsDeadline() {
        assertThat(refusal(group(GroupStatus.OPEN, 3, 2, NOW.plusSeconds(60)), FRIEND, false)).isEqualTo("joins");
    }

    @Test
    void eachRefusalNamesTheGroupAndSaysWhy() {
        Instant later = NOW.plusSeconds(60);
        assertThat(refusal(group(GroupStatus.OPEN, 3, 3, later), FRIEND, false)).isEqualTo("group.join.full@groupId");
        assertThat(refusal(group(GroupStatus.FAILED, 3, 1, later), FRIEND, false)).isEqualTo("group.join.failed@groupId");
        assertThat(refusal(group(GroupStatus.SUCCEEDED, 3, 3, later), FRIEND, false)).isEqualTo("group.join.succeeded@groupId");
        assertThat(refusal(group(GroupStatus.OPEN, 3, 1, NOW), FRIEND, false)).as("the deadline itself is too late").isEqualTo("group.join.expired@groupId");
        assertThat(refusal(group(GroupStatus.OPEN, 3, 1, later), LEADER, true)).isEqualTo("group.join.own@groupId");
        assertThat(refusal(group(GroupStatus.OPEN, 3, 2, later), FRIEND, true)).isEqualTo("group.join.twice@groupId");
    }

    @Test
    void aMemberAlreadyInAFullGroupHearsTheyAreInItNotThatItIsFull() {
        assertThat(refusal(group(GroupStatus.OPEN, 2, 2, NOW.plusSeconds(60)), FRIEND, true)).isEqualTo("group.join.twice@groupId");
    }

    @Test
    void theQuantityMustBePositiveAndWithinWhatTheLimitLeaves() {
        GroupRules.checkQuantity(2, 3, 1);
        assertThatThrownBy(() -> GroupRules.checkQuantity(0, 3, 0)).hasMessageContaining("group.quantity.positive (quantity)");
        assertThatThrownBy(() -> GroupRules.checkQuantity(null, 3, 0)).hasMessageContaining("group.quantity.positive (quantity)");
        assertThatThrownBy(() -> GroupRules.checkQuantity(2, 3, 2)).hasMessageContaining("group.quantity.limit (quantity)");
    }

    @Test
    void theCampaignPhaseFollowsTheReviewThenTheWindow() {
        Instant start = NOW.minus(Duration.ofHours(1));
        Instant end = NOW.plus(Duration.ofHours(1));
        assertThat(GroupRules.phase(CampaignReview.PENDING, start, end, NOW)).isEqualTo(GroupRules.Phase.PENDING_REVIEW);
        assertThat(GroupRules.phase(CampaignReview.REJECTED, start, end, NOW)).isEqualTo(GroupRules.Phase.REJECTED);
        assertThat(GroupRules.phase(CampaignReview.APPROVED, start, end, NOW)).isEqualTo(GroupRules.Phase.RUNNING);
        assertThat(GroupRules.phase(CampaignReview.APPROVED, end, end.plusSeconds(1), NOW)).isEqualTo(GroupRules.Phase.UPCOMING);
        assertThat(GroupRules.phase(CampaignReview.APPROVED, start, NOW, NOW)).isEqualTo(GroupRules.Phase.ENDED);
        assertThatThrownBy(() -> GroupRules.requireRunning(GroupRules.Phase.PENDING_REVIEW)).hasMessageContaining("not-approved (campaignId)");
        assertThatThrownBy(() -> GroupRules.requireRunning(GroupRules.Phase.ENDED)).hasMessageContaining("group.campaign.ended (campaignId)");
    }

    @Test
    void atTheDeadlineAGroupFailsUnlessVirtualFillCompletesOneSomebodyPaidFor() {
        assertThat(GroupRules.atDeadline(2, 3, false)).isEqualTo(new GroupRules.AtDeadline(GroupStatus.Move.FAIL, 0));
        assertThat(GroupRules.atDeadline(0, 3, true)).as("nobody paid: nothing to complete").isEqualTo(new GroupRules.AtDeadline(GroupStatus.Move.FAIL, 0));
        assertThat(GroupRules.atDeadline(1, 5, true)).isEqualTo(new GroupRules.AtDeadline(GroupStatus.Move.SUCCEED, 4));
    }

    @Test
    void namesAreMaskedToTheirFirstCharacter() {
        assertThat(GroupRules.masked("张小明")).isEqualTo("张**");
        assertThat(GroupRules.masked("A")).isEqualTo("*");
        assertThat(GroupRules.masked("😀abc")).isEqualTo("😀**");
        assertThat(GroupRules.masked(null)).isEqualTo("*");
    }
}
