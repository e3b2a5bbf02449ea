package com.kinshop.storefront;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.Cart;
import com.kinshop.shared.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.Serializable;

/**
 * 加入购物车 before signing in: the choice (SKU and quantity) is kept in the session, the visitor signs in or registers
 * and comes back to the product page, which puts it into their cart. Kept server-side, from a CSRF-protected form, so
 * no link can add anything to anyone's cart.
 */
@Controller
class PendingCartItems {

    private static final String SESSION_KEY = PendingCartItems.class.getName();

    record Pending(long productId, long skuId, int quantity) implements Serializable {
    }

    private final Catalog catalog;
    private final Cart cart;

    PendingCartItems(Catalog catalog, Cart cart) {
        this.catalog = catalog;
        this.cart = cart;
    }

    /** The signed-out product form posts here; the sign-in page says why it appeared and returns to the product. */
    @PostMapping("/cart/after-sign-in")
    String keepUntilSignedIn(@RequestParam long productId, @RequestParam long skuId, @RequestParam(defaultValue = "1") int quantity,
                             @AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        ProductDetail product = catalog.product(new ProductId(productId)).filter(ProductDetail::sellable)
                .orElseThrow(() -> BusinessException.notFound("product.off-sale"));
        boolean ofThisProduct = product.skus().stream().anyMatch(sku -> sku.id().value() == skuId);
        String productPage = "/p/" + productId + (ofThisProduct ? "?sku=" + skuId : "");
        if (ofThisProduct) {
            request.getSession(true).setAttribute(SESSION_KEY, new Pending(productId, skuId, quantity));
        }
        if (user != null) {
            return "redirect:" + productPage; // signed in meanwhile (another tab): the product page adds it
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/login").queryParam("reason", "cart").queryParam("next", productPage)
                .encode().build().toUriString();
    }

    /** On the product page of a signed-in member: the item kept for this product goes into their cart, once. */
    void addToCartOnReturn(CurrentUser user, ProductId product, String shopCode, HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_KEY) instanceof Pending pending) || pending.productId() != product.value()) {
            return;
        }
        session.removeAttribute(SESSION_KEY);
        try {
            cart.add(user.id(), new SkuId(pending.skuId()), pending.quantity(), shopCode);
            model.addAttribute("notice", "cart.added");
        } catch (BusinessException e) {
            model.addAttribute("cartError", e.messageKey());
            model.addAttribute("errorArgs", e.args());
        }
    }
}
