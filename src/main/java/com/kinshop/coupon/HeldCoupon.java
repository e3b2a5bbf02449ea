package com.kinshop.coupon;

import com.kinshop.shared.Money;

import java.time.Instant;

/** A coupon on the member's list: the coupon, and for a used or locked one the order and what it took off. */
public record HeldCoupon(Coupon coupon, String orderNumber, Money discount, Instant usedAt, String source) {

    /** The tabs of 我的优惠券. */
    public enum Tab { UNUSED, USED, EXPIRED }
}
