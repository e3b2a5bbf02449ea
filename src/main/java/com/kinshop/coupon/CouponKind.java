package com.kinshop.coupon;

/** What a coupon takes off: an amount above a threshold (满减), a percentage with a cap (折扣), or an amount with no threshold (无门槛). */
public enum CouponKind {
    AMOUNT_OFF, PERCENT_OFF, NO_THRESHOLD
}
