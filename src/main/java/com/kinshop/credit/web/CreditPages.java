package com.kinshop.credit.web;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductSort;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierStatus;
import com.kinshop.catalog.Suppliers;
import com.kinshop.credit.SupplierStanding;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The buyers' supplier page (its credit and products, best composite first) and the supplier console's credit page. */
@Controller
class CreditPages {

    private static final int PRODUCTS = 40;

    private final SupplierStanding standing;
    private final Suppliers suppliers;
    private final Catalog catalog;

    CreditPages(SupplierStanding standing, Suppliers suppliers, Catalog catalog) {
        this.standing = standing;
        this.suppliers = suppliers;
        this.catalog = catalog;
    }

    @GetMapping("/suppliers/{id}")
    String supplier(@PathVariable long id, Model model) {
        SupplierId supplier = new SupplierId(id);
        if (suppliers.get(supplier).status() != SupplierStatus.APPROVED) {
            throw BusinessException.notFound("supplier.not-found"); // only suppliers that sell are shown to buyers
        }
        model.addAttribute("credit", standing.of(supplier));
        model.addAttribute("products", catalog.sellableOf(supplier, ProductSort.COMPOSITE, PRODUCTS));
        return "credit/supplier";
    }

    @GetMapping("/console/supplier/credit")
    String own(@AuthenticationPrincipal CurrentUser user, Model model) {
        SupplierId supplier = suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
        model.addAttribute("credit", standing.of(supplier));
        model.addAttribute("nav", "supplier-credit");
        return "console/supplier/credit";
    }
}
