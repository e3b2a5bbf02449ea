package com.kinshop.ordering.web;

import com.kinshop.catalog.SkuId;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.Cart;
import com.kinshop.shop.Visitor;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cart tab, and the cart actions of the product and cart pages. */
@Controller
class CartPages {

    private final Cart cart;

    CartPages(Cart cart) {
        this.cart = cart;
    }

    @GetMapping("/cart")
    String cart(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("tab", "cart");
        if (user != null) {
            model.addAttribute("cart", cart.view(user.id()));
        }
        return "ordering/cart";
    }

    @PostMapping("/me/cart/items")
    String add(@AuthenticationPrincipal CurrentUser user, @RequestParam long skuId, @RequestParam(defaultValue = "1") int quantity,
               @RequestParam long productId, @CookieValue(name = Visitor.REFERRER_COOKIE, required = false) String shopCode, RedirectAttributes redirect) {
        try {
            cart.add(user.id(), new SkuId(skuId), quantity, shopCode);
            redirect.addFlashAttribute("notice", "cart.added");
            return "redirect:/cart";
        } catch (BusinessException e) {
            redirect.addFlashAttribute("cartError", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            return "redirect:/p/" + productId;
        }
    }

    @PostMapping("/me/cart/items/{skuId}/quantity")
    String change(@AuthenticationPrincipal CurrentUser user, @PathVariable long skuId, @RequestParam int quantity, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/cart", null, () -> cart.changeQuantity(user.id(), new SkuId(skuId), quantity));
    }

    @PostMapping("/me/cart/items/{skuId}/remove")
    String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long skuId) {
        cart.remove(user.id(), new SkuId(skuId));
        return "redirect:/cart";
    }
}
