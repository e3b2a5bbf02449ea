package com.kinshop.ordering.pricing;

/**
 * A line a promotion prices (flash sale, group price) is charged the promotion's unit price instead; lines without
 * one keep the catalog price. The caller gives the price; a promotion price must be above zero and never above the
 * catalog's.
 */
public final class PromotionPrice implements PriceCalculator {

    @Override
    public void apply(PricingContext context) {
        for (PricingContext.Line line : context.lines()) {
            if (line.promotionUnitPrice() == null) {
                continue;
            }
            if (!line.promotionUnitPrice().isPositive() || line.promotionUnitPrice().compareTo(line.catalogUnitPrice()) > 0) {
                throw new IllegalArgumentException("Promotion price out of range for SKU " + line.sku());
            }
            line.unitPrice(line.promotionUnitPrice());
        }
    }
}
