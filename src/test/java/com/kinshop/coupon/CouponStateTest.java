package com.kinshop.coupon;

import org.junit.jupiter.api.Test;

import static com.kinshop.coupon.CouponState.LOCKED;
import static com.kinshop.coupon.CouponState.UNUSED;
import static com.kinshop.coupon.CouponState.USED;
import static org.assertj.core.api.Assertions.assertThat;

class CouponStateTest {

    @Test
    void aCouponIsLockedByAnOrderThenUsedOrReleasedAndAUsedOneNeverMovesAgain() {
        assertThat(UNUSED.canMoveTo(LOCKED)).isTrue();
        assertThat(LOCKED.canMoveTo(USED)).isTrue();
        assertThat(LOCKED.canMoveTo(UNUSED)).isTrue();
        assertThat(UNUSED.canMoveTo(USED)).as("only a locked coupon's order can be paid").isFalse();
        assertThat(USED.canMoveTo(UNUSED)).isFalse();
        assertThat(USED.canMoveTo(LOCKED)).isFalse();
        assertThat(LOCKED.canMoveTo(LOCKED)).isFalse();
    }
}
