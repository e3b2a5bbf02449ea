package com.kinshop.groupbuy.web;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.groupbuy.CampaignForm;
import com.kinshop.groupbuy.GroupCampaigns;
import com.kinshop.groupbuy.GroupViews;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.DisplayTimes;
import com.kinshop.shared.FormAmounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The consoles' group-buy pages. Supplier staff create campaigns (a product, a group price per SKU typed in yuan, the
 * size, fill time, window, limit and units) and follow each one's groups and figures; operators approve or reject them,
 * switch virtual fill (模拟成团) and see every campaign's groups and success rate.
 */
@Controller
class GroupConsolePages {

    private final GroupCampaigns campaigns;
    private final GroupViews views;
    private final Suppliers suppliers;
    private final Catalog catalog;
    private final DisplayTimes times;
    private final Clock clock;

    GroupConsolePages(GroupCampaigns campaigns, GroupViews views, Suppliers suppliers, Catalog catalog, DisplayTimes times, Clock clock) {
        this.campaigns = campaigns;
        this.views = views;
        this.suppliers = suppliers;
        this.catalog = catalog;
        this.times = times;
        this.clock = clock;
    }

    @GetMapping("/console/supplier/group-campaigns")
    String supplierPage(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "product", required = false) Long productId, Model model) {
        return supplierShow(supplierOf(user), productId, Map.of(), model);
    }

    @PostMapping("/console/supplier/group-campaigns")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        SupplierId supplier = supplierOf(user);
        Long productId = number(form.get("productId"), "productId");
        try {
            ProductDetail product = productId == null ? null : catalog.product(new ProductId(productId)).orElse(null);
            List<CampaignForm.SkuPrice> prices = new ArrayList<>();
            if (product != null) {
                for (ProductDetail.SkuView sku : product.skus()) {
                    String typed = form.get("price_" + sku.id().value());
                    if (typed != null && !typed.isBlank()) {
                        prices.add(new CampaignForm.SkuPrice(sku.id().value(), FormAmounts.fen(typed, "skus[" + prices.size() + "].groupPriceFen")));
                    }
                }
            }
            Long size = number(form.get("groupSize"), "groupSize");
            Long limit = number(form.get("perMemberLimit"), "perMemberLimit");
            Long units = number(form.get("units"), "units");
            campaigns.create(supplier, user.id(), new CampaignForm(productId, prices, size == null ? null : size.intValue(), form.get("fillWithin"),
                    times.fromForm(form.get("startsAt"), "startsAt"), times.fromForm(form.get("endsAt"), "endsAt"), limit == null ? null : limit.intValue(),
                    units == null ? null : units.intValue()));
            redirect.addFlashAttribute("notice", "group.console.created");
            return "redirect:/console/supplier/group-campaigns";
        } catch (BusinessException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("errorField", e.field());
            return supplierShow(supplier, productId, form, model);
        }
    }

    @GetMapping("/console/admin/group-campaigns")
    String adminPage(Model model) {
        List<com.kinshop.groupbuy.CampaignFigures> all = campaigns.all();
        model.addAttribute("campaigns", all);
        model.addAttribute("groupsOf", groupsOf(all));
        model.addAttribute("nav", "admin-group-campaigns");
        return "console/admin/group-campaigns";
    }

    @PostMapping("/console/admin/group-campaigns/{id}/approval")
    String review(@PathVariable long id, @RequestParam boolean approved, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            if (approved) {
                campaigns.approve(id);
            } else {
                campaigns.reject(id, reason);
            }
            redirect.addFlashAttribute("notice", approved ? "group.console.approved" : "group.console.rejected");
        } catch (BusinessException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/console/admin/group-campaigns";
    }

    @PostMapping("/console/admin/group-campaigns/{id}/virtual-fill")
    String virtualFill(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        campaigns.virtualFill(id, enabled);
        redirect.addFlashAttribute("notice", enabled ? "group.console.virtual-on" : "group.console.virtual-off");
        return "redirect:/console/admin/group-campaigns";
    }

    private String supplierShow(SupplierId supplier, Long productId, Map<String, String> form, Model model) {
        model.addAttribute("products", catalog.sellableOf(supplier, 100));
        ProductDetail product = productId == null ? null
                : catalog.product(new ProductId(productId)).filter(found -> found.supplierId().equals(supplier)).orElse(null);
        model.addAttribute("product", product);
        Instant now = clock.instant();
        model.addAttribute("form", form.isEmpty() ? Map.of("groupSize", "3", "fillWithin", "24", "perMemberLimit", "1", "units", "100",
                "startsAt", local(now), "endsAt", local(now.plus(Duration.ofDays(7)))) : form);
        List<com.kinshop.groupbuy.CampaignFigures> mine = campaigns.ofSupplier(supplier);
        model.addAttribute("campaigns", mine);
        model.addAttribute("groupsOf", groupsOf(mine));
        model.addAttribute("nav", "supplier-group-campaigns");
        return "console/supplier/group-campaigns";
    }

    private Map<Long, List<com.kinshop.groupbuy.GroupView>> groupsOf(List<com.kinshop.groupbuy.CampaignFigures> figures) {
        Map<Long, List<com.kinshop.groupbuy.GroupView>> groups = new java.util.HashMap<>();
        figures.forEach(figure -> groups.put(figure.campaign().id(), views.ofCampaign(figure.campaign().id())));
        return groups;
    }

    private String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, times.zone()).withSecond(0).withNano(0).toString();
    }


    private static Long number(String text, String field) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw BusinessException.invalid(field, "group.number.invalid");
        }
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
