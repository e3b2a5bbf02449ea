package com.kinshop.redpacket.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.redpacket.Campaign;
import com.kinshop.redpacket.CampaignFigures;
import com.kinshop.redpacket.CampaignForm;
import com.kinshop.redpacket.RedPacketCampaigns;
import com.kinshop.redpacket.RedPacketClaims;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Idempotency;
import com.kinshop.shared.Money;
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

@Tag(name = "Red packets", description = "Supplier red packets (红包): members claim random amounts, each a no-threshold coupon on the supplier's products")
@RestController
class RedPacketApi {

    private final RedPacketCampaigns campaigns;
    private final RedPacketClaims claims;
    private final Suppliers suppliers;
    private final Idempotency idempotency;

    RedPacketApi(RedPacketCampaigns campaigns, RedPacketClaims claims, Suppliers suppliers, Idempotency idempotency) {
        this.campaigns = campaigns;
        this.claims = claims;
        this.suppliers = suppliers;
        this.idempotency = idempotency;
    }

    @Schema(name = "RedPacketCampaignForMember")
    record CampaignForMember(Campaign campaign, @Schema(description = "The caller's packets in this campaign") List<RedPacketClaims.Won> mine) {
    }

    @Schema(name = "SupplierRedPackets")
    record SupplierRedPackets(@Schema(description = "What the supplier is owed now: the most a new budget can be") Money available,
                              List<CampaignFigures> campaigns) {
    }

    @Operation(summary = "Campaigns running now or starting soon, soonest end first")
    @GetMapping("/api/red-packets")
    List<Campaign> open() {
        return campaigns.open();
    }

    @Operation(summary = "A campaign, with the packets the caller won in it")
    @GetMapping("/api/red-packets/{id}")
    CampaignForMember campaign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return new CampaignForMember(campaigns.get(id), claims.mine(id, user.id()));
    }

    @Operation(summary = "Claim a packet (抢红包): a random amount between the campaign's bounds, given as a coupon on the supplier's products",
            description = "409 when the campaign has not started or has ended, when the caller already won (as many as the per-member limit), "
                    + "or when less is left than the smallest packet (all gone); 404 for an unknown campaign.")
    @ApiResponse(responseCode = "201", description = "Won", content = @Content(schema = @Schema(implementation = RedPacketClaims.Won.class)))
    @PostMapping("/api/red-packets/{id}/claims")
    ResponseEntity<RedPacketClaims.Won> claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(claims.claim(id, user.id()));
    }

    @Operation(summary = "My supplier's campaigns with budget, claimed, spent, returned and still held, and what a new budget may be at most")
    @GetMapping("/api/supplier/red-packets")
    SupplierRedPackets mine(@AuthenticationPrincipal CurrentUser user) {
        SupplierId supplier = supplierOf(user);
        return new SupplierRedPackets(campaigns.available(supplier), campaigns.ofSupplier(supplier));
    }

    @Operation(summary = "Create a campaign; its budget is held at once from my supplier's payable",
            description = "400 naming the field: minFen ≤ 0, maxFen < minFen, budgetFen < minFen, endsAt not after startsAt or in the past; "
                    + "409 naming budgetFen when the budget is above what the supplier is owed (nothing stored, nothing posted). "
                    + "With an Idempotency-Key, a retry answers the campaign already created instead of holding a second budget.")
    @ApiResponse(responseCode = "201", description = "Created and funded", content = @Content(schema = @Schema(implementation = Campaign.class)))
    @PostMapping("/api/supplier/red-packets")
    ResponseEntity<?> create(@AuthenticationPrincipal CurrentUser user, @RequestBody CampaignForm form,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        SupplierId supplier = supplierOf(user);
        return idempotency.execute("red-packet-campaign:" + user.id(), key, form,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(campaigns.create(supplier, user.id(), form)));
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
