package com.kinshop.storefront;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.PlatformSettings;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shop.ShareLinks;
import com.kinshop.shop.ShareVisits;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The product page, also the landing page of a product share link (/p/{id}?s={shop}): the visit is recorded for the
 * sharer, and a signed-in member sees what sharing it would earn them.
 */
@Controller
class ProductPage {

    private final Catalog catalog;
    private final Shops shops;
    private final ShareVisits visits;
    private final ShareLinks links;
    private final PlatformSettings settings;
    private final Suppliers suppliers;

    ProductPage(Catalog catalog, Shops shops, ShareVisits visits, ShareLinks links, PlatformSettings settings, Suppliers suppliers) {
        this.suppliers = suppliers;
        this.catalog = catalog;
        this.shops = shops;
        this.visits = visits;
        this.links = links;
        this.settings = settings;
    }

    @GetMapping("/p/{id}")
    String product(@PathVariable long id, @RequestParam(name = "s", required = false) String sharer, @AuthenticationPrincipal CurrentUser user,
                   Model model, HttpServletRequest request, HttpServletResponse response) {
        ProductId productId = new ProductId(id);
        // only what can be sold now: an off-sale product may be edited without review, so its content is not shown
        ProductDetail product = catalog.product(productId).filter(ProductDetail::sellable)
                .orElseThrow(() -> BusinessException.notFound("product.off-sale"));
        if (sharer != null) {
            shops.byCode(sharer).ifPresent(shop -> {
                visits.arrivedThrough(shop, ShareVisits.Target.PRODUCT, productId, request, response);
                model.addAttribute("sharedBy", shop);
            });
        }
        model.addAttribute("product", product);
        model.addAttribute("shipping", suppliers.shippingRule(product.supplierId()));
        if (user != null) {
            int share = settings.level1ShareBp();
            Map<Long, String> earnings = product.skus().stream()
                    .collect(Collectors.toMap(sku -> sku.id().value(), sku -> sku.commissionBudget().shareAt(share).toPlainString()));
            model.addAttribute("earnings", earnings);
            model.addAttribute("earning", product.skus().stream().map(sku -> sku.commissionBudget().shareAt(share))
                    .max(com.kinshop.shared.Money::compareTo).orElse(com.kinshop.shared.Money.ZERO).toPlainString());
            ShopView myShop = shops.ownedBy(user.id()).orElse(null);
            model.addAttribute("myShop", myShop);
            model.addAttribute("productId", id);
            if (myShop != null) {
                model.addAttribute("picked", shops.hasPicked(myShop.id(), productId));
                model.addAttribute("shareLink", links.product(productId, myShop.code()));
            }
        }
        return "storefront/product";
    }
}
