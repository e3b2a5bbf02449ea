package com.kinshop.storefront;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The storefront tabs. Content arrives with the catalog and ordering capabilities. */
@Controller
class StorefrontPages {

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("tab", "home");
        return "storefront/home";
    }

    @GetMapping("/categories")
    String categories(Model model) {
        model.addAttribute("tab", "categories");
        return "storefront/categories";
    }

    @GetMapping("/cart")
    String cart(Model model) {
        model.addAttribute("tab", "cart");
        return "storefront/cart";
    }
}
