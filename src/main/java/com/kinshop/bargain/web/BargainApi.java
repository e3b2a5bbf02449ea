package com.kinshop.bargain.web;

import com.kinshop.bargain.BargainCampaign;
import com.kinshop.bargain.BargainCampaigns;
import com.kinshop.bargain.BargainHelps;
import com.kinshop.bargain.BargainPurchases;
import com.kinshop.bargain.BargainView;
import com.kinshop.bargain.Bargains;
import com.kinshop.bargain.CampaignFigures;
import com.kinshop.bargain.CampaignForm;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
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

@Tag(name = "Bargain", description = "砍价: a member starts a bargain on a campaign's SKU, friends each take the next cut once until the floor, "
        + "the starter buys at the current price before the deadline")
@RestController
class BargainApi {

    private final BargainCampaigns campaigns;
    private final Bargains bargains;
    private final BargainHelps helps;
    private final BargainPurchases purchases;
    private final Suppliers suppliers;
    private final Idempotency idempotency;

    BargainApi(BargainCampaigns campaigns, Bargains bargains, BargainHelps helps, BargainPurchases purchases, Suppliers suppliers, Idempotency idempotency) {
        this.campaigns = campaigns;
        this.bargains = bargains;
        this.helps = helps;
        this.purchases = purchases;
        this.suppliers = suppliers;
        this.idempotency = idempotency;
    }

    @Schema(name = "BargainStart", requiredProperties = "campaignId")
    record Start(@Schema(description = "The running campaign to bargain in") Long campaignId) {
    }

    @Schema(name = "BargainPurchaseRequest", requiredProperties = "addressId")
    record PurchaseRequest(@Schema(description = "One of the caller's addresses") Long addressId,
                           @Schema(description = "The sharer's shop code from the link (binds the buyer and earns commission as any share link)") String shopCode,
                           @Schema(description = "The price the starter saw, in fen (optional): below the floor is 400, a different current price 409")
                           Long expectedPriceFen) {
    }

    @Schema(name = "BargainApproval", requiredProperties = "approved")
    record Approval(@Schema(description = "true approves; false rejects and needs a reason") Boolean approved, @Schema(description = "Why it is rejected (required to reject, at most 200 characters)") String reason) {
    }

    @Operation(summary = "Submit a bargain campaign on one of my supplier's SKUs for the operator's approval",
            description = "400 naming the field: skuId not one of the supplier's SKUs on sale; floorPriceFen ≤ 0, not below the SKU's price, "
                    + "leaving less than 1 fen per cut, or below what the price rule allows (supply + commission budget + platform fee at the floor); "
                    + "helpersNeeded outside 1–50; timeLimit not whole hours or an ISO-8601 duration within 1 hour–7 days; endsAt not after startsAt "
                    + "or past; units outside 1–10000; perMemberLimit outside 1–10. With an Idempotency-Key a retry answers the same campaign.")
    @ApiResponse(responseCode = "201", description = "Submitted, awaiting approval", content = @Content(schema = @Schema(implementation = BargainCampaign.class)))
    @PostMapping("/api/supplier/bargain-campaigns")
    ResponseEntity<?> create(@AuthenticationPrincipal CurrentUser user, @RequestBody CampaignForm form,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        SupplierId supplier = supplierOf(user);
        return idempotency.execute("bargain-campaign:" + user.id(), key, form,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(campaigns.create(supplier, user.id(), form)));
    }

    @Operation(summary = "My supplier's bargain campaigns with their figures: started, helps, completed at the floor, bought; units sold/reserved/available")
    @GetMapping("/api/supplier/bargain-campaigns")
    List<CampaignFigures> supplierCampaigns(@AuthenticationPrincipal CurrentUser user) {
        return campaigns.ofSupplier(supplierOf(user));
    }

    @Operation(summary = "Every bargain campaign with its figures, those awaiting approval first (operator)")
    @GetMapping("/api/admin/bargain-campaigns")
    List<CampaignFigures> allCampaigns() {
        return campaigns.all();
    }

    @Operation(summary = "Approve or reject a campaign awaiting approval (operator)",
            description = "400 naming reason when rejecting without one; 400 naming floorPriceFen when the floor no longer satisfies the price rule; "
                    + "409 when it was already decided or ended.")
    @PostMapping("/api/admin/bargain-campaigns/{id}/approval")
    BargainCampaign decide(@PathVariable long id, @RequestBody Approval approval) {
        if (approval.approved() == null) {
            throw BusinessException.invalid("approved", "bargain.approve.required");
        }
        return campaigns.decide(id, approval.approved(), approval.reason());
    }

    @Operation(summary = "Approved campaigns running now (砍价专区), soonest end first")
    @GetMapping("/api/bargain-campaigns")
    List<BargainCampaign> running() {
        return campaigns.running();
    }

    @Operation(summary = "One bargain campaign")
    @GetMapping("/api/bargain-campaigns/{id}")
    BargainCampaign campaign(@PathVariable long id) {
        return campaigns.get(id);
    }

    @Operation(summary = "Start a bargain (发起砍价); the starter takes the first cut at once (policy kinshop.bargains.starter-cuts-first)",
            description = "409 naming campaignId when the campaign is not running (not approved, not started, ended) or sold out, or when the caller "
                    + "has started as many bargains in it as the per-member limit allows; 404 for an unknown campaign.")
    @ApiResponse(responseCode = "201", description = "Started", content = @Content(schema = @Schema(implementation = BargainView.class)))
    @PostMapping("/api/me/bargains")
    ResponseEntity<BargainView> start(@AuthenticationPrincipal CurrentUser user, @RequestBody Start start) {
        if (start.campaignId() == null) {
            throw BusinessException.invalid("campaignId", "bargain.campaign.required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(bargains.start(user.id(), start.campaignId()));
    }

    @Operation(summary = "My bargains, newest first")
    @GetMapping("/api/me/bargains")
    List<BargainView> mine(@AuthenticationPrincipal CurrentUser user) {
        return bargains.mine(user.id());
    }

    @Operation(summary = "A bargain as its shared link shows it (public): progress, cuts with helpers' masked names and avatars, deadline, status")
    @GetMapping("/api/bargains/{bargainId}")
    BargainView bargain(@AuthenticationPrincipal CurrentUser user, @PathVariable long bargainId) {
        return bargains.view(bargainId, user == null ? null : user.id());
    }

    @Operation(summary = "Help a friend's bargain (帮TA砍一刀): take the next cut of its schedule",
            description = "409 naming bargainId when the caller already helped it, started it (the starter's only cut is the first), or when it is "
                    + "at the floor, ordered, bought or past its deadline; 403 naming bargainId when only members registered after it started may help; "
                    + "404 for an unknown bargain.")
    @ApiResponse(responseCode = "201", description = "Cut", content = @Content(schema = @Schema(implementation = BargainHelps.Helped.class)))
    @PostMapping("/api/bargains/{bargainId}/helps")
    ResponseEntity<BargainHelps.Helped> help(@AuthenticationPrincipal CurrentUser user, @PathVariable long bargainId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(helps.help(bargainId, user.id()));
    }

    @Operation(summary = "Buy my bargain at its current price (立即购买): an order awaiting payment, paid as any checkout (/api/me/checkouts/{n}/payments)",
            description = "400 naming addressId when missing, expectedPriceFen when below the floor; 409 naming bargainId when it is ordered already, "
                    + "bought, past its deadline or the campaign's units are gone, expectedPriceFen when the price changed; 404 when not the caller's. "
                    + "With an Idempotency-Key a retry answers the same order.")
    @ApiResponse(responseCode = "201", description = "Ordered", content = @Content(schema = @Schema(implementation = BargainPurchases.Purchase.class)))
    @PostMapping("/api/me/bargains/{bargainId}/purchase")
    ResponseEntity<?> purchase(@AuthenticationPrincipal CurrentUser user, @PathVariable long bargainId, @RequestBody PurchaseRequest request,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("bargain-purchase:" + user.id() + ":" + bargainId, key, request,
                () -> ResponseEntity.status(HttpStatus.CREATED)
                        .body(purchases.purchase(user.id(), bargainId, request.addressId(), request.shopCode(), request.expectedPriceFen())));
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
