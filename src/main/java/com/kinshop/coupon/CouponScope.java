package com.kinshop.coupon;

/** Which products a coupon is for: everything on the platform, one supplier's, one category's (and its sub-categories'), one product. */
public enum CouponScope {
    PLATFORM, SUPPLIER, CATEGORY, PRODUCT
}
