package com.kinshop.coupon.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.coupon.CouponKind;
import com.kinshop.coupon.CouponScope;
import com.kinshop.coupon.CouponTemplates;
import com.kinshop.coupon.CouponTerms;
import com.kinshop.coupon.TemplateForm;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

@Tag(name = "Coupon templates", description = "The operator's platform coupons (/api/admin) and a supplier's own (/api/supplier): create, list with figures, end")
@RestController
class CouponTemplateApi {

    /** The service names amounts as the pages' forms do; the API's request says fen. */
    private static final Map<String, String> API_NAMES = Map.of("amount", "amountFen", "threshold", "thresholdFen", "cap", "capFen");

    private final CouponTemplates templates;
    private final CouponTexts texts;
    private final Suppliers suppliers;

    CouponTemplateApi(CouponTemplates templates, CouponTexts texts, Suppliers suppliers) {
        this.templates = templates;
        this.texts = texts;
        this.suppliers = suppliers;
    }

    @Schema(name = "CouponTemplateRequest", description = """
            满减 (AMOUNT_OFF): amountFen off when the goods in scope reach thresholdFen (> amountFen); 折扣 (PERCENT_OFF): percentOff (1–99) \
            of what the lines in scope pay, at most capFen, optionally above thresholdFen; 无门槛 (NO_THRESHOLD): amountFen off. Validity: \
            validFrom + validUntil, or validDays after claiming. targetId: the supplier, category or product of the scope (none for PLATFORM).""")
    record TemplateRequest(String title, CouponKind kind, Long amountFen, Long thresholdFen, Integer percentOff, Long capFen, CouponScope scope,
                           Long targetId, Instant validFrom, Instant validUntil, Integer validDays, Integer totalQuantity, Integer perMemberLimit,
                           @Schema(description = "Granted automatically to every account that registers (not claimable in the 领券中心)") Boolean newMember) {

        TemplateForm form() {
            CouponTerms terms = kind == null ? null : new CouponTerms(kind, money(amountFen), money(thresholdFen), percentOff, money(capFen));
            return new TemplateForm(title, terms, scope, targetId, validFrom, validUntil, validDays, totalQuantity, perMemberLimit,
                    Boolean.TRUE.equals(newMember));
        }

        private static Money money(Long fen) {
            return fen == null ? null : Money.fen(fen);
        }
    }

    @Operation(summary = "Platform coupon templates, newest first, with claimed / used / cost")
    @GetMapping("/api/admin/coupon-templates")
    List<CouponViews.TemplateView> platformTemplates() {
        return views(templates.list(null));
    }

    @Operation(summary = "Create a platform coupon template (funded by the platform; any scope)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/api/admin/coupon-templates")
    ResponseEntity<CouponViews.TemplateView> createPlatform(@RequestBody TemplateRequest request) {
        return created(() -> templates.create(null, request.form()));
    }

    @Operation(summary = "End a platform template: no more claims; coupons already held stay valid")
    @PostMapping("/api/admin/coupon-templates/{id}/end")
    CouponViews.TemplateView endPlatform(@PathVariable long id) {
        return view(templates.end(null, id));
    }

    @Operation(summary = "My supplier's coupon templates, newest first, with claimed / used / cost")
    @GetMapping("/api/supplier/coupon-templates")
    List<CouponViews.TemplateView> supplierTemplates(@AuthenticationPrincipal CurrentUser user) {
        return views(templates.list(supplierOf(user)));
    }

    @Operation(summary = "Create a coupon template funded by my supplier: scope SUPPLIER (my shop) or PRODUCT (one of my products)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/api/supplier/coupon-templates")
    ResponseEntity<CouponViews.TemplateView> createSupplier(@AuthenticationPrincipal CurrentUser user, @RequestBody TemplateRequest request) {
        SupplierId supplier = supplierOf(user);
        return created(() -> templates.create(supplier, request.form()));
    }

    @Operation(summary = "End one of my supplier's templates")
    @PostMapping("/api/supplier/coupon-templates/{id}/end")
    CouponViews.TemplateView endSupplier(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return view(templates.end(supplierOf(user), id));
    }

    private ResponseEntity<CouponViews.TemplateView> created(Supplier<CouponTemplates.Template> create) {
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(view(create.get()));
        } catch (BusinessException e) {
            throw e.namedAs(API_NAMES);
        }
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }

    private List<CouponViews.TemplateView> views(List<CouponTemplates.Template> list) {
        Map<String, String> names = CouponTexts.names();
        return list.stream().map(t -> CouponViews.TemplateView.of(t, texts, names)).toList();
    }

    private CouponViews.TemplateView view(CouponTemplates.Template template) {
        return CouponViews.TemplateView.of(template, texts, CouponTexts.names());
    }
}
