package com.kinshop.groupbuy;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.PricingRule;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;

import java.util.List;
import java.util.Map;

/**
 * The group prices a campaign asks for, held to the same rule as any price (supply + commission budget + platform fee
 * ≤ price, {@link PricingRule}) and below the SKU's normal price (else the group would sell nothing cheaper). Plain
 * Java over the catalog's figures: the first broken rule is refused naming the SKU and the field.
 */
public final class GroupPrices {

    private GroupPrices() {
    }

    public static void check(long productId, List<CampaignForm.SkuPrice> prices, Map<Long, Catalog.SkuFacts> facts, int platformFeeBp) {
        for (int i = 0; i < prices.size(); i++) {
            CampaignForm.SkuPrice asked = prices.get(i);
            Catalog.SkuFacts sku = facts.get(asked.skuId());
            if (sku == null || sku.product().value() != productId) {
                throw BusinessException.invalid("skus[" + i + "].skuId", "group.sku.not-of-product");
            }
            Money groupPrice = Money.fen(asked.groupPriceFen());
            if (groupPrice.compareTo(sku.price()) >= 0) {
                throw BusinessException.invalid("skus[" + i + "].groupPriceFen", "group.price.not-below-normal", sku.spec(), sku.price().toPlainString());
            }
            if (!PricingRule.check(i, sku.spec(), groupPrice, sku.supplyPrice(), sku.budget(), platformFeeBp).isEmpty()) {
                throw BusinessException.invalid("skus[" + i + "].groupPriceFen", "group.price-rule",
                        PricingRule.figures(sku.spec(), groupPrice, sku.supplyPrice(), sku.budget(), platformFeeBp));
            }
        }
    }
}
