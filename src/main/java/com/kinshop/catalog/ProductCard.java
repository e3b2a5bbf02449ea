package com.kinshop.catalog;

import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

/** A product in a list or grid. */
public record ProductCard(ProductId id, String name, String subtitle, String imageUrl,
                          @Schema(description = "The cheapest SKU's price") Money lowestPrice,
                          @Schema(description = "The dearest SKU's price: when higher than lowestPrice, show the price as \"from\" (起)") Money highestPrice,
                          int salesCount, String supplierName) {

    /** The SKUs' prices differ, so the card's price is a "from" price (¥49.90 起). */
    public boolean priceFrom() {
        return highestPrice.compareTo(lowestPrice) > 0;
    }
}
