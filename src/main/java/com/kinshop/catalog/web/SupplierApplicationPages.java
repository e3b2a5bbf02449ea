package com.kinshop.catalog.web;

import com.kinshop.catalog.Categories;
import com.kinshop.catalog.SupplierApplication;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.FormErrors;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** 供应商入驻: a member applies and follows the decision. */
@Controller
class SupplierApplicationPages {

    private final Suppliers suppliers;
    private final Categories categories;

    SupplierApplicationPages(Suppliers suppliers, Categories categories) {
        this.suppliers = suppliers;
        this.categories = categories;
    }

    @GetMapping("/supplier/apply")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        return render(user, model, new SupplierApplication("", "", "", "", List.of(), 0));
    }

    @PostMapping("/supplier/apply")
    String apply(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("application") SupplierApplication application,
                 BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                suppliers.apply(user.id(), application);
                redirect.addFlashAttribute("notice", "supplier.applied");
                return "redirect:/supplier/apply";
            } catch (BusinessException e) {
                FormErrors.reject(errors, e);
            }
        }
        return render(user, model, application);
    }

    private String render(CurrentUser user, Model model, SupplierApplication application) {
        model.addAttribute("tab", "me");
        model.addAttribute("latest", suppliers.latestApplicationOf(user.id()).orElse(null));
        model.addAttribute("linked", suppliers.supplierOf(user.id()).isPresent());
        model.addAttribute("topCategories", categories.tree().stream().map(Categories.CategoryNode::category).toList());
        if (!model.containsAttribute("application")) {
            model.addAttribute("application", application);
        }
        return "supplier/apply";
    }
}
