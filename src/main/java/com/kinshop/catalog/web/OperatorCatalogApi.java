package com.kinshop.catalog.web;

import com.kinshop.catalog.Categories;
import com.kinshop.catalog.CategoryId;
import com.kinshop.catalog.PlatformSettings;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.ProductReviews;
import com.kinshop.catalog.ProductStatus;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierStatus;
import com.kinshop.catalog.SupplierView;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Operator: catalog", description = "Supplier applications, product review, categories, platform fee")
@RestController
@RequestMapping("/api/admin")
class OperatorCatalogApi {

    private final Suppliers suppliers;
    private final ProductReviews reviews;
    private final Categories categories;
    private final PlatformSettings settings;

    OperatorCatalogApi(Suppliers suppliers, ProductReviews reviews, Categories categories, PlatformSettings settings) {
        this.suppliers = suppliers;
        this.reviews = reviews;
        this.categories = categories;
        this.settings = settings;
    }

    @Schema(name = "ReviewDecision")
    record Decision(String reason) {
    }

    record CategoryRequest(@NotNull(message = "{category.name.invalid}") String name, Long parentId, String icon) {
    }

    /** The sharers' shares are the member tiers' (PUT /api/admin/tiers/{code}), not a setting here. */
    record Settings(@NotNull(message = "{settings.platform-fee.range}") Integer platformFeeBp) {
    }

    @GetMapping("/suppliers")
    List<SupplierView> suppliers(@RequestParam(required = false) SupplierStatus status) {
        return suppliers.list(status);
    }

    @Operation(summary = "Approve a supplier application; the applicant becomes its staff")
    @PostMapping("/suppliers/{id}/approve")
    SupplierView approve(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id) {
        suppliers.approve(operator.id(), new SupplierId(id));
        return suppliers.get(new SupplierId(id));
    }

    @Operation(summary = "Reject a supplier application, with a reason")
    @PostMapping("/suppliers/{id}/reject")
    SupplierView reject(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id, @RequestBody Decision decision) {
        suppliers.reject(operator.id(), new SupplierId(id), decision.reason());
        return suppliers.get(new SupplierId(id));
    }

    @Operation(summary = "Suspend a supplier: none of its products can be sold")
    @PostMapping("/suppliers/{id}/suspend")
    SupplierView suspend(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id, @RequestBody Decision decision) {
        suppliers.suspend(operator.id(), new SupplierId(id), decision.reason());
        return suppliers.get(new SupplierId(id));
    }

    @PostMapping("/suppliers/{id}/reinstate")
    SupplierView reinstate(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id) {
        suppliers.reinstate(operator.id(), new SupplierId(id));
        return suppliers.get(new SupplierId(id));
    }

    record StaffRequest(@NotNull(message = "{phone.required}") String phone) {
    }

    @Schema(description = "The account now linked to the supplier as its staff")
    record SupplierStaff(long accountId, String nickname) {
    }

    @Operation(summary = "Link an existing account to a supplier as its staff (grants the role, ends the account's sessions)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/suppliers/{id}/staff")
    ResponseEntity<SupplierStaff> addStaff(@PathVariable long id, @Valid @RequestBody StaffRequest request) {
        var account = suppliers.addStaff(new SupplierId(id), request.phone().strip());
        return ResponseEntity.status(HttpStatus.CREATED).body(new SupplierStaff(account.id().value(), account.nickname()));
    }

    @GetMapping("/product-reviews")
    List<ProductDetail> reviewQueue() {
        return reviews.queue();
    }

    @Schema(description = "A product's status after the operator's review")
    record ProductReviewed(@Schema(description = "ON_SALE when approved, REJECTED when rejected") String status) {
    }

    @PostMapping("/products/{id}/approve")
    ProductReviewed approveProduct(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id) {
        reviews.approve(operator.id(), new ProductId(id));
        return new ProductReviewed(ProductStatus.ON_SALE.name());
    }

    @PostMapping("/products/{id}/reject")
    ProductReviewed rejectProduct(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id, @RequestBody Decision decision) {
        reviews.reject(operator.id(), new ProductId(id), decision.reason());
        return new ProductReviewed(ProductStatus.REJECTED.name());
    }

    @GetMapping("/categories")
    List<Categories.CategoryNode> categories() {
        return categories.tree();
    }

    @Schema(description = "The category created or renamed")
    record SavedCategory(long id) {
    }

    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/categories")
    ResponseEntity<SavedCategory> createCategory(@Valid @RequestBody CategoryRequest request) {
        CategoryId id = categories.create(request.name(), request.parentId() == null ? null : new CategoryId(request.parentId()), request.icon());
        return ResponseEntity.status(HttpStatus.CREATED).body(new SavedCategory(id.value()));
    }

    @PatchMapping("/categories/{id}")
    SavedCategory renameCategory(@PathVariable long id, @Valid @RequestBody CategoryRequest request) {
        categories.rename(new CategoryId(id), request.name());
        return new SavedCategory(id);
    }

    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/categories/{id}")
    ResponseEntity<Void> deleteCategory(@PathVariable long id) {
        categories.delete(new CategoryId(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/settings")
    Settings settings() {
        return new Settings(settings.platformFeeBp());
    }

    @PutMapping("/settings")
    Settings updateSettings(@AuthenticationPrincipal CurrentUser operator, @Valid @RequestBody Settings request) {
        settings.update(operator.id(), request.platformFeeBp());
        return settings();
    }
}
