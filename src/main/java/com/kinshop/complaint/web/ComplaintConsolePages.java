package com.kinshop.complaint.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.complaint.ComplaintViews;
import com.kinshop.complaint.Complaints;
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

/** The consoles' complaints: the supplier answers before the deadline; the operator arbitrates. */
@Controller
class ComplaintConsolePages {

    private final Complaints complaints;
    private final ComplaintViews views;
    private final Suppliers suppliers;

    ComplaintConsolePages(Complaints complaints, ComplaintViews views, Suppliers suppliers) {
        this.complaints = complaints;
        this.views = views;
        this.suppliers = suppliers;
    }

    @GetMapping("/console/supplier/complaints")
    String supplier(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("complaints", views.ofSupplier(supplierOf(user), 200));
        model.addAttribute("nav", "supplier-complaints");
        return "console/supplier/complaints";
    }

    @PostMapping("/console/supplier/complaints/{number}/answer")
    String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @RequestParam(required = false) String answer,
                  RedirectAttributes redirect) {
        SupplierId supplier = supplierOf(user);
        redirect.addFlashAttribute("complaint", number);
        return Flash.outcome(redirect, "redirect:/console/supplier/complaints", "complaint.answered", () -> complaints.answer(supplier, number, answer));
    }

    @GetMapping("/console/admin/complaints")
    String operator(Model model) {
        model.addAttribute("complaints", views.forOperator(null, 300));
        model.addAttribute("nav", "admin-complaints");
        return "console/admin/complaints";
    }

    /** {@code verdict}: "uphold" or "dismiss"; {@code penalty} in yuan. */
    @PostMapping("/console/admin/complaints/{number}/decision")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @RequestParam(required = false) String verdict,
                  @RequestParam(required = false) String penalty, @RequestParam(required = false) String penaltyTo,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        redirect.addFlashAttribute("complaint", number);
        return Flash.outcome(redirect, "redirect:/console/admin/complaints", "complaint.decided", () -> {
            if (!"uphold".equals(verdict) && !"dismiss".equals(verdict)) {
                throw BusinessException.invalid("upheld", "complaint.verdict.required");
            }
            boolean upheld = "uphold".equals(verdict);
            Long penaltyFen = upheld ? FormAmounts.fen(penalty, "penaltyFen") : null;
            complaints.decide(user.id(), number, new Complaints.Decision(upheld, penaltyFen, penaltyTo, reason));
        });
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
