package com.kinshop.ordering.pricing;

import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.SkuId;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.kinshop.ordering.pricing.Lines.FOOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogAndPromotionPriceTest {

    private static PricingContext.Line promoted(long catalogFen, Long promotionFen) {
        return new PricingContext.Line(new SkuId(1), FOOD, Money.fen(catalogFen), promotionFen == null ? null : Money.fen(promotionFen), 2,
                CommissionBudget.rate(0));
    }

    @Test
    void everyLineStartsAtItsCatalogPrice() {
        PricingContext context = Lines.priced(Lines.line(1, FOOD, 3_990, 2));
        assertThat(context.lines().get(0).unitPrice()).isEqualTo(Money.fen(3_990));
        assertThat(context.lines().get(0).paid()).isEqualTo(Money.fen(7_980));
    }

    @Test
    void aPromotionPriceReplacesTheCatalogPriceAndNoPromotionChangesNothing() {
        PricingContext context = new PricingContext(List.of(promoted(3_990, 2_990L), promoted(3_990, null)));
        new CatalogPrice().apply(context);
        new PromotionPrice().apply(context);
        assertThat(context.lines()).extracting(PricingContext.Line::unitPrice).containsExactly(Money.fen(2_990), Money.fen(3_990));
        assertThat(context.lines().get(0).catalogUnitPrice()).as("kept for showing the saving").isEqualTo(Money.fen(3_990));
    }

    @Test
    void aPromotionPriceAboveTheCatalogOrNotAboveZeroIsRefused() {
        for (long wrong : new long[]{4_000, 0, -1}) {
            PricingContext context = new PricingContext(List.of(promoted(3_990, wrong)));
            new CatalogPrice().apply(context);
            assertThatThrownBy(() -> new PromotionPrice().apply(context)).as("%d", wrong).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aCatalogPriceNotAboveZeroIsRefused() {
        assertThatThrownBy(() -> Lines.priced(Lines.line(1, FOOD, 0, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
