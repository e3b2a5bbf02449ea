package com.kinshop.catalog;

import com.kinshop.shared.Money;

/**
 * A supplier's shipping fee for one order (one supplier's part of a checkout): a flat fee, waived when the goods
 * total reaches {@code freeOver} (满 X 包邮); no threshold means the fee always applies. A zero fee is free shipping.
 * Plain Java.
 */
public record ShippingRule(Money flatFee, Money freeOver) {

    public static final ShippingRule FREE = new ShippingRule(Money.ZERO, null);

    public ShippingRule {
        if (flatFee == null || flatFee.isNegative()) {
            throw new IllegalArgumentException("The flat fee must be zero or more");
        }
        if (freeOver != null && !freeOver.isPositive()) {
            throw new IllegalArgumentException("The free-shipping threshold must be above zero");
        }
    }

    public Money feeFor(Money goodsTotal) {
        boolean waived = freeOver != null && goodsTotal.compareTo(freeOver) >= 0;
        return waived ? Money.ZERO : flatFee;
    }

    public boolean alwaysFree() {
        return !flatFee.isPositive();
    }
}
