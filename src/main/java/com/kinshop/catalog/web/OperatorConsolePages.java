package com.kinshop.catalog.web;

import com.kinshop.shared.FormAmounts;
import com.kinshop.catalog.Categories;
import com.kinshop.catalog.CategoryId;
import com.kinshop.catalog.PlatformSettings;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.ProductReviews;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierStatus;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operator console: supplier applications, product review queue, categories, platform settings. */
@Controller
@RequestMapping("/console/admin")
class OperatorConsolePages {

    private final Suppliers suppliers;
    private final ProductReviews reviews;
    private final Categories categories;
    private final PlatformSettings settings;

    OperatorConsolePages(Suppliers suppliers, ProductReviews reviews, Categories categories, PlatformSettings settings) {
        this.suppliers = suppliers;
        this.reviews = reviews;
        this.categories = categories;
        this.settings = settings;
    }

    @GetMapping("/suppliers")
    String suppliers(@RequestParam(required = false) SupplierStatus status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", SupplierStatus.values());
        model.addAttribute("suppliers", suppliers.list(status));
        model.addAttribute("nav", "suppliers");
        return "console/admin/suppliers";
    }

    @PostMapping("/suppliers/{id}/{decision:approve|reject|suspend|reinstate}")
    String decideSupplier(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id, @PathVariable String decision,
                          @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        SupplierId supplier = new SupplierId(id);
        return act(redirect, "redirect:/console/admin/suppliers", "supplier.decided." + decision, () -> {
            switch (decision) {
                case "approve" -> suppliers.approve(operator.id(), supplier);
                case "reject" -> suppliers.reject(operator.id(), supplier, reason);
                case "suspend" -> suppliers.suspend(operator.id(), supplier, reason);
                case "reinstate" -> suppliers.reinstate(operator.id(), supplier);
                default -> throw BusinessException.notFound("supplier.not-found");
            }
        });
    }

    @PostMapping("/suppliers/{id}/staff")
    String addStaff(@PathVariable long id, @RequestParam(defaultValue = "") String phone, RedirectAttributes redirect) {
        return act(redirect, "redirect:/console/admin/suppliers", "supplier.staff.added", () -> suppliers.addStaff(new SupplierId(id), phone.strip()));
    }

    @GetMapping("/reviews")
    String reviews(Model model) {
        var queue = reviews.queue();
        model.addAttribute("queue", queue);
        model.addAttribute("lowCredit", reviews.lowCreditAmong(queue));
        model.addAttribute("platformFeeBp", settings.platformFeeBp());
        model.addAttribute("nav", "reviews");
        return "console/admin/reviews";
    }

    @PostMapping("/reviews/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "redirect:/console/admin/reviews", "review.approved", () -> reviews.approve(operator.id(), new ProductId(id)));
    }

    @PostMapping("/reviews/{id}/reject")
    String reject(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        return act(redirect, "redirect:/console/admin/reviews", "review.rejected", () -> reviews.reject(operator.id(), new ProductId(id), reason));
    }

    @GetMapping("/categories")
    String categories(Model model) {
        model.addAttribute("tree", categories.tree());
        model.addAttribute("nav", "categories");
        return "console/admin/categories";
    }

    @PostMapping("/categories")
    String createCategory(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long parentId,
                          @RequestParam(required = false) String icon, RedirectAttributes redirect) {
        return act(redirect, "redirect:/console/admin/categories", "category.saved",
                () -> categories.create(name, parentId == null ? null : new CategoryId(parentId), icon));
    }

    @PostMapping("/categories/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        return act(redirect, "redirect:/console/admin/categories", "category.saved", () -> categories.rename(new CategoryId(id), name));
    }

    @PostMapping("/categories/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "redirect:/console/admin/categories", "category.deleted", () -> categories.delete(new CategoryId(id)));
    }

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("platformFeeBp", settings.platformFeeBp());
        model.addAttribute("nav", "settings");
        return "console/admin/settings";
    }

    @PostMapping("/settings")
    String saveSettings(@AuthenticationPrincipal CurrentUser operator, @RequestParam(defaultValue = "") String platformFeePercent,
                        RedirectAttributes redirect) {
        return act(redirect, "redirect:/console/admin/settings", "settings.saved",
                () -> settings.update(operator.id(), basisPoints(platformFeePercent, "platformFeeBp")));
    }

    /** A setting is required: blank is refused like any malformed amount. */
    private static int basisPoints(String percent, String field) {
        Long basisPoints = FormAmounts.basisPoints(percent, field);
        if (basisPoints == null || basisPoints > Integer.MAX_VALUE) {
            throw BusinessException.invalid(field, "form.amount.invalid");
        }
        return basisPoints.intValue();
    }

    private static String act(RedirectAttributes redirect, String target, String notice, Runnable action) {
        return Flash.outcome(redirect, target, notice, action::run);
    }
}
