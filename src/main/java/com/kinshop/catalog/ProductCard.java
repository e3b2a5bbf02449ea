package com.kinshop.catalog;

import com.kinshop.shared.Money;

/** A product in a list or grid. */
public record ProductCard(ProductId id, String name, String subtitle, String imageUrl, Money lowestPrice, int salesCount, String supplierName) {
}
