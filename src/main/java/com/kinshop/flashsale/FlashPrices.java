package com.kinshop.flashsale;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.PricingRule;
import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;

import java.util.List;
import java.util.Map;

/**
 * The SKUs and flash prices a session asks for: each SKU the proposing supplier's and on sale, each flash price below
 * the SKU's normal price (else nothing is cheaper) and still keeping the price rule (supply + commission budget +
 * platform fee ≤ price, {@link PricingRule}). Plain Java over the catalog's figures; the first broken rule is refused
 * naming the item and the field.
 */
public final class FlashPrices {

    private FlashPrices() {
    }

    public static void check(SupplierId supplier, List<FlashSaleForm.Item> items, Map<Long, Catalog.SkuFacts> facts, int platformFeeBp) {
        for (int i = 0; i < items.size(); i++) {
            FlashSaleForm.Item asked = items.get(i);
            Catalog.SkuFacts sku = facts.get(asked.skuId());
            if (sku == null || !sku.supplier().equals(supplier)) {
                throw BusinessException.invalid("items[" + i + "].skuId", "flash.sku.not-yours");
            }
            if (!sku.sellable()) {
                throw BusinessException.invalid("items[" + i + "].skuId", "flash.sku.not-sellable");
            }
            Money price = Money.fen(asked.flashPriceFen());
            if (price.compareTo(sku.price()) >= 0) {
                throw BusinessException.invalid("items[" + i + "].flashPriceFen", "flash.price.not-below-normal", sku.spec(), sku.price().toPlainString());
            }
            if (!PricingRule.check(i, sku.spec(), price, sku.supplyPrice(), sku.budget(), platformFeeBp).isEmpty()) {
                throw BusinessException.invalid("items[" + i + "].flashPriceFen", "flash.price-rule",
                        PricingRule.figures(sku.spec(), price, sku.supplyPrice(), sku.budget(), platformFeeBp));
            }
        }
    }
}
