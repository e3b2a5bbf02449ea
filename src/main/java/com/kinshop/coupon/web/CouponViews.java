package com.kinshop.coupon.web;

import com.kinshop.coupon.CouponClaims;
import com.kinshop.coupon.CouponKind;
import com.kinshop.coupon.CouponScope;
import com.kinshop.coupon.CouponTemplates;
import com.kinshop.coupon.HeldCoupon;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** What the coupon API and pages show: templates with their figures, claimable ones, and a member's coupons. */
final class CouponViews {

    private CouponViews() {
    }

    @Schema(name = "CouponTemplate", description = "A coupon template with what became of it: claimed, used on paid orders, and their cost to the issuer")
    record TemplateView(long id, String title, CouponKind kind, Money amount, Money threshold, Integer percentOff, Money cap, CouponScope scope,
                        Long targetId, @Schema(description = "The issuing supplier; null for a platform coupon") Long supplierId,
                        Instant validFrom, Instant validUntil, Integer validDays, int totalQuantity, int perMemberLimit, int claimed,
                        boolean newMember, boolean active, long used,
                        @Schema(description = "Sum of what the used coupons took off paid orders") Money cost,
                        @Schema(description = "The terms in words, e.g. 满99减10") String headline, String scopeText, String validityText) {

        static TemplateView of(CouponTemplates.Template t, CouponTexts texts, Map<String, String> names) {
            return new TemplateView(t.id(), t.title(), t.terms().kind(), t.terms().amount(), t.terms().threshold(), t.terms().percentOff(),
                    t.terms().cap(), t.scope(), t.targetId(), t.issuer() == null ? null : t.issuer().value(), t.validFrom(), t.validUntil(),
                    t.validDays(), t.totalQuantity(), t.perMemberLimit(), t.claimed(), t.newMember(), t.active(), t.used(), t.cost(),
                    texts.headline(t.terms()), texts.scope(t.scope(), t.targetId(), names), texts.validity(t.validFrom(), t.validUntil(), t.validDays()));
        }
    }

    @Schema(name = "ClaimableCoupon", description = "A coupon of the 领券中心 and what the signed-in member can still do with it")
    record ClaimableView(long templateId, String title, String headline, String figure, String scopeText, String validityText, Long supplierId,
                         int totalQuantity, int claimed, boolean soldOut, int heldByMe, int perMemberLimit,
                         @Schema(description = "Whether the signed-in member can claim one now") boolean canClaim) {

        static ClaimableView of(CouponClaims.Claimable c, CouponTexts texts, Map<String, String> names) {
            CouponTemplates.Template t = c.template();
            return new ClaimableView(t.id(), t.title(), texts.headline(t.terms()), texts.figure(t.terms()), texts.scope(t.scope(), t.targetId(), names),
                    texts.validity(t.validFrom(), t.validUntil(), t.validDays()), t.issuer() == null ? null : t.issuer().value(), t.totalQuantity(),
                    t.claimed(), c.soldOut(), c.heldByMe(), t.perMemberLimit(), c.canClaim());
        }
    }

    /** The state a member sees: locked coupons are in an order awaiting payment; expired is unused past its validity. */
    enum ShownState { UNUSED, LOCKED, USED, EXPIRED }

    @Schema(name = "MemberCoupon", description = "A coupon the member holds")
    record MemberCouponView(long id, String title, String headline, String figure, CouponKind kind, Money amount, Money threshold, Integer percentOff,
                            Money cap, CouponScope scope, Long targetId, String scopeText,
                            @Schema(description = "The supplier funding it; null for a platform coupon") Long supplierId,
                            Instant validFrom, Instant validUntil, String validityText, ShownState state,
                            @Schema(description = "The order it is locked to or was used on") String orderNumber,
                            @Schema(description = "What it took off that order (used coupons)") Money discount, Instant usedAt) {

        static MemberCouponView of(HeldCoupon held, Instant now, CouponTexts texts, Map<String, String> names) {
            var c = held.coupon();
            ShownState state = switch (c.state()) {
                case LOCKED -> ShownState.LOCKED;
                case USED -> ShownState.USED;
                case UNUSED -> c.expiredAt(now) ? ShownState.EXPIRED : ShownState.UNUSED;
            };
            return new MemberCouponView(c.id(), c.title(), texts.headline(c.terms()), texts.figure(c.terms()), c.terms().kind(), c.terms().amount(),
                    c.terms().threshold(), c.terms().percentOff(), c.terms().cap(), c.scope(), c.targetId(), texts.scope(c.scope(), c.targetId(), names),
                    c.issuer() == null ? null : c.issuer().value(), c.validFrom(), c.validUntil(), texts.validity(c.validFrom(), c.validUntil(), null),
                    state, held.orderNumber(), held.discount(), held.usedAt());
        }
    }
}
