package com.kinshop.coupon;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.Money;

import java.time.Instant;

/** What happened to a coupon, for the module that granted it ({@code source}, null for template coupons). */
public final class CouponEvents {

    private CouponEvents() {
    }

    /** The order the coupon was locked to was paid: the coupon is spent; {@code discount} is what it took off. */
    public record CouponUsed(long couponId, AccountId member, String source, String orderNumber, Money discount, Instant at) {
    }
}
