package com.kinshop.ordering.pricing;

import com.kinshop.catalog.CommissionBudget;
import com.kinshop.shared.Money;

/**
 * Each line's commission budget on what the buyer pays for it, never on the catalog price: a rate applies to the
 * line's paid amount (one rounding, down); a fixed budget is per unit, capped at what was paid so a discounted line
 * never carries more commission than its money.
 */
public final class CommissionBudgets implements PriceCalculator {

    @Override
    public void apply(PricingContext context) {
        for (PricingContext.Line line : context.lines()) {
            Money paid = line.paid();
            Money budget = line.budget().kind() == CommissionBudget.Kind.RATE
                    ? paid.shareAt((int) line.budget().value())
                    : Money.fen(Math.min(Math.multiplyExact(line.budget().value(), line.quantity()), paid.fen()));
            line.commissionBudget(budget);
        }
    }
}
