package com.kinshop.ordering.pricing;

import com.kinshop.catalog.ShippingRule;
import com.kinshop.catalog.SupplierId;

import java.util.function.Function;

/**
 * Each supplier order's shipping fee by that supplier's rule, its free-shipping threshold (满 X 包邮) counted on the
 * goods the buyer pays for after discounts — as 有赞 and yudao-mall do: a coupon that takes the order under the
 * threshold brings the fee back. Shipping is never discounted here and never carries commission.
 */
public final class Shipping implements PriceCalculator {

    private final Function<SupplierId, ShippingRule> rules;

    public Shipping(Function<SupplierId, ShippingRule> rules) {
        this.rules = rules;
    }

    @Override
    public void apply(PricingContext context) {
        for (PricingContext.SupplierOrder order : context.orders()) {
            order.shipping(rules.apply(order.supplier()).feeFor(order.paidGoods()));
        }
    }
}
