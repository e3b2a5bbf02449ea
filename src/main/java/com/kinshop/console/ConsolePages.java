package com.kinshop.console;

import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import com.kinshop.identity.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console home: figures for operators, the work queue entry for suppliers' staff. */
@Controller
class ConsolePages {

    private final Accounts accounts;
    private final Suppliers suppliers;

    ConsolePages(Accounts accounts, Suppliers suppliers) {
        this.accounts = accounts;
        this.suppliers = suppliers;
    }

    @GetMapping("/console")
    String dashboard(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("nav", "dashboard");
        if (user.has(Role.OPERATOR)) {
            model.addAttribute("stats", accounts.statistics());
            model.addAttribute("recent", accounts.search("", 8));
        }
        suppliers.supplierOf(user.id()).ifPresent(supplier -> model.addAttribute("supplier", suppliers.get(supplier)));
        return "console/dashboard";
    }
}
