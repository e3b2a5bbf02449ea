package com.kinshop.storefront;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.commission.CommissionShares;
import com.kinshop.coupon.ProductCoupons;
import com.kinshop.flashsale.FlashOffers;
import com.kinshop.groupbuy.GroupViews;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.Cart;
import com.kinshop.review.ProductRatings;
import com.kinshop.review.ReviewFilter;
import com.kinshop.review.ReviewQueries;
import com.kinshop.review.ReviewSort;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.shop.ShareLinks;
import com.kinshop.shop.ShareVisits;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import com.kinshop.shop.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product page, also the landing page of a product share link (/p/{id}?s={shop}): the visit is recorded for the
 * sharer. The headline price is the chosen SKU's; a member with a shop sees what sharing that SKU pays them. The
 * bottom action bar (店铺 / 购物车 / 加入购物车 / 立即购买) opens the 选择规格 sheet, which has every SKU's figures.
 */
@Controller
class ProductPage {

    private final Catalog catalog;
    private final Shops shops;
    private final ShareVisits visits;
    private final ShareLinks links;
    private final CommissionShares commissionShares;
    private final Suppliers suppliers;
    private final PendingCartItems pendingCartItems;
    private final Cart cart;
    private final ProductCoupons productCoupons;
    private final GroupViews groupOffers;
    private final ProductRatings ratings;
    private final ReviewQueries reviews;
    private final FlashOffers flashOffers;

    ProductPage(Catalog catalog, Shops shops, ShareVisits visits, ShareLinks links, CommissionShares commissionShares, Suppliers suppliers,
                PendingCartItems pendingCartItems, Cart cart, ProductCoupons productCoupons, GroupViews groupOffers, ProductRatings ratings,
                ReviewQueries reviews, FlashOffers flashOffers) {
        this.flashOffers = flashOffers;
        this.ratings = ratings;
        this.reviews = reviews;
        this.groupOffers = groupOffers;
        this.productCoupons = productCoupons;
        this.cart = cart;
        this.suppliers = suppliers;
        this.catalog = catalog;
        this.shops = shops;
        this.visits = visits;
        this.links = links;
        this.commissionShares = commissionShares;
        this.pendingCartItems = pendingCartItems;
    }

    @GetMapping("/p/{id}")
    String product(@PathVariable long id, @RequestParam(name = "s", required = false) String sharer,
                   @RequestParam(name = "sku", required = false) Long chosenSku, @AuthenticationPrincipal CurrentUser user,
                   @CookieValue(name = Visitor.REFERRER_COOKIE, required = false) String referrer,
                   Model model, HttpServletRequest request, HttpServletResponse response) {
        ProductId productId = new ProductId(id);
        // only what can be sold now: an off-sale product may be edited without review, so its content is not shown
        ProductDetail product = catalog.product(productId).filter(ProductDetail::sellable)
                .orElseThrow(() -> BusinessException.notFound("product.off-sale"));
        ShopView sharedBy = sharer == null ? null : shops.byCode(sharer).orElse(null);
        if (sharedBy != null) {
            visits.arrivedThrough(sharedBy, ShareVisits.Target.PRODUCT, productId, request, response);
            model.addAttribute("sharedBy", sharedBy);
        }
        model.addAttribute("product", product);
        ProductDetail.SkuView selected = selected(product, chosenSku);
        model.addAttribute("selected", selected);
        model.addAttribute("pricesDiffer", product.skus().stream().map(sku -> sku.price().fen()).distinct().count() > 1);
        model.addAttribute("shipping", suppliers.shippingRule(product.supplierId()));
        model.addAttribute("shopLink", shopLink(sharedBy, referrer));
        // 单独购买 / 发起拼团 and 去凑团 when an approved group buy runs for this product
        model.addAttribute("groupOffer", groupOffers.offerFor(productId).orElse(null));
        // 秒杀: the session this product is in, running or starting within a day
        model.addAttribute("flashOffer", flashOffers.forProduct(productId).orElse(null));
        // 商品评价: counted reviews only, the most useful few inline; the full list is the review module's page
        model.addAttribute("rating", ratings.of(productId));
        model.addAttribute("topReviews", reviews.ofProduct(productId, ReviewFilter.ALL, ReviewSort.USEFUL, 0, 3).reviews());
        Map<SkuId, Money> shareEarnings = Map.of();
        if (user != null) {
            pendingCartItems.addToCartOnReturn(user, productId, referrer, request, model);
            model.addAttribute("cartLines", cart.lines(user.id()));
            ShopView myShop = shops.ownedBy(user.id()).orElse(null);
            model.addAttribute("myShop", myShop);
            model.addAttribute("productId", id);
            if (myShop != null) {
                model.addAttribute("picked", shops.hasPicked(myShop.id(), productId));
                model.addAttribute("shareLink", links.product(productId, myShop.code()));
                shareEarnings = shareEarnings(user, product);
            }
        }
        model.addAttribute("showEarnings", !shareEarnings.isEmpty());
        // 领券 (coupons that apply and can be claimed) and 券后价 per SKU (after the member's best coupons, as checkout picks them)
        ProductCoupons.PageCoupons coupons = productCoupons.forPage(user == null ? null : user.id(), product);
        model.addAttribute("coupons", coupons.claimable().stream().limit(3).toList());
        Map<SkuId, Money> couponPrices = coupons.pricesAfterCoupons();
        List<SkuChoice> skus = SkuChoice.of(product, shareEarnings, couponPrices);
        model.addAttribute("skus", skus);
        // the sheet opens on the chosen SKU; none when all are sold out
        model.addAttribute("chosen", skus.stream().filter(sku -> selected != null && sku.id() == selected.id().value()).findFirst().orElse(null));
        return "storefront/product";
    }

    /** Only a member with a shop is paid for sharing, so only they see a figure (their tier read once for all SKUs). */
    private Map<SkuId, Money> shareEarnings(CurrentUser user, ProductDetail product) {
        List<Money> paid = commissionShares.direct(user.id(), product.skus().stream().map(ProductDetail.SkuView::commissionBudget).toList());
        Map<SkuId, Money> earnings = new LinkedHashMap<>();
        for (int i = 0; i < paid.size(); i++) {
            earnings.put(product.skus().get(i).id(), paid.get(i));
        }
        return earnings;
    }

    /** 店铺 in the action bar: the shop the buyer came through (this link, else the last share link), else the home page. */
    private String shopLink(ShopView sharedBy, String referrer) {
        ShopView shop = sharedBy != null ? sharedBy : referrer == null ? null : shops.byCode(referrer).orElse(null);
        return shop == null ? "/" : "/s/" + shop.code();
    }

    /** The SKU asked for if it can be bought, else the first one in stock; none when all are sold out. */
    private static ProductDetail.SkuView selected(ProductDetail product, Long chosen) {
        List<ProductDetail.SkuView> inStock = product.skus().stream().filter(sku -> sku.stock() > 0).toList();
        return inStock.stream().filter(sku -> chosen != null && sku.id().value() == chosen).findFirst()
                .orElse(inStock.isEmpty() ? null : inStock.get(0));
    }
}
