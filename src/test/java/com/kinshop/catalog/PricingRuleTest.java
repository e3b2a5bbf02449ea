package com.kinshop.catalog;

import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PricingRuleTest {

    private static final int FEE_5_PERCENT = 500;

    @Test
    void supplyPlusCommissionPlusFeeMayEqualRetail() {
        // 100.00 retail: 80.00 supply + 15.00 commission + 5.00 fee = 100.00
        assertThat(PricingRule.check(0, "默认", Money.fen(10_000), Money.fen(8_000), CommissionBudget.fixed(Money.fen(1_500)), FEE_5_PERCENT)).isEmpty();
        assertThat(PricingRule.check(0, "默认", Money.fen(10_000), Money.fen(8_000), CommissionBudget.rate(1_500), FEE_5_PERCENT)).isEmpty();
    }

    @Test
    void oneFenOverIsRefusedNamingTheSkuAndTheFigures() {
        var violations = PricingRule.check(2, "10斤装", Money.fen(10_000), Money.fen(8_001), CommissionBudget.rate(1_500), FEE_5_PERCENT);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.skuIndex()).isEqualTo(2);
            assertThat(v.field()).isEqualTo("commissionValue");
            assertThat(v.messageKey()).isEqualTo("sku.price-rule");
            assertThat(v.args()).containsExactly("10斤装", "80.01", "15.00", "5.00", "100.00");
        });
    }

    @Test
    void aPromotionPriceBelowTheSupplyPriceStillShowsWhatThePriceMustCover() {
        assertThat(PricingRule.figures("标准装", Money.fen(5_000), Money.fen(6_000), CommissionBudget.rate(1_000), FEE_5_PERCENT))
                .containsExactly("标准装", "60.00", "5.00", "2.50", "50.00");
    }

    @Test
    void nonPositivePricesAndSupplyAboveRetailAreRefusedFirst() {
        assertThat(PricingRule.check(0, "a", Money.fen(0), Money.fen(1), CommissionBudget.rate(0), 0))
                .extracting(PricingRule.Violation::messageKey).containsExactly("sku.retail.positive");
        assertThat(PricingRule.check(0, "a", Money.fen(100), Money.fen(-1), CommissionBudget.rate(0), 0))
                .extracting(PricingRule.Violation::messageKey).containsExactly("sku.supply.positive");
        assertThat(PricingRule.check(0, "a", Money.fen(100), Money.fen(101), CommissionBudget.rate(0), 0))
                .extracting(PricingRule.Violation::field, PricingRule.Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("supplyFen", "sku.supply.above-retail"));
    }

    @Test
    void rateBudgetsAndFeesRoundDownToTheFen() {
        // 9.99 at 15% = 1.4985 -> 1.49; fee 5% = 0.4995 -> 0.49; 8.01 + 1.49 + 0.49 = 9.99
        assertThat(CommissionBudget.rate(1_500).amountFor(Money.fen(999))).isEqualTo(Money.fen(149));
        assertThat(PricingRule.check(0, "小包", Money.fen(999), Money.fen(801), CommissionBudget.rate(1_500), FEE_5_PERCENT)).isEmpty();
        assertThat(PricingRule.check(0, "小包", Money.fen(999), Money.fen(802), CommissionBudget.rate(1_500), FEE_5_PERCENT)).hasSize(1);
    }
}
