package com.kinshop.ordering.pricing;

/** Every line starts at its catalog price, which must be above zero. */
public final class CatalogPrice implements PriceCalculator {

    @Override
    public void apply(PricingContext context) {
        for (PricingContext.Line line : context.lines()) {
            if (!line.catalogUnitPrice().isPositive()) {
                throw new IllegalArgumentException("Price must be positive for SKU " + line.sku());
            }
            line.unitPrice(line.catalogUnitPrice());
        }
    }
}
