package com.kinshop.coupon;

import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.Money;

import java.time.Instant;

/**
 * Coupons another module gives a member without a template claim (a red packet won becomes a no-threshold coupon on
 * its supplier's products). {@code source} names the giver (e.g. {@code redpacket:7}) and comes back in
 * {@link CouponEvents}, so the giver can follow what became of it without reading the coupon tables.
 */
public interface CouponGrants {

    /** A no-threshold coupon of {@code amount} off {@code supplier}'s products, funded by the supplier, valid until {@code validUntil}. */
    record Grant(AccountId member, SupplierId supplier, Money amount, Instant validUntil, String title, String source) {
    }

    /** Gives the coupon in the caller's transaction; returns its id. */
    long grant(Grant grant);
}
