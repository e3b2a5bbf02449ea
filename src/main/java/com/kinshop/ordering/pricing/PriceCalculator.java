package com.kinshop.ordering.pricing;

/** One step of {@link PricingPipeline}: reads and sets figures on the context, in the pipeline's order. */
@FunctionalInterface
public interface PriceCalculator {

    void apply(PricingContext context);
}
