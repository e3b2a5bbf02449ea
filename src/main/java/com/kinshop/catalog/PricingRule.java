package com.kinshop.catalog;

import com.kinshop.shared.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * The S2b2c price rule, checked whenever a SKU is saved or a product is approved:
 * supply price + commission budget + platform fee ≤ retail price, all positive where they must be.
 * Plain Java: no Spring, no database.
 */
public final class PricingRule {

    private PricingRule() {
    }

    /** A broken rule: which field of which SKU (by index), the message key and its arguments. */
    public record Violation(int skuIndex, String field, String messageKey, Object... args) {
    }

    /**
     * The figures of the rule at this price — spec, supply, commission, platform fee, price — for a promotion's price
     * that breaks it in any way (below the supply price too), so the refusal always shows what the price must cover.
     */
    public static Object[] figures(String spec, Money price, Money supply, CommissionBudget budget, int platformFeeBp) {
        return new Object[] {spec, supply.toPlainString(), budget.amountFor(price).toPlainString(), price.shareAt(platformFeeBp).toPlainString(),
                price.toPlainString()};
    }

    public static List<Violation> check(int skuIndex, String spec, Money retail, Money supply, CommissionBudget budget, int platformFeeBp) {
        List<Violation> violations = new ArrayList<>();
        if (!retail.isPositive()) {
            violations.add(new Violation(skuIndex, "retailFen", "sku.retail.positive", spec));
        }
        if (!supply.isPositive()) {
            violations.add(new Violation(skuIndex, "supplyFen", "sku.supply.positive", spec));
        }
        if (!violations.isEmpty()) {
            return violations;
        }
        if (supply.compareTo(retail) > 0) {
            violations.add(new Violation(skuIndex, "supplyFen", "sku.supply.above-retail", spec));
            return violations;
        }
        if (supply.plus(budget.amountFor(retail)).plus(retail.shareAt(platformFeeBp)).compareTo(retail) > 0) {
            violations.add(new Violation(skuIndex, "commissionValue", "sku.price-rule", figures(spec, retail, supply, budget, platformFeeBp)));
        }
        return violations;
    }
}
