package com.kinshop.referral.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.referral.DistributionPolicies;
import com.kinshop.referral.DistributionPolicy;
import com.kinshop.referral.Tiers;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Operator console, 分销设置: the distribution policy (with its compliance guard) and the tiers' commission shares.
 * Every refusal comes from {@link DistributionPolicies} or {@link Tiers} and is shown on the field it is about.
 */
@Controller
@RequestMapping("/console/admin/distribution")
class DistributionPages {

    /** Form fields in the order they appear, for the summary of refusals above the form. */
    static final List<String> FIELDS = List.of("depth", "threeLevelAllowed", "selfPurchase", "bindAt", "lockDays", "minWithdrawal",
            "dailyWithdrawalLimit", "withdrawalFeeBp", "autoApproveBelow");

    private final DistributionPolicies policies;
    private final Tiers tiers;

    DistributionPages(DistributionPolicies policies, Tiers tiers) {
        this.policies = policies;
        this.tiers = tiers;
    }

    @GetMapping
    String page(Model model) {
        return render(model, PolicyForm.of(policies.current()));
    }

    @PostMapping
    String save(@AuthenticationPrincipal CurrentUser operator, @ModelAttribute("policy") PolicyForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                policies.update(operator.id(), form.toPolicy());
                redirect.addFlashAttribute("notice", "console.distribution.saved");
                return "redirect:/console/admin/distribution";
            } catch (BusinessException e) {
                if (e.field() != null && FIELDS.contains(e.field())) {
                    errors.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
                } else {
                    errors.reject(e.messageKey(), e.args(), e.messageKey());
                }
            }
        }
        return render(model, form);
    }

    @PostMapping("/tiers/{code}")
    String saveTier(@PathVariable String code, @RequestParam(defaultValue = "") String level1Percent,
                    @RequestParam(defaultValue = "") String level2Percent, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("tierCode", code);
        redirect.addFlashAttribute("tierName", tiers.nameIn(code, locale));
        return Flash.outcome(redirect, "redirect:/console/admin/distribution#tiers", "console.distribution.tier.saved",
                Map.of("typedLevel1", level1Percent, "typedLevel2", level2Percent),
                () -> tiers.updateShares(code, basisPoints(level1Percent, "level1ShareBp"), basisPoints(level2Percent, "level2ShareBp")));
    }

    private static int basisPoints(String percent, String field) {
        try {
            return new BigDecimal(percent.strip()).movePointRight(2).intValueExact();
        } catch (RuntimeException e) {
            throw BusinessException.invalid(field, "tier.shares.range");
        }
    }

    private String render(Model model, PolicyForm form) {
        DistributionPolicy saved = policies.current();
        model.addAttribute("saved", saved);
        model.addAttribute("policy", form);
        model.addAttribute("tiers", tiers.all());
        model.addAttribute("fields", FIELDS);
        model.addAttribute("nav", "distribution");
        return "console/admin/distribution";
    }
}
