package com.kinshop.storefront;

import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.SkuId;
import com.kinshop.ordering.CheckoutPricing;
import com.kinshop.shared.Money;

import java.util.List;
import java.util.Map;

/**
 * One SKU as the product page's 选择规格 sheet offers it: everything the sheet shows when it is tapped is rendered into
 * the page up front, so choosing a SKU asks the server nothing. {@code shareEarning} is set only for a member with a
 * shop; {@code couponPrice} (券后价) only when a coupon the buyer can use lowers this SKU's price.
 */
public record SkuChoice(long id, String spec, Money price, int stock, Money shareEarning, Money couponPrice) {

    public boolean soldOut() {
        return stock <= 0;
    }

    /** The quantity stepper's upper bound: the stock, but never more than one order line may hold. */
    public int maxQuantity() {
        return Math.max(1, Math.min(stock, CheckoutPricing.MAX_QUANTITY));
    }

    static List<SkuChoice> of(ProductDetail product, Map<SkuId, Money> shareEarnings, Map<SkuId, Money> couponPrices) {
        return product.skus().stream().map(sku -> new SkuChoice(sku.id().value(), sku.spec(), sku.price(), sku.stock(),
                shareEarnings.get(sku.id()), couponPrices.get(sku.id()))).toList();
    }
}
