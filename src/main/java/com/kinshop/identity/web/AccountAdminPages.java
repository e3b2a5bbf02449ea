package com.kinshop.identity.web;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import com.kinshop.identity.Role;
import com.kinshop.shared.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Operator console: find accounts and change their roles. */
@Controller
class AccountAdminPages {

    private final Accounts accounts;

    AccountAdminPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/console/admin/accounts")
    String list(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("accounts", accounts.search(q, 100));
        model.addAttribute("assignableRoles", List.of(Role.SUPPLIER_STAFF, Role.OPERATOR));
        model.addAttribute("nav", "accounts");
        return "identity/accounts";
    }

    @PostMapping("/console/admin/accounts/{id}/roles")
    String changeRoles(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id,
                       @RequestParam(name = "roles", required = false) Set<Role> roles,
                       @RequestParam(defaultValue = "") String q, RedirectAttributes redirect) {
        redirect.addAttribute("q", q);
        return Flash.outcome(redirect, "redirect:/console/admin/accounts", "accounts.roles.saved",
                () -> accounts.changeRoles(operator.id(), new AccountId(id), roles == null ? EnumSet.noneOf(Role.class) : roles));
    }
}
