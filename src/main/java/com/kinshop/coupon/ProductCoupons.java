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

    /** What a product page shows: the templates that apply and can be claimed, and 券后价 for the SKUs a coupon lowers. */
    public record PageCoupons(List<CouponClaims.Claimable> claimable, Map<SkuId, Money> pricesAfterCoupons) {
    }

    /**
     * The page's coupons in two or three reads ({@code member} null: signed out, no prices). The category tree is read
     * only when a coupon is scoped by category; otherwise the product's own category is all the rules need.
     */
    public PageCoupons forPage(AccountId member, ProductDetail product) {
        Instant now = clock.instant();
        List<CouponClaims.Claimable> open = claims.claimable(member);
        List<Coupon> mine = member == null ? List.of() : held.unusedOf(member, now);
        boolean byCategory = open.stream().anyMatch(c -> c.template().scope() == CouponScope.CATEGORY)
                || mine.stream().anyMatch(c -> c.scope() == CouponScope.CATEGORY);
        Set<Long> categoryIds = byCategory ? categoriesOf(product) : Set.of(product.categoryId().value());
        List<CouponClaims.Claimable> applying = open.stream()
                .filter(c -> c.template().covers(product.id(), product.supplierId(), categoryIds)).toList();
        return new PageCoupons(applying, pricesAfter(mine, product, categoryIds, now));
    }

    /** Each SKU's unit price after the best of {@code mine}, picked by the checkout's rules. */
    private static Map<SkuId, Money> pricesAfter(List<Coupon> mine, ProductDetail product, Set<Long> categoryIds, Instant now) {
        Map<SkuId, Money> prices = new LinkedHashMap<>();
        for (ProductDetail.SkuView sku : mine.isEmpty() ? List.<ProductDetail.SkuView>of() : product.skus()) {
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
