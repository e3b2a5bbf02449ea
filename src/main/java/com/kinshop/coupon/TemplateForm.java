package com.kinshop.coupon;

import java.time.Instant;

/**
 * A coupon template as its issuer asks for it. Validity is either a fixed window ({@code validFrom} to
 * {@code validUntil}) or {@code validDays} after claiming. {@code targetId} names the supplier, category or product of
 * the scope (none for the platform scope; a supplier's own id when left out for the supplier scope).
 */
public record TemplateForm(String title, CouponTerms terms, CouponScope scope, Long targetId, Instant validFrom, Instant validUntil,
                           Integer validDays, Integer totalQuantity, Integer perMemberLimit, boolean newMember) {

    public static final int MAX_TITLE = 30;
    public static final int MAX_QUANTITY = 1_000_000;
    public static final int MAX_PER_MEMBER = 100;
    public static final int MAX_VALID_DAYS = 365;
}
