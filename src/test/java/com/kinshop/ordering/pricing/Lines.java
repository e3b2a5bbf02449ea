package com.kinshop.ordering.pricing;

import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.Money;

import java.util.List;

/** Contexts for the step tests, built the way checkout builds them. */
final class Lines {

    static final SupplierId FOOD = new SupplierId(1);
    static final SupplierId HOME = new SupplierId(2);

    private Lines() {
    }

    static PricingContext.Line line(long sku, SupplierId supplier, long priceFen, int quantity) {
        return line(sku, supplier, priceFen, quantity, CommissionBudget.rate(1_000));
    }

    static PricingContext.Line line(long sku, SupplierId supplier, long priceFen, int quantity, CommissionBudget budget) {
        return new PricingContext.Line(new SkuId(sku), supplier, Money.fen(priceFen), null, quantity, budget);
    }

    /** A context whose lines are already at their catalog price, as every later step finds them. */
    static PricingContext priced(PricingContext.Line... lines) {
        PricingContext context = new PricingContext(List.of(lines));
        new CatalogPrice().apply(context);
        return context;
    }
}
