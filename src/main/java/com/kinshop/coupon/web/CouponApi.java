package com.kinshop.coupon.web;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductId;
import com.kinshop.coupon.CouponClaims;
import com.kinshop.coupon.ProductCoupons;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.coupon.HeldCoupon;
import com.kinshop.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Tag(name = "Coupons", description = "领券中心 (claimable coupons), claiming, and the member's own coupons")
@RestController
class CouponApi {

    private final CouponClaims claims;
    private final CouponTexts texts;
    private final Clock clock;
    private final Catalog catalog;
    private final ProductCoupons productCoupons;

    CouponApi(CouponClaims claims, CouponTexts texts, Clock clock, Catalog catalog, ProductCoupons productCoupons) {
        this.claims = claims;
        this.texts = texts;
        this.clock = clock;
        this.catalog = catalog;
        this.productCoupons = productCoupons;
    }

    @Operation(summary = "Coupons that can be claimed now (领券中心), with whether the caller can still claim each; with productId, only those "
            + "that apply to that product (for its page); 404 for an unknown product")
    @GetMapping("/api/coupons")
    List<CouponViews.ClaimableView> claimable(@AuthenticationPrincipal CurrentUser user,
                                              @Parameter(description = "Only coupons that apply to this product") @RequestParam(required = false) Long productId) {
        Map<String, String> names = CouponTexts.names();
        AccountId member = user == null ? null : user.id();
        List<CouponClaims.Claimable> claimable = productId == null ? claims.claimable(member) : forProduct(member, new ProductId(productId));
        return claimable.stream().map(c -> CouponViews.ClaimableView.of(c, texts, names)).toList();
    }

    private List<CouponClaims.Claimable> forProduct(AccountId member, ProductId id) {
        return productCoupons.forPage(member, catalog.product(id).orElseThrow(() -> BusinessException.notFound("product.not-found"))).claimable();
    }

    @Operation(summary = "Claim one coupon of a template: 409 when ended, all gone or the per-member limit is reached (nothing changes)")
    @ApiResponse(responseCode = "201", description = "Claimed", useReturnTypeSchema = true)
    @PostMapping("/api/coupons/{templateId}/claims")
    ResponseEntity<CouponViews.MemberCouponView> claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long templateId) {
        HeldCoupon coupon = claims.claim(user.id(), templateId);
        return ResponseEntity.status(HttpStatus.CREATED).body(CouponViews.MemberCouponView.of(coupon, clock.instant(), texts, CouponTexts.names()));
    }

    @Operation(summary = "My coupons (我的优惠券): unused (with those locked to an order awaiting payment), used, or expired")
    @GetMapping("/api/me/coupons")
    List<CouponViews.MemberCouponView> mine(@AuthenticationPrincipal CurrentUser user,
                                           @Parameter(description = "unused (default), used or expired") @RequestParam(defaultValue = "unused") Tab state) {
        Instant now = clock.instant();
        Map<String, String> names = CouponTexts.names();
        return claims.mine(user.id(), state.tab).stream().map(held -> CouponViews.MemberCouponView.of(held, now, texts, names)).toList();
    }

    /** The tabs as the query names them (lower case). */
    enum Tab {
        unused(HeldCoupon.Tab.UNUSED), used(HeldCoupon.Tab.USED), expired(HeldCoupon.Tab.EXPIRED);

        final HeldCoupon.Tab tab;

        Tab(HeldCoupon.Tab tab) {
            this.tab = tab;
        }
    }
}
