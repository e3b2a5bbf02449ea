package com.kinshop.bargain.web;

import com.kinshop.bargain.BargainCampaigns;
import com.kinshop.bargain.CampaignForm;
import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.DisplayTimes;
import com.kinshop.shared.FormAmounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/** The consoles' bargain campaigns: supplier staff submit them and follow their figures; the operator approves or rejects them. */
@Controller
class BargainConsolePages {

    /** The API's field names as the supplier's form calls them, so a refusal lands on the input that caused it. */
    private static final Map<String, String> FORM_FIELDS = Map.of("skuId", "sku", "floorPriceFen", "floor", "startsAt", "starts", "endsAt", "ends");

    private final BargainCampaigns campaigns;
    private final Suppliers suppliers;
    private final Catalog catalog;
    private final DisplayTimes times;

    BargainConsolePages(BargainCampaigns campaigns, Suppliers suppliers, Catalog catalog, DisplayTimes times) {
        this.campaigns = campaigns;
        this.suppliers = suppliers;
        this.catalog = catalog;
        this.times = times;
    }

    /** The form as typed: a yuan floor and local date-times in the display zone. */
    record Submitted(String sku, String floor, String helpersNeeded, String timeLimit, String starts, String ends, String units, String perMemberLimit,
                     Boolean newMembersOnly) {

        static Submitted blank() {
            return new Submitted("", "", "5", "24", "", "", "100", "1", false);
        }
    }

    /** One SKU the supplier can put in a campaign, as the select shows it. */
    record SkuOption(long id, String label) {
    }

    @GetMapping("/console/supplier/bargain-campaigns")
    String supplierPage(@AuthenticationPrincipal CurrentUser user, Model model) {
        return show(supplierOf(user), Submitted.blank(), model);
    }

    @PostMapping("/console/supplier/bargain-campaigns")
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute Submitted submitted, Model model, RedirectAttributes redirect) {
        SupplierId supplier = supplierOf(user);
        try {
            CampaignForm form = new CampaignForm(whole(submitted.sku(), "skuId") == null ? null : whole(submitted.sku(), "skuId").longValue(),
                    FormAmounts.fen(submitted.floor(), "floorPriceFen"), whole(submitted.helpersNeeded(), "helpersNeeded"), submitted.timeLimit(),
                    times.fromForm(submitted.starts(), "startsAt"), times.fromForm(submitted.ends(), "endsAt"), whole(submitted.units(), "units"),
                    whole(submitted.perMemberLimit(), "perMemberLimit"), Boolean.TRUE.equals(submitted.newMembersOnly()));
            campaigns.create(supplier, user.id(), form);
            redirect.addFlashAttribute("notice", "bargain.console.created");
            return "redirect:/console/supplier/bargain-campaigns";
        } catch (BusinessException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("errorField", e.field() == null ? null : FORM_FIELDS.getOrDefault(e.field(), e.field()));
            return show(supplier, submitted, model);
        }
    }

    @GetMapping("/console/admin/bargain-campaigns")
    String operatorPage(Model model) {
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("nav", "admin-bargains");
        return "console/admin/bargain-campaigns";
    }

    @PostMapping("/console/admin/bargain-campaigns/{id}/approval")
    String decide(@PathVariable long id, @RequestParam boolean approve, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            campaigns.decide(id, approve, reason);
            redirect.addFlashAttribute("notice", approve ? "bargain.console.approved" : "bargain.console.rejected");
        } catch (BusinessException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            redirect.addFlashAttribute("errorCampaign", id);
        }
        return "redirect:/console/admin/bargain-campaigns";
    }

    private String show(SupplierId supplier, Submitted form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("skus", skuOptions(supplier));
        model.addAttribute("campaigns", campaigns.ofSupplier(supplier));
        model.addAttribute("nav", "supplier-bargains");
        return "console/supplier/bargain-campaigns";
    }

    /** The supplier's SKUs on sale now (a campaign can only be on one of them). */
    private List<SkuOption> skuOptions(SupplierId supplier) {
        return catalog.sellableOf(supplier, 50).stream().flatMap(card -> catalog.product(card.id()).stream())
                .flatMap(product -> product.skus().stream().map(sku -> new SkuOption(sku.id().value(), label(product, sku)))).toList();
    }

    private static String label(ProductDetail product, ProductDetail.SkuView sku) {
        return product.name() + " · " + sku.spec() + " · ¥" + sku.price().toPlainString();
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }


    /** A typed whole number; blank is not given. A number that is not one is refused as that field's range would be. */
    private static Integer whole(String number, String field) {
        try {
            return number == null || number.isBlank() ? null : Integer.valueOf(number.strip());
        } catch (NumberFormatException e) {
            throw BusinessException.invalid(field, "bargain.number.invalid");
        }
    }
}
