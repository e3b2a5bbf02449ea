package com.kinshop.flashsale.web;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.flashsale.FlashFigures;
import com.kinshop.flashsale.FlashSale;
import com.kinshop.flashsale.FlashSaleForm;
import com.kinshop.flashsale.FlashSales;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consoles' flash-sale pages. Supplier staff propose a session (a product, a flash price in yuan and a quantity per
 * SKU, the window and the limit) and follow each session's figures; operators approve (setting the units aside) or
 * reject with a reason, and see attempts, successes and the sell-out time of every session.
 */
@Controller
class FlashConsolePages {

    private final FlashSales sales;
    private final FlashFigures figures;
    private final Suppliers suppliers;
    private final Catalog catalog;
    private final DisplayTimes times;
    private final Clock clock;

    FlashConsolePages(FlashSales sales, FlashFigures figures, Suppliers suppliers, Catalog catalog, DisplayTimes times, Clock clock) {
        this.sales = sales;
        this.figures = figures;
        this.suppliers = suppliers;
        this.catalog = catalog;
        this.times = times;
        this.clock = clock;
    }

    @GetMapping("/console/supplier/flash-sales")
    String supplierPage(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "product", required = false) Long productId, Model model) {
        return supplierShow(supplierOf(user), productId, Map.of(), model);
    }

    @PostMapping("/console/supplier/flash-sales")
    String propose(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        SupplierId supplier = supplierOf(user);
        Long productId = number(form.get("productId"), "productId");
        try {
            ProductDetail product = productId == null ? null : catalog.product(new ProductId(productId)).orElse(null);
            List<FlashSaleForm.Item> items = new ArrayList<>();
            if (product != null) {
                for (ProductDetail.SkuView sku : product.skus()) {
                    String price = form.get("price_" + sku.id().value());
                    if (price != null && !price.isBlank()) {
                        String field = "items[" + items.size() + "]";
                        Long quantity = number(form.get("quantity_" + sku.id().value()), field + ".quantity");
                        items.add(new FlashSaleForm.Item(sku.id().value(), FormAmounts.fen(price, field + ".flashPriceFen"),
                                quantity == null ? null : quantity.intValue()));
                    }
                }
            }
            Long limit = number(form.get("perMemberLimit"), "perMemberLimit");
            sales.propose(supplier, user.id(), new FlashSaleForm(form.get("title"), times.fromForm(form.get("startsAt"), "startsAt"),
                    times.fromForm(form.get("endsAt"), "endsAt"), limit == null ? null : limit.intValue(), items));
            redirect.addFlashAttribute("notice", "flash.console.proposed");
            return "redirect:/console/supplier/flash-sales";
        } catch (BusinessException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("errorField", e.field());
            return supplierShow(supplier, productId, form, model);
        }
    }

    @GetMapping("/console/admin/flash-sales")
    String adminPage(Model model) {
        List<FlashSale> all = sales.all();
        model.addAttribute("sales", all);
        model.addAttribute("figuresOf", figuresOf(all));
        model.addAttribute("nav", "admin-flash-sales");
        return "console/admin/flash-sales";
    }

    @PostMapping("/console/admin/flash-sales/{id}/approval")
    String review(@PathVariable long id, @RequestParam boolean approved, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            if (approved) {
                sales.approve(id);
            } else {
                sales.reject(id, reason);
            }
            redirect.addFlashAttribute("notice", approved ? "flash.console.approved" : "flash.console.rejected");
        } catch (BusinessException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/console/admin/flash-sales";
    }

    private String supplierShow(SupplierId supplier, Long productId, Map<String, String> form, Model model) {
        model.addAttribute("products", catalog.sellableOf(supplier, 100));
        ProductDetail product = productId == null ? null
                : catalog.product(new ProductId(productId)).filter(found -> found.supplierId().equals(supplier)).orElse(null);
        model.addAttribute("product", product);
        Instant now = clock.instant();
        model.addAttribute("form", form.isEmpty() ? Map.of("perMemberLimit", "1", "startsAt", local(now.plus(Duration.ofHours(1))),
                "endsAt", local(now.plus(Duration.ofHours(3)))) : form);
        List<FlashSale> mine = sales.ofSupplier(supplier);
        model.addAttribute("sales", mine);
        model.addAttribute("figuresOf", figuresOf(mine));
        model.addAttribute("nav", "supplier-flash-sales");
        return "console/supplier/flash-sales";
    }

    private Map<Long, FlashFigures.Figures> figuresOf(List<FlashSale> list) {
        Map<Long, FlashFigures.Figures> byId = new LinkedHashMap<>();
        list.forEach(sale -> byId.put(sale.id(), figures.of(sale.id())));
        return byId;
    }

    private String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, times.zone()).withSecond(0).withNano(0).toString();
    }

    private static Long number(String text, String field) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw BusinessException.invalid(field, "flash.number.invalid");
        }
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
