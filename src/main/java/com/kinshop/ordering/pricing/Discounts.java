package com.kinshop.ordering.pricing;

import com.kinshop.shared.Allocation;
import com.kinshop.shared.Money;

import java.util.List;

/**
 * Allocates each discount, in the order given, over the lines in its scope in proportion to what each still pays
 * ({@link Allocation#proRata}: rounded down, remainder on the last line), recording who funds it on every line. A
 * discount larger than what its lines pay is refused: the caller (a coupon's rules) caps it, the pipeline never
 * quietly makes a line free. No discounts, no change.
 */
public final class Discounts implements PriceCalculator {

    private final List<Discount> discounts;

    public Discounts(List<Discount> discounts) {
        this.discounts = List.copyOf(discounts);
    }

    @Override
    public void apply(PricingContext context) {
        for (Discount discount : discounts) {
            List<PricingContext.Line> scope = context.lines().stream().filter(line -> discount.scope().contains(line.sku())).toList();
            if (scope.size() != discount.scope().size()) {
                throw new IllegalArgumentException("Discount scope names SKUs not in the checkout: " + discount.scope());
            }
            List<Money> shares = Allocation.proRata(discount.amount(), scope.stream().map(PricingContext.Line::paid).toList());
            for (int i = 0; i < scope.size(); i++) {
                scope.get(i).discount(discount.funder(), shares.get(i));
            }
        }
    }
}
