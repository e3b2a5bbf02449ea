package com.kinshop.flashsale.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.flashsale.FlashClaim;
import com.kinshop.flashsale.FlashClaimReads;
import com.kinshop.flashsale.FlashFigures;
import com.kinshop.flashsale.FlashGate;
import com.kinshop.flashsale.FlashSale;
import com.kinshop.flashsale.FlashSaleForm;
import com.kinshop.flashsale.FlashSales;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Flash sale", description = "秒杀: sessions of SKUs at a flash price, a buy gate on the hot counter, orders paid within minutes")
@RestController
class FlashSaleApi {

    private final FlashSales sales;
    private final FlashGate gate;
    private final FlashClaimReads claims;
    private final FlashFigures figures;
    private final Suppliers suppliers;
    private final Idempotency idempotency;

    FlashSaleApi(FlashSales sales, FlashGate gate, FlashClaimReads claims, FlashFigures figures, Suppliers suppliers, Idempotency idempotency) {
        this.sales = sales;
        this.gate = gate;
        this.claims = claims;
        this.figures = figures;
        this.suppliers = suppliers;
        this.idempotency = idempotency;
    }

    @Schema(name = "FlashSaleApproval", requiredProperties = {"approved"})
    record Approval(@Schema(description = "true approves (and sets the units aside from stock); false rejects and needs a reason") Boolean approved,
                    @Schema(description = "Why it is rejected (1–200 characters); shown to the supplier") String reason) {
    }

    @Operation(summary = "Propose a flash-sale session (场次) of my supplier's SKUs; it waits for an operator's approval",
            description = "400 naming the field: title empty or over 40 characters; startsAt missing; endsAt not after startsAt, past, or more than "
                    + "7 days after startsAt; perMemberLimit outside 1–10; items empty or over 20; items[i].skuId missing, twice, not my supplier's "
                    + "or not on sale; items[i].flashPriceFen not positive, not below the normal price, or breaking the price rule — supply + "
                    + "commission budget + platform fee ≤ flash price; items[i].quantity outside 1–100000. Nothing is stored then. Accepts "
                    + "Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Proposed, PENDING", content = @Content(schema = @Schema(implementation = FlashSale.class)))
    @PostMapping("/api/supplier/flash-sales")
    ResponseEntity<?> propose(@AuthenticationPrincipal CurrentUser user, @RequestBody FlashSaleForm form,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        SupplierId supplier = supplierOf(user);
        return idempotency.execute("flash-sale:" + user.id(), key, form,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(sales.propose(supplier, user.id(), form)));
    }

    @Operation(summary = "My supplier's sessions, newest first")
    @GetMapping("/api/supplier/flash-sales")
    List<FlashSale> supplierSales(@AuthenticationPrincipal CurrentUser user) {
        return sales.ofSupplier(supplierOf(user));
    }

    @Operation(summary = "Figures of one of my supplier's sessions", description = "404 for a session that is not my supplier's.")
    @GetMapping("/api/supplier/flash-sales/{id}/figures")
    FlashFigures.Figures supplierFigures(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        if (sales.get(id).supplierId() != supplierOf(user).value()) {
            throw BusinessException.notFound("flash.sale.not-found");
        }
        return figures.of(id);
    }

    @Operation(summary = "Every session, those awaiting review first")
    @GetMapping("/api/admin/flash-sales")
    List<FlashSale> allSales() {
        return sales.all();
    }

    @Operation(summary = "Approve or reject a pending session",
            description = "Approving sets each item's quantity aside from the SKU's stock. 400 naming approved when missing, reason when rejecting "
                    + "without one; 409 naming items[i].quantity when the SKU has fewer units in stock (nothing is set aside then); 409 when the "
                    + "session was already reviewed or has ended; 404 for an unknown session.")
    @PostMapping("/api/admin/flash-sales/{id}/approval")
    FlashSale review(@PathVariable long id, @RequestBody Approval approval) {
        if (approval.approved() == null) {
            throw BusinessException.invalid("approved", "flash.review.decision.required");
        }
        return approval.approved() ? sales.approve(id) : sales.reject(id, approval.reason());
    }

    @Operation(summary = "A session's figures: buy attempts, successes, paid, released, failed, units left and the sell-out time",
            description = "404 for an unknown session.")
    @GetMapping("/api/admin/flash-sales/{id}/figures")
    FlashFigures.Figures adminFigures(@PathVariable long id) {
        return figures.of(id);
    }

    @Operation(summary = "Sessions running now or starting later (public), soonest first, with the server's time")
    @GetMapping("/api/flash-sales")
    List<FlashSale> runningAndUpcoming() {
        return sales.runningAndUpcoming(30);
    }

    @Operation(summary = "A session (public): phase UPCOMING / RUNNING / SOLD_OUT / ENDED, serverTime, items with flash price and units left",
            description = "404 for an unknown session or one not approved.")
    @GetMapping("/api/flash-sales/{id}")
    FlashSale sale(@PathVariable long id) {
        return sales.published(id);
    }

    @Operation(summary = "Buy one unit (抢购): the gate takes a unit from the counter; the order follows within moments",
            description = "202 with the claim: QUEUED (its order being written) or ORDERED; poll /api/me/flash-claims/{claimId}, then pay "
                    + "checkoutNumber before payBefore. A double tap with the same Idempotency-Key is one attempt (the same claim again); the "
                    + "same key with another skuId, addressId or shopCode: 422. Refusals, nothing taken: 409 flash.sold-out naming skuId; 409 "
                    + "flash.limit-reached naming skuId (the member's limit) or addressId (the same delivery address's limit); 409 "
                    + "flash.not-started / flash.ended naming id (the session in the path); 400 naming skuId or addressId when missing, shopCode when malformed, "
                    + "Idempotency-Key when malformed; 404 for an unknown session, a SKU not in it (naming skuId) or an address not mine.")
    @ApiResponse(responseCode = "202", description = "A unit is yours", content = @Content(schema = @Schema(implementation = FlashClaim.class)))
    @PostMapping("/api/me/flash-sales/{id}/buys")
    ResponseEntity<FlashClaim> buy(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody FlashGate.BuyRequest request,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(gate.buy(user.id(), id, request, key));
    }

    @Operation(summary = "One of my claims: QUEUED → ORDERED (pay it) → PAID, or FAILED with a reason, or RELEASED when unpaid in time",
            description = "404 for an unknown claim or someone else's.")
    @GetMapping("/api/me/flash-claims/{claimId}")
    FlashClaim claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long claimId) {
        return claims.claim(user.id(), claimId);
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
