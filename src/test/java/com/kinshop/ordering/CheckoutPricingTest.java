package com.kinshop.ordering;

import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.ShippingRule;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.ordering.CheckoutPricing.Line;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckoutPricingTest {

    private static final SupplierId FOOD = new SupplierId(1);
    private static final SupplierId HOME = new SupplierId(2);
    private static final Map<SupplierId, ShippingRule> RULES = Map.of(
            FOOD, new ShippingRule(Money.fen(800), Money.fen(9_900)),
            HOME, new ShippingRule(Money.fen(600), null));

    private static Line line(long sku, SupplierId supplier, long priceFen, int quantity, CommissionBudget budget) {
        return new Line(new SkuId(sku), new ProductId(sku), supplier, "商品" + sku, "规格", Money.fen(priceFen), quantity, budget);
    }

    @Test
    void splitsIntoOneOrderPerSupplierInCartOrderEachWithItsOwnShipping() {
        var quote = CheckoutPricing.price(List.of(
                line(1, FOOD, 3_990, 2, CommissionBudget.rate(1_500)),
                line(2, HOME, 2_990, 1, CommissionBudget.fixed(Money.fen(300))),
                line(3, FOOD, 2_500, 1, CommissionBudget.rate(1_000))), RULES::get);

        assertThat(quote.orders()).extracting(CheckoutPricing.SupplierOrder::supplier).containsExactly(FOOD, HOME);
        var food = quote.orders().get(0);
        assertThat(food.goods()).isEqualTo(Money.fen(10_480));
        assertThat(food.shipping()).as("99.00 reached: free").isEqualTo(Money.ZERO);
        var home = quote.orders().get(1);
        assertThat(home.shipping()).isEqualTo(Money.fen(600));
        assertThat(quote.payable()).isEqualTo(Money.fen(10_480 + 2_990 + 600));
        assertThat(quote.payable()).isEqualTo(quote.orders().stream().map(CheckoutPricing.SupplierOrder::total).reduce(Money.ZERO, Money::plus));
    }

    @Test
    void theThresholdCountsOnlyThatSuppliersGoods() {
        var quote = CheckoutPricing.price(List.of(
                line(1, FOOD, 5_000, 1, CommissionBudget.rate(0)),
                line(2, HOME, 9_000, 1, CommissionBudget.rate(0))), RULES::get);
        assertThat(quote.orders().get(0).shipping()).as("50.00 of food does not reach 99.00").isEqualTo(Money.fen(800));
    }

    @Test
    void commissionBudgetsRoundDownOncePerLine() {
        var quote = CheckoutPricing.price(List.of(
                line(1, FOOD, 999, 3, CommissionBudget.rate(1_500)),
                line(2, FOOD, 1_000, 2, CommissionBudget.fixed(Money.fen(150)))), RULES::get);
        var lines = quote.orders().get(0).lines();
        assertThat(lines.get(0).paid()).isEqualTo(Money.fen(2_997));
        assertThat(lines.get(0).commissionBudget()).as("29.97 × 15% = 4.4955 → 4.49").isEqualTo(Money.fen(449));
        assertThat(lines.get(1).commissionBudget()).isEqualTo(Money.fen(300));
    }

    @Test
    void quantitiesAndPricesOutOfRangeAndEmptyCartsAreRefused() {
        assertThatThrownBy(() -> line(1, FOOD, 100, 0, CommissionBudget.rate(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line(1, FOOD, 100, 1_000, CommissionBudget.rate(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line(1, FOOD, 0, 1, CommissionBudget.rate(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckoutPricing.price(List.of(), RULES::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
