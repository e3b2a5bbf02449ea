package com.kinshop.shop.web;

import com.kinshop.catalog.ProductId;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import com.kinshop.shared.FormErrors;
import com.kinshop.shop.ShareLinks;
import com.kinshop.shop.ShareVisits;
import com.kinshop.shop.ShopForm;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The shop page everyone sees (/s/{code}) and the owner's pages: open, edit, arrange picks. */
@Controller
class ShopPages {

    private final Shops shops;
    private final ShareVisits visits;
    private final ShareLinks links;

    ShopPages(Shops shops, ShareVisits visits, ShareLinks links) {
        this.shops = shops;
        this.visits = visits;
        this.links = links;
    }

    @GetMapping("/s/{code}")
    String shop(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
        ShopView shop = shops.byCode(code).orElseThrow(() -> BusinessException.notFound("shop.not-found"));
        visits.arrivedThrough(shop, ShareVisits.Target.SHOP, null, request, response);
        model.addAttribute("shop", shop);
        model.addAttribute("picks", shops.picks(shop.id()));
        return "shop/shop";
    }

    @GetMapping("/me/shop")
    String myShop(@AuthenticationPrincipal CurrentUser user, Model model) {
        ShopView shop = shops.ownedBy(user.id()).orElse(null);
        model.addAttribute("shopForm", shop == null ? new ShopForm("", "", "") : new ShopForm(shop.name(), shop.code(), shop.intro()));
        return myShopPage(shop, model);
    }

    @PostMapping("/me/shop")
    String save(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("shopForm") ShopForm form, BindingResult errors,
                Model model, RedirectAttributes redirect) {
        boolean open = shops.ownedBy(user.id()).isPresent();
        if (!errors.hasErrors()) {
            try {
                if (open) {
                    shops.update(user.id(), form);
                } else {
                    shops.open(user.id(), form);
                }
                redirect.addFlashAttribute("notice", open ? "shop.saved" : "shop.opened");
                return "redirect:/me/shop";
            } catch (BusinessException e) {
                FormErrors.reject(errors, e);
            }
        }
        return myShopPage(shops.ownedBy(user.id()).orElse(null), model);
    }

    /** The owner's page: the shop with its link, picks and visits, or the form to open one. */
    private String myShopPage(ShopView shop, Model model) {
        model.addAttribute("tab", "me");
        if (shop != null) {
            model.addAttribute("shop", shop);
            model.addAttribute("shareLink", links.shop(shop.code()));
            model.addAttribute("picks", shops.picks(shop.id()));
            model.addAttribute("visits", visits.count(shop.id()));
        }
        return "shop/my-shop";
    }

    @PostMapping("/me/shop/avatar")
    String avatar(@AuthenticationPrincipal CurrentUser user, @RequestParam("avatar") MultipartFile avatar, RedirectAttributes redirect)
            throws IOException {
        return Flash.outcome(redirect, "redirect:/me/shop", null, () -> shops.changeAvatar(user.id(), avatar.getBytes()));
    }

    /** htmx from the product page: pick or unpick, answering with the button in its new state. */
    @PostMapping("/me/shop/picks/{productId}")
    String togglePick(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId, @RequestParam(defaultValue = "pick") String action,
                      Model model) {
        ProductId product = new ProductId(productId);
        try {
            if ("unpick".equals(action)) {
                shops.unpick(user.id(), product);
            } else {
                shops.pick(user.id(), product);
            }
        } catch (BusinessException e) {
            model.addAttribute("pickError", e.messageKey());
        }
        ShopView shop = shops.ownedBy(user.id()).orElse(null);
        model.addAttribute("productId", productId);
        model.addAttribute("myShop", shop);
        model.addAttribute("picked", shop != null && shops.hasPicked(shop.id(), product));
        return "shop/fragments :: pick-button";
    }

    @PostMapping("/me/shop/picks/{productId}/move")
    String move(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId, @RequestParam String direction) {
        ShopView shop = shops.ownedBy(user.id()).orElseThrow(() -> BusinessException.notFound("shop.not-open"));
        List<ProductId> order = new ArrayList<>(shops.picks(shop.id()).stream().map(card -> card.id()).toList());
        int index = order.indexOf(new ProductId(productId));
        int target = "up".equals(direction) ? index - 1 : index + 1;
        if (index >= 0 && target >= 0 && target < order.size()) {
            order.add(target, order.remove(index));
            shops.reorder(user.id(), order);
        }
        return "redirect:/me/shop#picks";
    }

    @PostMapping("/me/shop/picks/{productId}/remove")
    String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId) {
        shops.unpick(user.id(), new ProductId(productId));
        return "redirect:/me/shop#picks";
    }
}
