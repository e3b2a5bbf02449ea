package com.kinshop.coupon.web;

import com.kinshop.coupon.CouponClaims;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** 领券中心 ({@code /coupons}, open to everyone; claiming needs an account) and 我的优惠券 ({@code /me/coupons}). */
@Controller
class CouponPages {

    private final CouponClaims claims;
    private final CouponTexts texts;
    private final Clock clock;

    CouponPages(CouponClaims claims, CouponTexts texts, Clock clock) {
        this.claims = claims;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/coupons")
    String center(@AuthenticationPrincipal CurrentUser user, Model model) {
        Map<String, String> names = CouponTexts.names();
        model.addAttribute("coupons", claims.claimable(user == null ? null : user.id()).stream()
                .map(c -> CouponViews.ClaimableView.of(c, texts, names)).toList());
        model.addAttribute("signedIn", user != null);
        model.addAttribute("tab", "home");
        return "coupon/center";
    }

    /** Under /me: signed out, the sign-in page comes first. */
    @PostMapping("/me/coupons/claims")
    String claim(@AuthenticationPrincipal CurrentUser user, @RequestParam long templateId, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/coupons#coupon-" + templateId, "coupon.claimed", () -> claims.claim(user.id(), templateId));
    }

    @GetMapping("/me/coupons")
    String mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "unused") CouponApi.Tab tab, Model model) {
        Instant now = clock.instant();
        Map<String, String> names = CouponTexts.names();
        model.addAttribute("coupons", claims.mine(user.id(), tab.tab).stream()
                .map(held -> CouponViews.MemberCouponView.of(held, now, texts, names)).toList());
        model.addAttribute("current", tab.name());
        model.addAttribute("tabs", java.util.Arrays.stream(CouponApi.Tab.values()).map(Enum::name).toList());
        model.addAttribute("tab", "me");
        return "coupon/mine";
    }

}
