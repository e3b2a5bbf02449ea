package com.kinshop.ordering.pricing;

import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.ShippingRule;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.kinshop.ordering.pricing.Lines.FOOD;
import static com.kinshop.ordering.pricing.Lines.HOME;
import static com.kinshop.ordering.pricing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

class ShippingAndCommissionBudgetsTest {

    private static final Map<SupplierId, ShippingRule> RULES = Map.of(
            FOOD, new ShippingRule(Money.fen(800), Money.fen(9_900)),
            HOME, new ShippingRule(Money.fen(600), null));

    @Test
    void eachSupplierOrderPaysItsOwnRuleOnItsOwnGoods() {
        PricingContext context = Lines.priced(line(1, FOOD, 5_000, 2), line(2, HOME, 9_000, 1));
        new Shipping(RULES::get).apply(context);
        assertThat(context.orders()).extracting(PricingContext.SupplierOrder::shipping).containsExactly(Money.ZERO, Money.fen(600));
    }

    @Test
    void theFreeShippingThresholdCountsWhatIsPaidAfterDiscounts() {
        PricingContext context = Lines.priced(line(1, FOOD, 10_000, 1));
        new Discounts(List.of(new Discount(Money.fen(200), Set.of(new SkuId(1)), Funder.PLATFORM))).apply(context);
        new Shipping(RULES::get).apply(context);
        assertThat(context.orders().get(0).shipping()).as("98.00 paid is under 99.00").isEqualTo(Money.fen(800));
        assertThat(context.orders().get(0).total()).isEqualTo(Money.fen(9_800 + 800));
    }

    @Test
    void aRateBudgetIsOnWhatIsPaidNotOnTheCatalogPrice() {
        PricingContext context = Lines.priced(line(1, FOOD, 999, 3, CommissionBudget.rate(1_500)));
        new CommissionBudgets().apply(context);
        assertThat(context.lines().get(0).commissionBudget()).as("29.97 × 15% = 4.4955 → 4.49").isEqualTo(Money.fen(449));

        PricingContext discounted = Lines.priced(line(1, FOOD, 1_000, 2, CommissionBudget.rate(1_000)));
        new Discounts(List.of(new Discount(Money.fen(500), Set.of(new SkuId(1)), Funder.SUPPLIER))).apply(discounted);
        new CommissionBudgets().apply(discounted);
        assertThat(discounted.lines().get(0).commissionBudget()).as("10% of 15.00 paid, not of 20.00").isEqualTo(Money.fen(150));
    }

    @Test
    void aFixedBudgetIsPerUnitAndNeverAboveWhatIsPaid() {
        PricingContext context = Lines.priced(line(1, FOOD, 1_000, 2, CommissionBudget.fixed(Money.fen(150))),
                line(2, FOOD, 1_000, 1, CommissionBudget.fixed(Money.fen(300))));
        new Discounts(List.of(new Discount(Money.fen(900), Set.of(new SkuId(2)), Funder.PLATFORM))).apply(context);
        new CommissionBudgets().apply(context);
        assertThat(context.lines()).extracting(PricingContext.Line::commissionBudget).containsExactly(Money.fen(300), Money.fen(100));
    }
}
