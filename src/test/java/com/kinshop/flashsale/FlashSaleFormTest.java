package com.kinshop.flashsale;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlashSaleFormTest {

    private static final Instant NOW = Instant.parse("2026-12-12T04:00:00Z");
    private static final Instant START = NOW.plusSeconds(600);
    private static final FlashSaleForm.Item ITEM = new FlashSaleForm.Item(10L, 6_900L, 100);

    private static String refusal(FlashSaleForm form) {
        try {
            form.checked(NOW);
            return "accepted";
        } catch (BusinessException e) {
            return e.messageKey() + "@" + e.field();
        }
    }

    private static FlashSaleForm form(String title, Instant start, Instant end, Integer limit, List<FlashSaleForm.Item> items) {
        return new FlashSaleForm(title, start, end, limit, items);
    }

    @Test
    void aGoodFormIsAcceptedWithTheLimitDefaultedToOne() {
        FlashSaleForm.Checked checked = form("  12 点场 ", START, START.plusSeconds(3600), null, List.of(ITEM)).checked(NOW);
        assertThat(checked.title()).isEqualTo("12 点场");
        assertThat(checked.perMemberLimit()).isEqualTo(1);
    }

    @Test
    void everyBadFieldIsRefusedByName() {
        Instant end = START.plusSeconds(3600);
        assertThat(refusal(form(" ", START, end, 1, List.of(ITEM)))).isEqualTo("flash.title.invalid@title");
        assertThat(refusal(form("x".repeat(41), START, end, 1, List.of(ITEM)))).isEqualTo("flash.title.invalid@title");
        assertThat(refusal(form("场", null, end, 1, List.of(ITEM)))).isEqualTo("flash.starts.required@startsAt");
        assertThat(refusal(form("场", START, START, 1, List.of(ITEM)))).isEqualTo("flash.ends.before-start@endsAt");
        assertThat(refusal(form("场", NOW.minusSeconds(7200), NOW.minusSeconds(1), 1, List.of(ITEM)))).isEqualTo("flash.ends.past@endsAt");
        assertThat(refusal(form("场", START, START.plusSeconds(8 * 86_400), 1, List.of(ITEM)))).isEqualTo("flash.ends.too-long@endsAt");
        assertThat(refusal(form("场", START, end, 0, List.of(ITEM)))).isEqualTo("flash.limit.range@perMemberLimit");
        assertThat(refusal(form("场", START, end, 11, List.of(ITEM)))).isEqualTo("flash.limit.range@perMemberLimit");
        assertThat(refusal(form("场", START, end, 1, List.of()))).isEqualTo("flash.items.required@items");
        assertThat(refusal(form("场", START, end, 1, Collections.nCopies(21, ITEM)))).isEqualTo("flash.items.required@items");
        assertThat(refusal(form("场", START, end, 1, List.of(ITEM, ITEM)))).isEqualTo("flash.sku.invalid@items[1].skuId");
        List<FlashSaleForm.Item> withNull = new ArrayList<>();
        withNull.add(null);
        assertThat(refusal(form("场", START, end, 1, withNull))).isEqualTo("flash.sku.invalid@items[0].skuId");
        assertThat(refusal(form("场", START, end, 1, List.of(new FlashSaleForm.Item(10L, 0L, 5))))).isEqualTo("flash.price.positive@items[0].flashPriceFen");
        assertThat(refusal(form("场", START, end, 1, List.of(new FlashSaleForm.Item(10L, 100L, 0))))).isEqualTo("flash.quantity.range@items[0].quantity");
        assertThat(refusal(form("场", START, end, 1, List.of(new FlashSaleForm.Item(10L, 100L, 100_001))))).isEqualTo("flash.quantity.range@items[0].quantity");
    }

    /** Normal ¥100, supply ¥50, commission 10 %, fee 5 %: the price rule holds from ¥58.83. */
    private static Map<Long, Catalog.SkuFacts> facts(long supplier, boolean sellable) {
        return Map.of(10L, new Catalog.SkuFacts(new SkuId(10), new ProductId(1), new SupplierId(supplier), "店", "好物", "大号", Money.fen(10_000),
                Money.fen(5_000), CommissionBudget.rate(1000), 500, sellable, null));
    }

    private static String priceRefusal(long priceFen, long supplier, boolean sellable) {
        try {
            FlashPrices.check(new SupplierId(3), List.of(new FlashSaleForm.Item(10L, priceFen, 5)), facts(supplier, sellable), 500);
            return "accepted";
        } catch (BusinessException e) {
            return e.messageKey() + "@" + e.field();
        }
    }

    @Test
    void theFlashPriceIsBelowNormalAndKeepsThePriceRuleOnTheSuppliersOwnSkus() {
        assertThat(priceRefusal(6_900, 3, true)).isEqualTo("accepted");
        assertThat(priceRefusal(5_883, 3, true)).as("the lowest price keeping the rule").isEqualTo("accepted");
        assertThat(priceRefusal(5_800, 3, true)).isEqualTo("flash.price-rule@items[0].flashPriceFen");
        assertThat(priceRefusal(10_000, 3, true)).isEqualTo("flash.price.not-below-normal@items[0].flashPriceFen");
        assertThat(priceRefusal(6_900, 4, true)).isEqualTo("flash.sku.not-yours@items[0].skuId");
        assertThat(priceRefusal(6_900, 3, false)).isEqualTo("flash.sku.not-sellable@items[0].skuId");
        assertThatThrownBy(() -> FlashPrices.check(new SupplierId(3), List.of(new FlashSaleForm.Item(99L, 6_900L, 5)), facts(3, true), 500))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("items[0].skuId"));
    }
}
