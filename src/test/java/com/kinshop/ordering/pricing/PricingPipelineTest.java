package com.kinshop.ordering.pricing;

import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.ShippingRule;
import com.kinshop.catalog.SkuId;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.kinshop.ordering.pricing.Lines.FOOD;
import static org.assertj.core.api.Assertions.assertThat;

class PricingPipelineTest {

    @Test
    void stepsRunInTheirOrderEachSeeingWhatTheOnesBeforeDecided() {
        List<String> seen = new ArrayList<>();
        PricingPipeline pipeline = new PricingPipeline(List.of(
                context -> seen.add("first:" + context.lines().get(0).unitPrice()),
                new CatalogPrice(),
                context -> seen.add("second:" + context.lines().get(0).unitPrice())));
        pipeline.price(new PricingContext(List.of(Lines.line(1, FOOD, 1_000, 1))));
        assertThat(seen).containsExactly("first:null", "second:¥10.00");
    }

    @Test
    void theStandardChainPricesPromotionThenDiscountThenShippingThenBudget() {
        PricingContext.Line promoted = new PricingContext.Line(new SkuId(1), FOOD, Money.fen(6_000), Money.fen(5_000), 2, CommissionBudget.rate(1_000));
        PricingContext context = PricingPipeline.standard(List.of(new Discount(Money.fen(1_000), Set.of(new SkuId(1)), Funder.PLATFORM)),
                supplier -> new ShippingRule(Money.fen(800), Money.fen(9_900))).price(new PricingContext(List.of(promoted)));
        PricingContext.Line line = context.lines().get(0);
        assertThat(line.paid()).as("2 × 50.00 − 10.00").isEqualTo(Money.fen(9_000));
        assertThat(context.orders().get(0).shipping()).as("90.00 paid is under the 99.00 threshold").isEqualTo(Money.fen(800));
        assertThat(line.commissionBudget()).as("10% of 90.00").isEqualTo(Money.fen(900));
        assertThat(context.orders().get(0).goods()).isEqualTo(Money.fen(10_000));
        assertThat(context.orders().get(0).total()).isEqualTo(Money.fen(9_800));
    }
}
