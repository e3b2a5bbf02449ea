package com.kinshop.catalog;

import com.kinshop.shared.Money;

import java.time.Instant;
import java.util.List;

/** Everything the product page shows. {@code sellable}: on sale and from an approved supplier. */
public record ProductDetail(ProductId id, SupplierId supplierId, String supplierName, CategoryId categoryId, String name, String subtitle,
                            String descriptionHtml, List<ProductForm.Attribute> attributes, List<String> images, List<SkuView> skus,
                            ProductStatus status, String reviewReason, boolean sellable, int salesCount, Instant publishedAt,
                            double compositeScore) {

    public record SkuView(SkuId id, String spec, Money price, Money supplyPrice, CommissionBudget budget, int stock) {

        public Money commissionBudget() {
            return budget.amountFor(price);
        }
    }

    public Money lowestPrice() {
        return skus.stream().map(SkuView::price).min(Money::compareTo).orElse(Money.ZERO);
    }

    public int totalStock() {
        return skus.stream().mapToInt(SkuView::stock).sum();
    }

    public String mainImage() {
        return images.isEmpty() ? null : images.get(0);
    }
}
