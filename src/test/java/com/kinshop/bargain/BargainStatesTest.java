package com.kinshop.bargain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BargainStatesTest {

    @Test
    void aCampaignIsDecidedOnceAndEndsOnlyFromPendingOrApproved() {
        assertThat(CampaignStatus.PENDING_APPROVAL.canMoveTo(CampaignStatus.APPROVED)).isTrue();
        assertThat(CampaignStatus.PENDING_APPROVAL.canMoveTo(CampaignStatus.REJECTED)).isTrue();
        assertThat(CampaignStatus.REJECTED.canMoveTo(CampaignStatus.APPROVED)).isFalse();
        assertThat(CampaignStatus.APPROVED.canMoveTo(CampaignStatus.REJECTED)).isFalse();
        assertThat(CampaignStatus.APPROVED.canMoveTo(CampaignStatus.ENDED)).isTrue();
        assertThat(CampaignStatus.REJECTED.canMoveTo(CampaignStatus.ENDED)).isFalse();
        assertThat(CampaignStatus.ENDED.canMoveTo(CampaignStatus.APPROVED)).isFalse();
    }

    @Test
    void aBargainIsBoughtOnlyThroughAnOrderAndGivenBackOnlyFromOrdered() {
        assertThat(BargainStatus.IN_PROGRESS.canMoveTo(BargainStatus.AT_FLOOR)).isTrue();
        assertThat(BargainStatus.IN_PROGRESS.canMoveTo(BargainStatus.BOUGHT)).isFalse();
        assertThat(BargainStatus.AT_FLOOR.canMoveTo(BargainStatus.ORDERED)).isTrue();
        assertThat(BargainStatus.ORDERED.canMoveTo(BargainStatus.BOUGHT)).isTrue();
        assertThat(BargainStatus.ORDERED.canMoveTo(BargainStatus.IN_PROGRESS)).isTrue();
        assertThat(BargainStatus.ORDERED.canMoveTo(BargainStatus.AT_FLOOR)).isTrue();
        assertThat(BargainStatus.ORDERED.canMoveTo(BargainStatus.EXPIRED)).isTrue();
        assertThat(BargainStatus.BOUGHT.canMoveTo(BargainStatus.IN_PROGRESS)).isFalse();
        assertThat(BargainStatus.BOUGHT.canMoveTo(BargainStatus.EXPIRED)).isFalse();
        assertThat(BargainStatus.EXPIRED.canMoveTo(BargainStatus.ORDERED)).isFalse();
        assertThat(BargainStatus.AT_FLOOR.canMoveTo(BargainStatus.IN_PROGRESS)).as("a cut is never undone").isFalse();
        assertThat(BargainStatus.BUYABLE).containsExactlyInAnyOrder(BargainStatus.IN_PROGRESS, BargainStatus.AT_FLOOR);
    }
}
