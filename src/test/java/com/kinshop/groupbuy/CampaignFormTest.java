package com.kinshop.groupbuy;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignFormTest {

    private static final Instant NOW = Instant.parse("2026-12-12T04:00:00Z");

    private static CampaignForm form(Integer size, String fill, Integer units) {
        return new CampaignForm(1L, List.of(new CampaignForm.SkuPrice(10L, 5900L)), size, fill, NOW, NOW.plus(Duration.ofDays(3)), null, units);
    }

    @Test
    void aGroupHasTwoToFiftyMembers() {
        assertThat(form(2, "24", 10).checked(NOW).groupSize()).isEqualTo(2);
        assertThat(form(50, "24", 10).checked(NOW).groupSize()).isEqualTo(50);
        assertThatThrownBy(() -> form(1, "24", 10).checked(NOW)).hasMessageContaining("group.size.range (groupSize)");
        assertThatThrownBy(() -> form(51, "24", 10).checked(NOW)).hasMessageContaining("group.size.range (groupSize)");
        assertThatThrownBy(() -> form(null, "24", 10).checked(NOW)).hasMessageContaining("(groupSize)");
    }

    @Test
    void theFillTimeIsHoursOrAnIsoDurationWithinBounds() {
        assertThat(form(3, "24", 10).checked(NOW).fillWithin()).isEqualTo(Duration.ofHours(24));
        assertThat(form(3, "PT30M", 10).checked(NOW).fillWithin()).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> form(3, "PT5M", 10).checked(NOW)).hasMessageContaining("group.fill.range (fillWithin)");
        assertThatThrownBy(() -> form(3, "200", 10).checked(NOW)).hasMessageContaining("group.fill.range (fillWithin)");
        assertThatThrownBy(() -> form(3, "a day", 10).checked(NOW)).hasMessageContaining("group.fill.invalid (fillWithin)");
    }

    @Test
    void unitsAndTheLimitDefaultAndRange() {
        assertThat(form(3, "24", 10).checked(NOW).perMemberLimit()).isEqualTo(1);
        assertThatThrownBy(() -> form(3, "24", 0).checked(NOW)).hasMessageContaining("group.units.range (units)");
    }

    @Test
    void aGroupPriceMustBeBelowTheNormalPriceAndKeepThePriceRuleNamingTheSku() {
        // normal ¥100, supply ¥50, commission 10 % of the price paid, platform fee 5 %: the floor is 50 / 0.85 = ¥58.83
        Catalog.SkuFacts sku = new Catalog.SkuFacts(new SkuId(10), new ProductId(1), new SupplierId(3), "店", "好物", "大号", Money.fen(10_000),
                Money.fen(5_000), CommissionBudget.rate(1000), 5, true, null);
        Map<Long, Catalog.SkuFacts> facts = Map.of(10L, sku);
        GroupPrices.check(1, List.of(new CampaignForm.SkuPrice(10L, 5_900L)), facts, 500);
        assertThatThrownBy(() -> GroupPrices.check(1, List.of(new CampaignForm.SkuPrice(10L, 5_800L)), facts, 500))
                .hasMessageContaining("group.price-rule (skus[0].groupPriceFen)");
        assertThatThrownBy(() -> GroupPrices.check(1, List.of(new CampaignForm.SkuPrice(10L, 10_000L)), facts, 500))
                .hasMessageContaining("group.price.not-below-normal (skus[0].groupPriceFen)");
        assertThatThrownBy(() -> GroupPrices.check(2, List.of(new CampaignForm.SkuPrice(10L, 5_900L)), facts, 500))
                .as("a SKU of another product").hasMessageContaining("group.sku.not-of-product (skus[0].skuId)");
    }
}
