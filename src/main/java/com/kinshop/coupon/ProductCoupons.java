package com.kinshop.coupon;

import com.kinshop.catalog.Categories;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.SkuId;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.Money;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coupons as one product's page shows them: the ones that apply to it and can be claimed, and 券后价 — what one unit
 * of each SKU costs after the best combination of the member's own coupons, picked by the same rules as checkout.
 */
@Service
public class ProductCoupons {

    private final CouponClaims claims;
    private final HeldCoupons held;
    private final Categories categories;
    private final Clock clock;

    ProductCoupons(CouponClaims claims, HeldCoupons held, Categories categories, Clock clock) {
        this.claims = claims;
        this.held = held;
        this.categories = categories;
        this.clock = clock;
    }

    /** Templates that apply to this product and can be claimed now ({@code member} null: signed out). */
    public List<CouponClaims.Claimable> claimable(AccountId member, ProductDetail product) {
        return claims.claimableFor(member, product.id(), product.supplierId(), categoriesOf(product));
    }

    /** Each SKU's unit price after the member's best coupons, for the SKUs a coupon actually lowers. */
    public Map<SkuId, Money> pricesAfterCoupons(AccountId member, ProductDetail product) {
        Instant now = clock.instant();
        List<Coupon> mine = held.unusedOf(member, now);
        Map<SkuId, Money> prices = new LinkedHashMap<>();
        if (mine.isEmpty()) {
            return prices;
        }
        Set<Long> categoryIds = categoriesOf(product);
        for (ProductDetail.SkuView sku : product.skus()) {
            CouponPicker.Order order = new CouponPicker.Order(product.supplierId(),
                    List.of(new CouponPicker.Line(sku.id(), product.id(), categoryIds, sku.price())));
            Money saving = new CouponPicker(List.of(order), now).best(mine).total();
            if (saving.isPositive()) {
                prices.put(sku.id(), sku.price().minus(saving));
            }
        }
        return prices;
    }

    /** The product's category and that category's parent: a category coupon covers its sub-categories. */
    Set<Long> categoriesOf(ProductDetail product) {
        Set<Long> ids = new HashSet<>(Set.of(product.categoryId().value()));
        categories.tree().stream().filter(node -> node.children().stream().anyMatch(child -> child.id().equals(product.categoryId())))
                .forEach(node -> ids.add(node.category().id().value()));
        return ids;
    }
}
