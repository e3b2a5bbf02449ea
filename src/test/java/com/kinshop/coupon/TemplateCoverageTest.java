package com.kinshop.coupon;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which products a template's coupons are shown on (the product page's coupons): the same scope rules as at checkout. */
class TemplateCoverageTest {

    private static final ProductId TEA = new ProductId(5);
    private static final SupplierId SHOP = new SupplierId(1);
    private static final SupplierId OTHER = new SupplierId(2);
    private static final Set<Long> CATEGORIES = Set.of(10L, 11L);

    @Test
    void eachScopeCoversItsProducts() {
        assertThat(template(null, CouponScope.PLATFORM, null).covers(TEA, SHOP, CATEGORIES)).isTrue();
        assertThat(template(null, CouponScope.SUPPLIER, 1L).covers(TEA, SHOP, CATEGORIES)).isTrue();
        assertThat(template(null, CouponScope.SUPPLIER, 2L).covers(TEA, SHOP, CATEGORIES)).isFalse();
        assertThat(template(null, CouponScope.CATEGORY, 10L).covers(TEA, SHOP, CATEGORIES)).as("the parent category").isTrue();
        assertThat(template(null, CouponScope.CATEGORY, 12L).covers(TEA, SHOP, CATEGORIES)).isFalse();
        assertThat(template(null, CouponScope.PRODUCT, 5L).covers(TEA, SHOP, CATEGORIES)).isTrue();
        assertThat(template(null, CouponScope.PRODUCT, 6L).covers(TEA, SHOP, CATEGORIES)).isFalse();
    }

    @Test
    void aSuppliersCouponIsNeverShownOnAnotherSuppliersProduct() {
        assertThat(template(SHOP, CouponScope.SUPPLIER, 1L).covers(TEA, SHOP, CATEGORIES)).isTrue();
        assertThat(template(OTHER, CouponScope.PRODUCT, 5L).covers(TEA, SHOP, CATEGORIES)).isFalse();
    }

    private static CouponTemplates.Template template(SupplierId issuer, CouponScope scope, Long target) {
        return new CouponTemplates.Template(1, issuer, "券", CouponTerms.noThreshold(Money.fen(100)), scope, target, null, null, 7, 10, 1, 0,
                false, true, Instant.EPOCH, 0, Money.ZERO);
    }
}
