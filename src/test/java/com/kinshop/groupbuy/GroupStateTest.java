package com.kinshop.groupbuy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupStateTest {

    @Test
    void aGroupClosesOnceEitherWay() {
        assertThat(GroupStatus.OPEN.canMoveTo(GroupStatus.SUCCEEDED)).isTrue();
        assertThat(GroupStatus.OPEN.canMoveTo(GroupStatus.FAILED)).isTrue();
        assertThat(GroupStatus.SUCCEEDED.canMoveTo(GroupStatus.FAILED)).isFalse();
        assertThat(GroupStatus.FAILED.canMoveTo(GroupStatus.SUCCEEDED)).isFalse();
        assertThat(GroupStatus.FAILED.canMoveTo(GroupStatus.OPEN)).isFalse();
    }

    @Test
    void aSeatIsPaidOrLeftThenRefundedAtMostOnce() {
        assertThat(SeatStatus.SEATED.canMoveTo(SeatStatus.PAID)).isTrue();
        assertThat(SeatStatus.SEATED.canMoveTo(SeatStatus.LEFT)).isTrue();
        assertThat(SeatStatus.SEATED.canMoveTo(SeatStatus.REFUNDING)).as("a payment after the group closed").isTrue();
        assertThat(SeatStatus.PAID.canMoveTo(SeatStatus.REFUNDING)).isTrue();
        assertThat(SeatStatus.PAID.canMoveTo(SeatStatus.LEFT)).as("a paid seat is never given back unpaid").isFalse();
        assertThat(SeatStatus.REFUNDING.canMoveTo(SeatStatus.REFUNDED)).isTrue();
        assertThat(SeatStatus.REFUNDED.canMoveTo(SeatStatus.REFUNDING)).isFalse();
        assertThat(SeatStatus.LEFT.canMoveTo(SeatStatus.PAID)).isFalse();
    }

    @Test
    void aCampaignIsReviewedOnce() {
        assertThat(CampaignReview.PENDING.canMoveTo(CampaignReview.APPROVED)).isTrue();
        assertThat(CampaignReview.PENDING.canMoveTo(CampaignReview.REJECTED)).isTrue();
        assertThat(CampaignReview.APPROVED.canMoveTo(CampaignReview.REJECTED)).isFalse();
        assertThat(CampaignReview.REJECTED.canMoveTo(CampaignReview.APPROVED)).isFalse();
    }

    @Test
    void theSuccessRateCountsClosedGroupsOnly() {
        assertThat(CampaignFigures.rate(2, 1)).isEqualTo(66.7);
        assertThat(CampaignFigures.rate(0, 0)).isZero();
        assertThat(CampaignFigures.rate(3, 0)).isEqualTo(100.0);
    }
}
