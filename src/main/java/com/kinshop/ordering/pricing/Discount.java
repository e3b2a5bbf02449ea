package com.kinshop.ordering.pricing;

import com.kinshop.catalog.SkuId;
import com.kinshop.shared.Money;

import java.util.Set;

/** An amount off the lines of {@code scope} (SKUs of the checkout), funded by {@code funder}: what a coupon turns into. */
@org.springframework.modulith.NamedInterface("pricing") // handed back by checkout participants (coupons, other plays)
public record Discount(Money amount, Set<SkuId> scope, Funder funder) {

    public Discount {
        if (!amount.isPositive() || scope.isEmpty() || funder == null) {
            throw new IllegalArgumentException("A discount needs a positive amount, lines and a funder");
        }
        scope = Set.copyOf(scope);
    }
}
