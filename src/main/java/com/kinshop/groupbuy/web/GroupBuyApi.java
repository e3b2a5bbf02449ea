package com.kinshop.groupbuy.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.groupbuy.CampaignFigures;
import com.kinshop.groupbuy.CampaignForm;
import com.kinshop.groupbuy.GroupCampaign;
import com.kinshop.groupbuy.GroupCampaigns;
import com.kinshop.groupbuy.GroupJoins;
import com.kinshop.groupbuy.GroupView;
import com.kinshop.groupbuy.GroupViews;
import com.kinshop.groupbuy.MyGroup;
import com.kinshop.groupbuy.OpenGroup;
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

@Tag(name = "Group buy", description = "拼团: campaigns at a group price, groups opened and joined by checking out, refunded when they fail")
@RestController
class GroupBuyApi {

    private final GroupCampaigns campaigns;
    private final GroupJoins joins;
    private final GroupViews views;
    private final Suppliers suppliers;
    private final Idempotency idempotency;

    GroupBuyApi(GroupCampaigns campaigns, GroupJoins joins, GroupViews views, Suppliers suppliers, Idempotency idempotency) {
        this.campaigns = campaigns;
        this.joins = joins;
        this.views = views;
        this.suppliers = suppliers;
        this.idempotency = idempotency;
    }

    @Schema(name = "GroupCampaignForMember")
    record CampaignForMember(GroupCampaign campaign, @Schema(description = "Open groups with seats left (去凑团)") List<OpenGroup> openGroups) {
    }

    @Schema(name = "GroupCampaignApproval", requiredProperties = {"approved"})
    record Approval(@Schema(description = "true approves; false rejects and needs a reason") Boolean approved,
                    @Schema(description = "Why it is rejected (1–200 characters); shown to the supplier") String reason) {
    }

    @Schema(name = "GroupVirtualFill", requiredProperties = {"enabled"})
    record VirtualFill(Boolean enabled) {
    }

    @Operation(summary = "Create a group-buy campaign for a product of my supplier; it waits for an operator's approval",
            description = "400 naming the field: productId not my supplier's or not on sale; skus empty, a SKU twice or not of the product "
                    + "(skus[i].skuId); a group price not below the normal price or breaking the price rule — supply + commission budget + "
                    + "platform fee ≤ group price — naming the SKU (skus[i].groupPriceFen); groupSize outside 2–50; fillWithin not hours or an "
                    + "ISO-8601 duration, or outside 10 minutes to 7 days; endsAt not after startsAt or past; perMemberLimit outside 1–99; units "
                    + "below 1. Nothing is stored then.")
    @ApiResponse(responseCode = "201", description = "Created, pending review", content = @Content(schema = @Schema(implementation = GroupCampaign.class)))
    @PostMapping("/api/supplier/group-campaigns")
    ResponseEntity<?> create(@AuthenticationPrincipal CurrentUser user, @RequestBody CampaignForm form,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        SupplierId supplier = supplierOf(user);
        return idempotency.execute("group-campaign:" + user.id(), key, form,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(campaigns.create(supplier, user.id(), form)));
    }

    @Operation(summary = "My supplier's campaigns with their figures: groups opened, open, succeeded, failed, success rate, units sold/reserved/available")
    @GetMapping("/api/supplier/group-campaigns")
    List<CampaignFigures> supplierCampaigns(@AuthenticationPrincipal CurrentUser user) {
        return campaigns.ofSupplier(supplierOf(user));
    }

    @Operation(summary = "Every campaign with its figures, those awaiting review first")
    @GetMapping("/api/admin/group-campaigns")
    List<CampaignFigures> allCampaigns() {
        return campaigns.all();
    }

    @Operation(summary = "Approve or reject a pending campaign",
            description = "400 naming approved when it is missing, reason when rejecting without one; 409 when the campaign was already reviewed; "
                    + "404 for an unknown campaign.")
    @PostMapping("/api/admin/group-campaigns/{id}/approval")
    GroupCampaign review(@PathVariable long id, @RequestBody Approval approval) {
        if (approval.approved() == null) {
            throw BusinessException.invalid("approved", "group.review.decision.required");
        }
        return approval.approved() ? campaigns.approve(id) : campaigns.reject(id, approval.reason());
    }

    @Operation(summary = "Switch virtual fill (模拟成团) for a campaign: off by default; disclosed on its group pages when on",
            description = "At a group's deadline, with virtual fill on and at least one member paid, the group succeeds and its missing seats are "
                    + "shown as simulated: no order and no money is invented. 400 naming enabled when missing; 404 for an unknown campaign.")
    @PostMapping("/api/admin/group-campaigns/{id}/virtual-fill")
    GroupCampaign virtualFill(@PathVariable long id, @RequestBody VirtualFill body) {
        if (body.enabled() == null) {
            throw BusinessException.invalid("enabled", "group.virtual-fill.required");
        }
        return campaigns.virtualFill(id, body.enabled());
    }

    @Operation(summary = "Approved campaigns running now (拼团 channel, public), soonest end first, at most 30; each with its SKUs at normal and group price")
    @GetMapping("/api/group-campaigns")
    List<GroupCampaign> running() {
        return campaigns.running(30);
    }

    @Operation(summary = "A campaign (public): its SKUs at normal and group price, and its open groups to join")
    @GetMapping("/api/group-campaigns/{id}")
    CampaignForMember campaign(@PathVariable long id) {
        return new CampaignForMember(campaigns.get(id), views.openGroups(id, 10));
    }

    @Operation(summary = "A group (public): members by masked name and avatar, seats, deadline, status and whether virtual fill is on")
    @GetMapping("/api/groups/{groupId}")
    GroupView group(@PathVariable long groupId) {
        return views.group(groupId);
    }

    @Operation(summary = "Open a group (发起拼团): take the first seat by checking out one SKU at its group price; pay the checkout to count",
            description = "The order is held from shipping until the group succeeds. 400 naming the field: campaignId, skuId not in the campaign, "
                    + "quantity below 1, addressId missing; 409 naming campaignId when the campaign is not approved, not started or ended; 409 naming "
                    + "quantity beyond the per-member limit or the campaign's units left; 404 for an unknown address. Nothing is taken then.")
    @ApiResponse(responseCode = "201", description = "Group opened: pay checkoutNumber", content = @Content(schema = @Schema(implementation = GroupJoins.Seat.class)))
    @PostMapping("/api/me/groups")
    ResponseEntity<?> open(@AuthenticationPrincipal CurrentUser user, @RequestBody GroupJoins.SeatRequest request,
                           @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("group-open:" + user.id(), key, request,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(joins.open(user.id(), request)));
    }

    @Operation(summary = "Join a group (参团): take a seat by checking out one SKU at its group price; pay the checkout to count",
            description = "409 naming groupId when the group is full, succeeded, failed or past its deadline, or when the caller holds a seat in it "
                    + "already (their own group, or joined before); the other refusals as when opening. Nothing is taken then.")
    @ApiResponse(responseCode = "201", description = "Seat taken: pay checkoutNumber", content = @Content(schema = @Schema(implementation = GroupJoins.Seat.class)))
    @PostMapping("/api/me/groups/{groupId}/joins")
    ResponseEntity<?> join(@AuthenticationPrincipal CurrentUser user, @PathVariable long groupId, @RequestBody GroupJoins.SeatRequest request,
                           @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("group-join:" + user.id() + ":" + groupId, key, request,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(joins.join(user.id(), groupId, request)));
    }

    @Operation(summary = "My groups (我的拼团): each seat with its group's state, and the refund of a failed one")
    @GetMapping("/api/me/groups")
    List<MyGroup> mine(@AuthenticationPrincipal CurrentUser user) {
        return views.mine(user.id());
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
