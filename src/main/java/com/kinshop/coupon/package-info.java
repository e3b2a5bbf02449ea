/**
 * Coupons (优惠券): templates made by the operator (platform-funded) or a supplier (supplier-funded), claimed by
 * members (领券中心, product page, shop, new-member grants), chosen at checkout through ordering's
 * {@link com.kinshop.ordering.CheckoutParticipant} seam (locked at checkout, used at payment, restored exactly once
 * on cancellation), and granted by other plays (red packets) through {@link com.kinshop.coupon.CouponGrants}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coupons")
package com.kinshop.coupon;
