package com.kinshop.ordering.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.AfterSales;
import com.kinshop.ordering.Orders;
import com.kinshop.shared.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 售后: the buyer's requests, and their moves — send the goods back, ask the platform to step in, withdraw. */
@Controller
class AfterSalePages {

    private static final String BACK = "redirect:/me/after-sales";

    private final Orders orders;
    private final AfterSales afterSales;

    AfterSalePages(Orders orders, AfterSales afterSales) {
        this.orders = orders;
        this.afterSales = afterSales;
    }

    @GetMapping("/me/after-sales")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("tab", "me");
        model.addAttribute("tabs", OrderPages.TAB_ORDER);
        model.addAttribute("currentTab", "after-sales");
        model.addAttribute("requests", orders.afterSalesOfBuyer(user.id()));
        return "ordering/after-sales";
    }

    @PostMapping("/me/after-sales/{number}/return")
    String shipReturn(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @RequestParam(defaultValue = "") String carrier,
                      @RequestParam(defaultValue = "") String trackingNumber, RedirectAttributes redirect) {
        return Flash.outcome(redirect, BACK, "order.page.return-shipped", () -> afterSales.shipReturn(user.id(), number, carrier, trackingNumber));
    }

    @PostMapping("/me/after-sales/{number}/escalate")
    String escalate(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, RedirectAttributes redirect) {
        return Flash.outcome(redirect, BACK, "order.page.escalated", () -> afterSales.escalate(user.id(), number));
    }

    @PostMapping("/me/after-sales/{number}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, RedirectAttributes redirect) {
        return Flash.outcome(redirect, BACK, "order.page.withdrawn", () -> afterSales.withdraw(user.id(), number));
    }
}
