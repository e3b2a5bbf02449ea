package com.kinshop.catalog.web;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.Categories;
import com.kinshop.catalog.CategoryId;
import com.kinshop.catalog.ProductCard;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductForm;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.ProductSort;
import com.kinshop.catalog.SupplierApplication;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierView;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Catalog", description = "Browsing and search for buyers; supplier applications for members")
@RestController
class PublicCatalogApi {

    private final Catalog catalog;
    private final Categories categories;
    private final Suppliers suppliers;

    PublicCatalogApi(Catalog catalog, Categories categories, Suppliers suppliers) {
        this.catalog = catalog;
        this.categories = categories;
        this.suppliers = suppliers;
    }

    @Operation(summary = "Search sellable products: q matches name, subtitle or category name (Chinese substring search); by category, sorted")
    @GetMapping("/api/catalog/products")
    List<ProductCard> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long category,
                             @RequestParam(defaultValue = "COMPOSITE") ProductSort sort) {
        return catalog.search(q, category == null ? null : new CategoryId(category), sort, 100);
    }

    /** What a buyer may see of a product: never the supply price, the commission budget or review notes. */
    record PublicProduct(long id, String name, String subtitle, String descriptionHtml, List<ProductForm.Attribute> attributes,
                         List<String> images, String supplierName, int salesCount, List<PublicSku> skus) {
    }

    record PublicSku(long id, String spec, Money price, int stock) {
    }

    @GetMapping("/api/catalog/products/{id}")
    PublicProduct product(@PathVariable long id) {
        ProductDetail p = catalog.product(new ProductId(id)).filter(ProductDetail::sellable)
                .orElseThrow(() -> BusinessException.notFound("product.not-found"));
        return new PublicProduct(p.id().value(), p.name(), p.subtitle(), p.descriptionHtml(), p.attributes(), p.images(), p.supplierName(),
                p.salesCount(), p.skus().stream().map(sku -> new PublicSku(sku.id().value(), sku.spec(), sku.price(), sku.stock())).toList());
    }

    @GetMapping("/api/catalog/categories")
    List<Categories.CategoryNode> categories() {
        return categories.tree();
    }

    @Operation(summary = "Apply to become a supplier (入驻申请)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/api/supplier-applications")
    ResponseEntity<SupplierView> apply(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody SupplierApplication application) {
        SupplierId id = suppliers.apply(user.id(), application);
        return ResponseEntity.status(HttpStatus.CREATED).body(suppliers.get(id));
    }

    @GetMapping("/api/supplier-applications/mine")
    SupplierView myApplication(@AuthenticationPrincipal CurrentUser user) {
        return suppliers.latestApplicationOf(user.id()).orElseThrow(() -> BusinessException.notFound("supplier.application.none"));
    }
}
