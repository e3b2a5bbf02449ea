package com.kinshop.deposit.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.deposit.DepositReturns;
import com.kinshop.deposit.DepositTopUps;
import com.kinshop.deposit.Deposits;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import com.kinshop.shared.FormAmounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supplier's deposit page (pay in through the cashier, balance, history, exit) and the operator's overview. */
@Controller
class DepositPages {

    private final Deposits deposits;
    private final DepositTopUps topUps;
    private final DepositReturns returns;
    private final Suppliers suppliers;

    DepositPages(Deposits deposits, DepositTopUps topUps, DepositReturns returns, Suppliers suppliers) {
        this.deposits = deposits;
        this.topUps = topUps;
        this.returns = returns;
        this.suppliers = suppliers;
    }

    @GetMapping("/console/supplier/deposit")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        SupplierId supplier = supplierOf(user);
        Deposits.Standing standing = deposits.standing(supplier);
        model.addAttribute("standing", standing);
        model.addAttribute("history", deposits.history(supplier, 100));
        model.addAttribute("topUps", topUps.of(supplier, 20));
        model.addAttribute("exit", returns.of(supplier).orElse(null));
        model.addAttribute("suggested", standing.shortfall().isPositive() ? standing.shortfall().toPlainString() : "");
        model.addAttribute("nav", "supplier-deposit");
        return "console/supplier/deposit";
    }

    /** Opens the payment and sends the staff to the provider's cashier, which comes back here. */
    @PostMapping("/console/supplier/deposit/top-ups")
    String topUp(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String amount, RedirectAttributes redirect) {
        SupplierId supplier = supplierOf(user);
        try {
            Long fen = amount == null || amount.isBlank() ? null : FormAmounts.fen(amount, "amountFen");
            return "redirect:" + topUps.start(supplier, user.id(), fen).payUrl();
        } catch (BusinessException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            return "redirect:/console/supplier/deposit";
        }
    }

    @PostMapping("/console/supplier/deposit/return")
    String exit(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        SupplierId supplier = supplierOf(user);
        return Flash.outcome(redirect, "redirect:/console/supplier/deposit", "deposit.return.requested", () -> returns.request(supplier, user.id()));
    }

    @GetMapping("/console/admin/deposits")
    String overview(Model model) {
        model.addAttribute("standings", deposits.overview());
        model.addAttribute("nav", "admin-deposits");
        return "console/admin/deposits";
    }

    @PostMapping("/console/admin/deposits/{supplierId}/return")
    String exitBy(@AuthenticationPrincipal CurrentUser user, @PathVariable long supplierId, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/admin/deposits", "deposit.return.requested",
                () -> returns.request(suppliers.get(new SupplierId(supplierId)).id(), user.id())); // 404 for an unknown supplier
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
