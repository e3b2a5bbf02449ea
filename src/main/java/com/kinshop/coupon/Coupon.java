package com.kinshop.coupon;

import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.pricing.Funder;

import java.time.Instant;

/**
 * A coupon a member holds, as the rules see it: its terms, what it covers, when it is valid and its state. A coupon
 * issued by a supplier ({@code issuer} set, red packets included) is funded by that supplier and only ever covers that
 * supplier's products; one issued by the platform ({@code issuer} null) is the platform's marketing expense.
 */
public record Coupon(long id, AccountId owner, String title, CouponTerms terms, CouponScope scope, Long targetId, SupplierId issuer,
                     Instant validFrom, Instant validUntil, CouponState state) {

    public Funder funder() {
        return issuer == null ? Funder.PLATFORM : Funder.SUPPLIER;
    }

    public boolean covers(CouponPicker.Line line, SupplierId supplier) {
        if (issuer != null && !issuer.equals(supplier)) {
            return false;
        }
        return switch (scope) {
            case PLATFORM -> true;
            case SUPPLIER -> targetId != null && targetId == supplier.value();
            case CATEGORY -> line.categories().contains(targetId);
            case PRODUCT -> targetId != null && targetId == line.product().value();
        };
    }

    /** Unused and past its validity: what "expired" means (computed, never stored). */
    public boolean expiredAt(Instant now) {
        return state == CouponState.UNUSED && !now.isBefore(validUntil);
    }

    /** Why it cannot be used at {@code now} whatever the order, or null if it can be (as far as time and state go). */
    CouponPicker.Refusal refusalAt(Instant now) {
        if (state != CouponState.UNUSED) {
            return CouponPicker.Refusal.ALREADY_USED;
        }
        if (now.isBefore(validFrom)) {
            return CouponPicker.Refusal.NOT_YET_VALID;
        }
        if (!now.isBefore(validUntil)) {
            return CouponPicker.Refusal.EXPIRED;
        }
        return null;
    }
}
