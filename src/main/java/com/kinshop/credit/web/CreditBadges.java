package com.kinshop.credit.web;

import com.kinshop.catalog.ProductDetail;
import com.kinshop.credit.CreditLevel;
import com.kinshop.credit.SupplierStanding;
import org.springframework.stereotype.Component;

/**
 * What the product page's credit fragment shows (referenced as {@code @creditBadges} from the template, so the product
 * page's controller needs no change; public, as SpEL only calls public methods): the product's composite score and its supplier's credit level.
 */
@Component("creditBadges")
public class CreditBadges {

    private final SupplierStanding standing;

    CreditBadges(SupplierStanding standing) {
        this.standing = standing;
    }

    public record Badge(long supplierId, String composite, CreditLevel level) {

        /** Bootstrap's colour for the level. */
        public String tone() {
            return switch (level) {
                case EXCELLENT -> "success";
                case GOOD -> "primary";
                case FAIR -> "warning";
                case POOR -> "danger";
            };
        }
    }

    public Badge of(ProductDetail product) {
        return new Badge(product.supplierId().value(), String.format(java.util.Locale.ROOT, "%.1f", product.compositeScore()),
                standing.levelOf(product.supplierId()));
    }
}
