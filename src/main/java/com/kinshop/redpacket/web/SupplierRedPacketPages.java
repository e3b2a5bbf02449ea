package com.kinshop.redpacket.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.redpacket.CampaignForm;
import com.kinshop.redpacket.RedPacketCampaigns;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.DisplayTimes;
import com.kinshop.shared.FormAmounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/** The supplier console's red packets: create a campaign (its budget held from the payable) and follow its money. */
@Controller
@RequestMapping("/console/supplier/red-packets")
class SupplierRedPacketPages {

    /** The API's field names as this form calls them, so a refusal lands on the input that caused it. */
    private static final Map<String, String> FORM_FIELDS = Map.of("budgetFen", "budget", "minFen", "min", "maxFen", "max", "startsAt", "starts", "endsAt", "ends");

    private final RedPacketCampaigns campaigns;
    private final Suppliers suppliers;
    private final DisplayTimes times;

    SupplierRedPacketPages(RedPacketCampaigns campaigns, Suppliers suppliers, DisplayTimes times) {
        this.campaigns = campaigns;
        this.suppliers = suppliers;
        this.times = times;
    }

    /** The form as typed: yuan amounts and local date-times in the display zone. */
    record Submitted(String name, String budget, String min, String max, String starts, String ends, String perMemberLimit) {

        static Submitted blank() {
            return new Submitted("", "", "", "", "", "", "1");
        }
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        return show(supplierOf(user), Submitted.blank(), model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute Submitted submitted, Model model, RedirectAttributes redirect) {
        SupplierId supplier = supplierOf(user);
        try {
            CampaignForm form = new CampaignForm(submitted.name(), FormAmounts.fen(submitted.budget(), "budgetFen"), FormAmounts.fen(submitted.min(), "minFen"),
                    FormAmounts.fen(submitted.max(), "maxFen"), times.fromForm(submitted.starts(), "startsAt"), times.fromForm(submitted.ends(), "endsAt"),
                    count(submitted.perMemberLimit()));
            campaigns.create(supplier, user.id(), form);
            redirect.addFlashAttribute("notice", "redpacket.console.created");
            return "redirect:/console/supplier/red-packets";
        } catch (BusinessException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("errorField", e.field() == null ? null : FORM_FIELDS.getOrDefault(e.field(), e.field()));
            return show(supplier, submitted, model);
        }
    }

    private String show(SupplierId supplier, Submitted form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("available", campaigns.available(supplier));
        model.addAttribute("campaigns", campaigns.ofSupplier(supplier));
        model.addAttribute("nav", "red-packets");
        return "console/supplier/red-packets";
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }



    private static Integer count(String number) {
        try {
            return number == null || number.isBlank() ? null : Integer.valueOf(number.strip());
        } catch (NumberFormatException e) {
            throw BusinessException.invalid("perMemberLimit", "redpacket.per-member.range", CampaignForm.PER_MEMBER_MAX);
        }
    }
}
