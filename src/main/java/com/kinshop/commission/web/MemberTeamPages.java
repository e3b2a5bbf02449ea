package com.kinshop.commission.web;

import com.kinshop.commission.Earnings;
import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import com.kinshop.referral.DistributionPolicies;
import com.kinshop.referral.Referrals;
import com.kinshop.referral.Tiers;
import com.kinshop.shop.ShareLinks;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Locale;

/** 我的团队: my referrer, my invite code, link and poster, the team at two levels, and entering someone's invite code. */
@Controller
class MemberTeamPages {

    private static final int TEAM_LIMIT = 500;

    private final Earnings earnings;
    private final Referrals referrals;
    private final DistributionPolicies policies;
    private final Tiers tiers;
    private final Accounts accounts;
    private final Shops shops;
    private final ShareLinks links;

    MemberTeamPages(Earnings earnings, Referrals referrals, DistributionPolicies policies, Tiers tiers, Accounts accounts, Shops shops,
                    ShareLinks links) {
        this.earnings = earnings;
        this.referrals = referrals;
        this.policies = policies;
        this.tiers = tiers;
        this.accounts = accounts;
        this.shops = shops;
        this.links = links;
    }

    @GetMapping("/me/team")
    String team(@AuthenticationPrincipal CurrentUser user, Model model) {
        ShopView shop = shops.ownedBy(user.id()).orElse(null);
        List<Earnings.TeamMember> team = earnings.team(user.id(), TEAM_LIMIT);
        model.addAttribute("tab", "me");
        model.addAttribute("shop", shop);
        model.addAttribute("inviteLink", shop == null ? null : links.shop(shop.code()));
        model.addAttribute("referrer", referrals.referrerOf(user.id()).map(accounts::get).orElse(null));
        model.addAttribute("tier", tiers.of(user.id()));
        model.addAttribute("policy", policies.current());
        model.addAttribute("levelOne", team.stream().filter(m -> m.level() == 1).toList());
        model.addAttribute("levelTwo", team.stream().filter(m -> m.level() == 2).toList());
        return "commission/team";
    }

    /** 填写邀请码: the code is the inviter's shop code; each refusal (self, cycle, already bound, unknown) is said as such. */
    @PostMapping("/me/team/referrer")
    String enterInviteCode(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code, RedirectAttributes redirect) {
        // shop codes are lower case; a phone keyboard capitalises the first letter typed
        String typed = code.strip().toLowerCase(Locale.ROOT);
        String refusal = typed.isEmpty() ? "referral.code.required" : switch (referrals.bind(user.id(), typed, Referrals.Source.INVITE_CODE)) {
            case BOUND -> null;
            case ALREADY_BOUND -> "referral.already-bound";
            case SELF -> "referral.self";
            case CYCLE -> "referral.cycle";
            case UNKNOWN_CODE -> "referral.unknown-code";
        };
        if (refusal == null) {
            redirect.addFlashAttribute("notice", "referral.member.bound");
        } else {
            redirect.addFlashAttribute("error", refusal);
            redirect.addFlashAttribute("errorArgs", new Object[0]);
            redirect.addFlashAttribute("typedCode", typed);
        }
        return "redirect:/me/team";
    }
}
