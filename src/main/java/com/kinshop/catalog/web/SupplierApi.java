package com.kinshop.catalog.web;

import com.kinshop.catalog.Catalog;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;

@Tag(name = "Supplier console", description = "Products, SKUs, stock and images of the caller's supplier")
@RestController
@RequestMapping("/api/supplier")
class SupplierApi {

    private final SupplierProducts products;
    private final Catalog catalog;
    private final Suppliers suppliers;
    private final CurrentSupplier currentSupplier;
    private final ReturnAddresses returnAddresses;

    SupplierApi(SupplierProducts products, Catalog catalog, Suppliers suppliers, CurrentSupplier currentSupplier, ReturnAddresses returnAddresses) {
        this.returnAddresses = returnAddresses;
        this.products = products;
        this.catalog = catalog;
        this.suppliers = suppliers;
        this.currentSupplier = currentSupplier;
    }

    record StockChange(@NotNull(message = "{sku.stock.delta.required}") @jakarta.validation.constraints.Min(value = -ProductForm.MAX_STOCK, message = "{sku.stock.too-large}")
                       @jakarta.validation.constraints.Max(value = ProductForm.MAX_STOCK, message = "{sku.stock.too-large}") Integer delta) {
    }

    record ShippingSettings(@NotNull(message = "{shipping.fee.range}") Long flatFeeFen, Long freeOverFen) {
    }

    @Operation(summary = "My shipping rule: a flat fee per order, free above a threshold (optional)")
    @GetMapping("/shipping")
    ShippingSettings shipping(@AuthenticationPrincipal CurrentUser user) {
        var rule = suppliers.shippingRule(currentSupplier.of(user));
        return new ShippingSettings(rule.flatFee().fen(), rule.freeOver() == null ? null : rule.freeOver().fen());
    }

    @PutMapping("/shipping")
    ShippingSettings changeShipping(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ShippingSettings settings) {
        suppliers.changeShippingRule(currentSupplier.of(user), settings.flatFeeFen(), settings.freeOverFen());
        return shipping(user);
    }

    @Operation(summary = "My return address (退货地址): shown to buyers whose return I approve; 404 until set")
    @GetMapping("/return-address")
    ReturnAddress returnAddress(@AuthenticationPrincipal CurrentUser user) {
        return returnAddresses.of(currentSupplier.of(user)).orElseThrow(() -> BusinessException.notFound("return-address.missing"));
    }

    @Operation(summary = "Set my return address: name (≤ 20), 11-digit mobile phone, address (≤ 200)")
    @PutMapping("/return-address")
    ReturnAddress changeReturnAddress(@AuthenticationPrincipal CurrentUser user, @RequestBody ReturnAddress address) {
        return returnAddresses.change(currentSupplier.of(user), address);
    }

    @GetMapping("/products")
    List<SupplierProducts.SupplierProductRow> list(@AuthenticationPrincipal CurrentUser user) {
        return products.list(currentSupplier.of(user));
    }

    @Operation(summary = "Create a product (draft) with its SKUs")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/products")
    ResponseEntity<ProductDetail> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ProductForm form) {
        ProductId id = products.create(currentSupplier.of(user), form);
        return ResponseEntity.status(HttpStatus.CREATED).body(own(user, id.value()));
    }

    @GetMapping("/products/{id}")
    ProductDetail get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return own(user, id);
    }

    @Operation(summary = "Replace a product's text and SKUs (only when draft, rejected or off sale)")
    @PutMapping("/products/{id}")
    ProductDetail update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody ProductForm form) {
        products.update(currentSupplier.of(user), new ProductId(id), form);
        return own(user, id);
    }

    @Operation(summary = "Add an image (PNG, JPEG or GIF, at most 5 MB)")
    @PostMapping(path = "/products/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ProductDetail addImage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestPart("image") MultipartFile image)
            throws IOException {
        products.addImage(currentSupplier.of(user), new ProductId(id), image.getBytes());
        return own(user, id);
    }

    @DeleteMapping("/products/{id}/images/{position}")
    ProductDetail removeImage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable int position) {
        products.removeImage(currentSupplier.of(user), new ProductId(id), position);
        return own(user, id);
    }

    @Operation(summary = "Submit for the operator's review")
    @PostMapping("/products/{id}/submit")
    ProductDetail submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        products.submitForReview(currentSupplier.of(user), new ProductId(id));
        return own(user, id);
    }

    @Operation(summary = "Take off sale")
    @PostMapping("/products/{id}/off-sale")
    ProductDetail offSale(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        products.takeOffSale(currentSupplier.of(user), new ProductId(id));
        return own(user, id);
    }

    @Schema(description = "A SKU's stock after a change")
    record SkuStock(@Schema(description = "Units in stock now (never below zero)") int stock) {
    }

    @Operation(summary = "Add to or remove from a SKU's stock; it never goes below zero")
    @PostMapping("/skus/{id}/stock")
    SkuStock adjustStock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody StockChange change) {
        return new SkuStock(products.adjustStock(currentSupplier.of(user), new SkuId(id), change.delta()));
    }

    private ProductDetail own(CurrentUser user, long id) {
        SupplierId supplier = currentSupplier.of(user);
        return catalog.product(new ProductId(id)).filter(product -> product.supplierId().equals(supplier))
                .orElseThrow(() -> BusinessException.notFound("product.not-found"));
    }
}
