package com.kinshop.credit.web;

import com.kinshop.credit.CreditRules;
import com.kinshop.credit.CreditRulesAdmin;
import com.kinshop.credit.SupplierStanding;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** The operator's credit console: the rules editor (preview first, then save) and the suppliers below the thresholds. */
@Controller
@RequestMapping("/console/admin/credit")
class CreditRulesPages {

    private final CreditRulesAdmin admin;
    private final SupplierStanding standing;

    CreditRulesPages(CreditRulesAdmin admin, SupplierStanding standing) {
        this.admin = admin;
        this.standing = standing;
    }

    /** The form as typed (text, so a non-number is refused naming its field rather than failing to bind). */
    record Submitted(String windowDays, String promisedShipHours, String priorWeight, String ratingWeight, String shipWeight, String afterSalesWeight,
                     String complaintPoints, String deductionPoints, String flagBelow, String suspendBelow, String flaggedFactorPct) {

        static Submitted of(CreditRules r) {
            return new Submitted(s(r.windowDays()), s(r.promisedShipHours()), s(r.priorWeight()), s(r.ratingWeight()), s(r.shipWeight()),
                    s(r.afterSalesWeight()), s(r.complaintPoints()), s(r.deductionPoints()), s(r.flagBelow()), s(r.suspendBelow()),
                    s(r.flaggedFactorPct()));
        }

        CreditRules rules() {
            return new CreditRules(n(windowDays, "windowDays"), n(promisedShipHours, "promisedShipHours"), n(priorWeight, "priorWeight"),
                    n(ratingWeight, "ratingWeight"), n(shipWeight, "shipWeight"), n(afterSalesWeight, "afterSalesWeight"),
                    n(complaintPoints, "complaintPoints"), n(deductionPoints, "deductionPoints"), n(flagBelow, "flagBelow"),
                    n(suspendBelow, "suspendBelow"), n(flaggedFactorPct, "flaggedFactorPct"));
        }

        private static String s(Integer value) {
            return String.valueOf(value);
        }

        private static Integer n(String typed, String field) {
            if (typed == null || typed.isBlank()) {
                return null; // validation names the field
            }
            try {
                return Integer.valueOf(typed.strip());
            } catch (NumberFormatException e) {
                throw BusinessException.invalid(field, "credit.rules." + field, 0, 0);
            }
        }
    }

    @GetMapping
    String page(Model model) {
        return show(Submitted.of(admin.current()), null, model);
    }

    @PostMapping(params = "action=preview")
    String preview(@ModelAttribute Submitted submitted, Model model) {
        try {
            return show(submitted, admin.preview(submitted.rules()), model);
        } catch (BusinessException e) {
            return refused(submitted, e, model);
        }
    }

    @PostMapping(params = "action=save")
    String save(@AuthenticationPrincipal CurrentUser user, @ModelAttribute Submitted submitted, Model model, RedirectAttributes redirect) {
        try {
            List<CreditRulesAdmin.Change> changed = admin.save(user.id(), submitted.rules());
            redirect.addFlashAttribute("notice", "credit.rules.saved");
            redirect.addFlashAttribute("noticeArgs", new Object[]{changed.size()});
            return "redirect:/console/admin/credit";
        } catch (BusinessException e) {
            return refused(submitted, e, model);
        }
    }

    private String refused(Submitted submitted, BusinessException e, Model model) {
        model.addAttribute("error", e.messageKey());
        model.addAttribute("errorArgs", e.args());
        model.addAttribute("errorField", e.field());
        return show(submitted, null, model);
    }

    private String show(Submitted form, List<CreditRulesAdmin.Change> preview, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("preview", preview);
        model.addAttribute("flagged", standing.flagged());
        model.addAttribute("fields", List.of("windowDays", "promisedShipHours", "priorWeight", "ratingWeight", "shipWeight", "afterSalesWeight",
                "complaintPoints", "deductionPoints", "flagBelow", "suspendBelow", "flaggedFactorPct"));
        model.addAttribute("nav", "credit");
        return "console/admin/credit";
    }
}
