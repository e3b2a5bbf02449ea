package com.kinshop.catalog.web;

import com.kinshop.shared.FormAmounts;
import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.Categories;
import com.kinshop.catalog.PlatformSettings;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductForm;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.ReturnAddress;
import com.kinshop.catalog.ReturnAddresses;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierProducts;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/** Supplier console: products (text, SKUs, images, review, sale), stock, staff. */
@Controller
@RequestMapping("/console/supplier")
class SupplierConsolePages {

    private final SupplierProducts products;
    private final Catalog catalog;
    private final Categories categories;
    private final Suppliers suppliers;
    private final PlatformSettings settings;
    private final CurrentSupplier currentSupplier;
    private final Validator validator;
    private final ReturnAddresses returnAddresses;

    SupplierConsolePages(SupplierProducts products, Catalog catalog, Categories categories, Suppliers suppliers, PlatformSettings settings,
                         CurrentSupplier currentSupplier, Validator validator, ReturnAddresses returnAddresses) {
        this.products = products;
        this.catalog = catalog;
        this.categories = categories;
        this.suppliers = suppliers;
        this.settings = settings;
        this.currentSupplier = currentSupplier;
        this.validator = validator;
        this.returnAddresses = returnAddresses;
    }

    @GetMapping("/products")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        SupplierId supplier = currentSupplier.of(user);
        model.addAttribute("supplier", suppliers.get(supplier));
        model.addAttribute("products", products.list(supplier));
        model.addAttribute("nav", "products");
        return "console/supplier/products";
    }

    @GetMapping("/products/new")
    String newProduct(@AuthenticationPrincipal CurrentUser user, Model model) {
        currentSupplier.of(user);
        return form(model, ProductEditForm.empty(), null);
    }

    @PostMapping("/products")
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") ProductEditForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        SupplierId supplier = currentSupplier.of(user);
        ProductId[] created = new ProductId[1];
        if (save(form, errors, productForm -> created[0] = products.create(supplier, productForm))) {
            redirect.addFlashAttribute("notice", "product.saved");
            return "redirect:/console/supplier/products/" + created[0].value();
        }
        return form(model, form, null);
    }

    @GetMapping("/products/{id}")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ProductDetail product = own(user, id);
        return form(model, ProductEditForm.of(product), product);
    }

    @PostMapping("/products/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute("form") ProductEditForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        SupplierId supplier = currentSupplier.of(user);
        ProductDetail product = own(user, id);
        if (save(form, errors, productForm -> products.update(supplier, product.id(), productForm))) {
            redirect.addFlashAttribute("notice", "product.saved");
            return "redirect:/console/supplier/products/" + id;
        }
        return form(model, form, product);
    }

    @PostMapping("/products/{id}/images")
    String addImage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam("image") MultipartFile image,
                    RedirectAttributes redirect) throws IOException {
        return act(redirect, id, "product.image.added", () -> products.addImage(currentSupplier.of(user), new ProductId(id), image.getBytes()));
    }

    @PostMapping("/products/{id}/images/{position}/delete")
    String removeImage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable int position, RedirectAttributes redirect) {
        return act(redirect, id, "product.image.removed", () -> products.removeImage(currentSupplier.of(user), new ProductId(id), position));
    }

    @PostMapping("/products/{id}/submit")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, id, "product.submitted", () -> products.submitForReview(currentSupplier.of(user), new ProductId(id)));
    }

    @PostMapping("/products/{id}/off-sale")
    String offSale(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, id, "product.taken-off-sale", () -> products.takeOffSale(currentSupplier.of(user), new ProductId(id)));
    }

    @PostMapping("/products/{id}/skus/{sku}/stock")
    String stock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long sku, @RequestParam(defaultValue = "") String delta,
                 RedirectAttributes redirect) {
        return act(redirect, id, "sku.stock.saved", () -> {
            if (!delta.strip().matches("[+-]?\\d{1,7}")) {
                throw BusinessException.invalid("delta", "form.integer.invalid");
            }
            products.adjustStock(currentSupplier.of(user), new SkuId(sku), Integer.parseInt(delta.strip().replace("+", "")));
        });
    }

    @GetMapping("/shipping")
    String shipping(@AuthenticationPrincipal CurrentUser user, Model model) {
        SupplierId supplier = currentSupplier.of(user);
        model.addAttribute("rule", suppliers.shippingRule(supplier));
        model.addAttribute("returnAddress", returnAddresses.of(supplier).orElse(null));
        model.addAttribute("nav", "shipping");
        return "console/supplier/shipping";
    }

    @PostMapping("/shipping")
    String changeShipping(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String flatFee,
                          @RequestParam(defaultValue = "") String freeOver, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/supplier/shipping", "shipping.saved",
                Map.of("typedFlatFee", flatFee, "typedFreeOver", freeOver), () -> {
                    Long flatFeeFen = FormAmounts.fen(flatFee, "flatFeeFen");
                    suppliers.changeShippingRule(currentSupplier.of(user), flatFeeFen == null ? 0 : flatFeeFen, FormAmounts.fen(freeOver, "freeOverFen"));
                });
    }

    /** The return address lives on the shipping page: both are what a supplier sets once about parcels. */
    @PostMapping("/return-address")
    String changeReturnAddress(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name,
                               @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String address, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/supplier/shipping", "return-address.saved",
                () -> returnAddresses.change(currentSupplier.of(user), new ReturnAddress(name, phone, address)));
    }

    @GetMapping("/staff")
    String staff(@AuthenticationPrincipal CurrentUser user, Model model) {
        SupplierId supplier = currentSupplier.of(user);
        model.addAttribute("supplier", suppliers.get(supplier));
        model.addAttribute("staff", suppliers.staff(supplier));
        model.addAttribute("nav", "staff");
        return "console/supplier/staff";
    }

    /** Validates like the API does, then saves; refusals land on the field of this form that shows them. */
    private boolean save(ProductEditForm form, BindingResult errors, Consumer<ProductForm> action) {
        try {
            ProductForm productForm = form.toProductForm();
            for (ConstraintViolation<ProductForm> violation : validator.validate(productForm)) {
                String field = form.formField(violation.getPropertyPath().toString());
                if (field.equals("skus") || field.equals("attributes")) {
                    errors.reject("invalid", violation.getMessage());
                } else {
                    errors.rejectValue(field, "invalid", violation.getMessage());
                }
            }
            if (errors.hasErrors()) {
                return false;
            }
            action.accept(productForm);
            return true;
        } catch (BusinessException e) {
            String field = form.formField(e.field());
            if (field != null && (field.startsWith("skus[") || field.equals("name") || field.equals("categoryId"))) {
                errors.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
            } else {
                errors.reject(e.messageKey(), e.args(), e.messageKey());
            }
            return false;
        }
    }

    private static String act(RedirectAttributes redirect, long id, String notice, Flash.Action action) {
        return Flash.outcome(redirect, "redirect:/console/supplier/products/" + id, notice, action);
    }

    /** Renders the form; on a refusal it must be the very object that was bound, or Spring drops its errors. */
    private String form(Model model, ProductEditForm form, ProductDetail product) {
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("categories", categories.tree());
        model.addAttribute("platformFeeBp", settings.platformFeeBp());
        model.addAttribute("nav", "products");
        return "console/supplier/product-form";
    }

    private ProductDetail own(CurrentUser user, long id) {
        SupplierId supplier = currentSupplier.of(user);
        return catalog.product(new ProductId(id)).filter(product -> product.supplierId().equals(supplier))
                .orElseThrow(() -> BusinessException.notFound("product.not-found"));
    }

}
