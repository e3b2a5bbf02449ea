package com.kinshop.commission.web;

import com.kinshop.commission.HeldCommissions;
import com.kinshop.commission.ComplianceReport;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operator console, 合规与风控: the compliance report computed from the data, and commissions held by the fraud checks. */
@Controller
@RequestMapping("/console/admin/compliance")
class CompliancePages {

    private final ComplianceReport report;
    private final HeldCommissions heldCommissions;

    CompliancePages(ComplianceReport report, HeldCommissions heldCommissions) {
        this.report = report;
        this.heldCommissions = heldCommissions;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("report", report.run());
        model.addAttribute("held", heldCommissions.held());
        model.addAttribute("nav", "compliance");
        return "console/admin/compliance";
    }

    @PostMapping("/held/{id}/release")
    String release(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/admin/compliance", "compliance.released", () -> heldCommissions.release(operator.id(), id));
    }

    @PostMapping("/held/{id}/void")
    String voidHeld(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/admin/compliance", "compliance.voided", () -> heldCommissions.voidHeld(operator.id(), id));
    }
}
