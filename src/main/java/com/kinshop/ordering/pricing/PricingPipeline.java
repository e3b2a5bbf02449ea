package com.kinshop.ordering.pricing;

import com.kinshop.catalog.ShippingRule;
import com.kinshop.catalog.SupplierId;

import java.util.List;
import java.util.function.Function;

/**
 * Pricing as an ordered chain of small calculators, each reading what the steps before it decided: catalog price →
 * promotion price → discounts (coupons) → shipping on what is paid → commission budget on what is paid. A play
 * (group buy, flash sale, coupons) feeds its price or discounts in; it never reorders the chain.
 */
public final class PricingPipeline {

    private final List<PriceCalculator> steps;

    public PricingPipeline(List<PriceCalculator> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The standard chain; {@code discounts} may be empty. */
    public static PricingPipeline standard(List<Discount> discounts, Function<SupplierId, ShippingRule> shippingRules) {
        return new PricingPipeline(List.of(new CatalogPrice(), new PromotionPrice(), new Discounts(discounts), new Shipping(shippingRules),
                new CommissionBudgets()));
    }

    public PricingContext price(PricingContext context) {
        steps.forEach(step -> step.apply(context));
        return context;
    }
}
