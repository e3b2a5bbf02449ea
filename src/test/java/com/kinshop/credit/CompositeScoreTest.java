package com.kinshop.credit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CompositeScoreTest {

    @Test
    void aProductWithNothingCountedScoresThePrior() {
        assertThat(CompositeScore.of(CompositeScore.Inputs.NONE, 4.0, 20, 1.0)).isEqualTo(75.0);
        assertThat(CompositeScore.of(CompositeScore.Inputs.NONE, 4.6, 20, 1.0)).isEqualTo(90.0);
    }

    @Test
    void theBayesianAveragePullsFewReviewsTowardsThePlatformMean() {
        // one 5-star review with C = 20 around a 4.0 mean: (20·4 + 5) / 21
        assertThat(CompositeScore.bayesianStars(1, 5, 4.0, 20)).isCloseTo(85.0 / 21, within(1e-9));
        // 1,000 1-star reviews outweigh the prior
        assertThat(CompositeScore.bayesianStars(1000, 1000, 4.0, 20)).isCloseTo(1080.0 / 1020, within(1e-9));
        // with C = 0 the average is the product's own
        assertThat(CompositeScore.bayesianStars(3, 12, 4.5, 0)).isEqualTo(4.0);
        assertThat(CompositeScore.bayesianStars(0, 0, 4.5, 0)).isEqualTo(4.5);
    }

    @Test
    void manyFiveStarReviewsBeatOneFiveStarReview() {
        double one = CompositeScore.of(new CompositeScore.Inputs(1, 5, 0, 0, 0, 0), 4.0, 20, 1.0);
        double many = CompositeScore.of(new CompositeScore.Inputs(100, 500, 0, 0, 0, 0), 4.0, 20, 1.0);
        assertThat(many).isGreaterThan(one).isGreaterThan(75.0);
    }

    @Test
    void refundsAndUpheldComplaintsTakeTheScoreDown() {
        var clean = new CompositeScore.Inputs(50, 225, 90, 0, 90, 0);
        var refunded = new CompositeScore.Inputs(50, 225, 90, 30, 90, 0);
        var complained = new CompositeScore.Inputs(50, 225, 90, 0, 90, 5);
        double base = CompositeScore.of(clean, 4.0, 20, 1.0);
        // refund rate 30 / (90 + 10) = 0.3
        assertThat(CompositeScore.of(refunded, 4.0, 20, 1.0)).isCloseTo(base * 0.7, within(0.01));
        // complaint rate 5 / 100, weighed 3 times: 0.85 kept
        assertThat(CompositeScore.of(complained, 4.0, 20, 1.0)).isCloseTo(base * 0.85, within(0.01));
    }

    @Test
    void oneRefundOfOneUnitIsNotAHundredPercent() {
        assertThat(CompositeScore.refundRate(1, 1)).isCloseTo(1.0 / 11, within(1e-9));
        assertThat(CompositeScore.refundRate(0, 0)).isZero();
        assertThat(CompositeScore.complaintRate(0, 50)).isEqualTo(1.0);
    }

    @Test
    void aFlaggedSuppliersFactorLowersTheScore() {
        var inputs = new CompositeScore.Inputs(10, 45, 10, 0, 10, 0);
        assertThat(CompositeScore.of(inputs, 4.0, 20, 0.7)).isCloseTo(CompositeScore.of(inputs, 4.0, 20, 1.0) * 0.7, within(0.01));
        assertThatThrownBy(() -> CompositeScore.of(inputs, 4.0, 20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompositeScore.of(inputs, 4.0, 20, 1.2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePlatformMeanIsTheDefaultBeforeAnyReview() {
        assertThat(CompositeScore.platformMean(0, 0)).isEqualTo(CompositeScore.DEFAULT_MEAN);
        assertThat(CompositeScore.platformMean(4, 18)).isEqualTo(4.5);
    }
}
