package com.kinshop.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewStatusTest {

    @Test
    void onlyAFlaggedReviewMovesAndOnlyOnce() {
        assertThat(ReviewStatus.FLAGGED.canMoveTo(ReviewStatus.COUNTED)).isTrue();
        assertThat(ReviewStatus.FLAGGED.canMoveTo(ReviewStatus.BRUSHED)).isTrue();
        assertThat(ReviewStatus.COUNTED.canMoveTo(ReviewStatus.BRUSHED)).as("a counted review is never un-counted").isFalse();
        assertThat(ReviewStatus.BRUSHED.canMoveTo(ReviewStatus.COUNTED)).isFalse();
        assertThat(ReviewStatus.COUNTED.canMoveTo(ReviewStatus.FLAGGED)).isFalse();
    }
}
