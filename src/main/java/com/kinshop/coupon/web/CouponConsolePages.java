package com.kinshop.coupon.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierProducts;
import com.kinshop.catalog.Suppliers;
import com.kinshop.catalog.Categories;
import com.kinshop.coupon.CouponScope;
import com.kinshop.coupon.CouponTemplates;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.DisplayTimes;
import com.kinshop.shared.Flash;
import com.kinshop.shared.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * The coupon consoles: the operator's platform coupons ({@code /console/admin/coupons}) and a supplier's own
 * ({@code /console/supplier/coupons}): 新建 form, the list with claimed / used / cost, 结束发放.
 */
@Controller
class CouponConsolePages {

    private static final String ADMIN = "/console/admin/coupons";
    private static final String SUPPLIER = "/console/supplier/coupons";

    private final CouponTemplates templates;
    private final CouponTexts texts;
    private final Suppliers suppliers;
    private final SupplierProducts products;
    private final Categories categories;
    private final DisplayTimes times;

    CouponConsolePages(CouponTemplates templates, CouponTexts texts, Suppliers suppliers, SupplierProducts products, Categories categories,
                       DisplayTimes times) {
        this.templates = templates;
        this.texts = texts;
        this.suppliers = suppliers;
        this.products = products;
        this.categories = categories;
        this.times = times;
    }

    @GetMapping(ADMIN)
    String platform(Model model) {
        model.addAttribute("form", new TemplatePageForm());
        return page(null, model);
    }

    @PostMapping(ADMIN)
    String createPlatform(@ModelAttribute("form") TemplatePageForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        return create(null, form, errors, model, redirect);
    }

    @PostMapping(ADMIN + "/{id}/end")
    String endPlatform(@PathVariable long id, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:" + ADMIN, "coupon.console.ended", () -> templates.end(null, id));
    }

    @GetMapping(SUPPLIER)
    String supplier(@AuthenticationPrincipal CurrentUser user, Model model) {
        TemplatePageForm form = new TemplatePageForm();
        form.setScope(CouponScope.SUPPLIER);
        model.addAttribute("form", form);
        return page(supplierOf(user), model);
    }

    @PostMapping(SUPPLIER)
    String createSupplier(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") TemplatePageForm form, BindingResult errors, Model model,
                          RedirectAttributes redirect) {
        return create(supplierOf(user), form, errors, model, redirect);
    }

    @PostMapping(SUPPLIER + "/{id}/end")
    String endSupplier(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        SupplierId supplier = supplierOf(user);
        return Flash.outcome(redirect, "redirect:" + SUPPLIER, "coupon.console.ended", () -> templates.end(supplier, id));
    }

    private String create(SupplierId issuer, TemplatePageForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            templates.create(issuer, form.toForm(times.zone()));
            redirect.addFlashAttribute("notice", "coupon.console.created");
            return "redirect:" + (issuer == null ? ADMIN : SUPPLIER);
        } catch (BusinessException e) {
            FormErrors.reject(errors, e);
            return page(issuer, model);
        }
    }

    private String page(SupplierId issuer, Model model) {
        Map<String, String> names = CouponTexts.names();
        model.addAttribute("templates", templates.list(issuer).stream().map(t -> CouponViews.TemplateView.of(t, texts, names)).toList());
        model.addAttribute("operator", issuer == null);
        model.addAttribute("kinds", com.kinshop.coupon.CouponKind.values());
        model.addAttribute("action", issuer == null ? ADMIN : SUPPLIER);
        model.addAttribute("scopes", issuer == null ? List.of(CouponScope.values()) : List.of(CouponScope.SUPPLIER, CouponScope.PRODUCT));
        model.addAttribute("ownProducts", issuer == null ? List.of() : products.list(issuer));
        model.addAttribute("categories", issuer == null ? categories.tree() : List.of());
        model.addAttribute("nav", issuer == null ? "admin-coupons" : "supplier-coupons");
        return "coupon/console";
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
