package com.kinshop.referral.web;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import com.kinshop.referral.DistributionPolicies;
import com.kinshop.referral.DistributionPolicy;
import com.kinshop.referral.Referrals;
import com.kinshop.referral.Tiers;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.shop.ShareLinks;
import com.kinshop.shop.Shops;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Map;

@Tag(name = "Referral", description = "Who referred whom, invite codes, the distribution policy and tiers")
@RestController
class ReferralApi {

    private final Referrals referrals;
    private final DistributionPolicies policies;
    private final Tiers tiers;
    private final Accounts accounts;
    private final Shops shops;
    private final ShareLinks links;

    ReferralApi(Referrals referrals, DistributionPolicies policies, Tiers tiers, Accounts accounts, Shops shops, ShareLinks links) {
        this.referrals = referrals;
        this.policies = policies;
        this.tiers = tiers;
        this.accounts = accounts;
        this.shops = shops;
        this.links = links;
    }

    record Person(long id, String nickname) {
    }

    record MyReferral(Person referrer, String inviteCode, String inviteLink, String tier) {
    }

    @GetMapping("/api/me/referral")
    MyReferral mine(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        Person referrer = referrals.referrerOf(user.id()).map(id -> new Person(id.value(), accounts.get(id).nickname())).orElse(null);
        var shop = shops.ownedBy(user.id());
        return new MyReferral(referrer, shop.map(s -> s.code()).orElse(null), shop.map(s -> links.shop(s.code())).orElse(null),
                tiers.nameIn(tiers.of(user.id()), locale));
    }

    record InviteCode(@NotBlank(message = "{referral.code.required}") String code) {
    }

    @Operation(summary = "Bind to the member whose invite code (shop code) this is; refused for oneself, a cycle, or when already bound")
    @PostMapping("/api/me/referral")
    MyReferral enterCode(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody InviteCode invite, Locale locale) {
        switch (referrals.bind(user.id(), invite.code().strip(), Referrals.Source.INVITE_CODE)) {
            case BOUND -> { }
            case ALREADY_BOUND -> throw BusinessException.conflict("code", "referral.already-bound");
            case SELF -> throw BusinessException.invalid("code", "referral.self");
            case CYCLE -> throw BusinessException.conflict("code", "referral.cycle");
            case UNKNOWN_CODE -> throw BusinessException.invalid("code", "referral.unknown-code");
        }
        return mine(user, locale);
    }

    record Policy(@NotNull Integer depth, @NotNull Boolean threeLevelAllowed, @NotNull Boolean selfPurchase, @NotNull DistributionPolicy.BindAt bindAt,
                  Integer lockDays, @NotNull Long minWithdrawalFen, @NotNull Long dailyWithdrawalLimitFen, @NotNull Integer withdrawalFeeBp,
                  @NotNull Long autoApproveBelowFen) {

        static Policy of(DistributionPolicy p) {
            return new Policy(p.depth(), p.threeLevelAllowed(), p.selfPurchase(), p.bindAt(), p.lockDays(), p.minWithdrawal().fen(),
                    p.dailyWithdrawalLimit().fen(), p.withdrawalFeeBp(), p.autoApproveBelow().fen());
        }

        DistributionPolicy toPolicy() {
            return new DistributionPolicy(depth, threeLevelAllowed, selfPurchase, bindAt, lockDays, Money.fen(minWithdrawalFen),
                    Money.fen(dailyWithdrawalLimitFen), withdrawalFeeBp, Money.fen(autoApproveBelowFen));
        }
    }

    @GetMapping("/api/admin/distribution/policy")
    Policy policy() {
        return Policy.of(policies.current());
    }

    @Operation(summary = "Change the distribution policy; depth 3 needs threeLevelAllowed (the compliance switch)")
    @PutMapping("/api/admin/distribution/policy")
    Policy changePolicy(@AuthenticationPrincipal CurrentUser operator, @Valid @RequestBody Policy policy) {
        try {
            return Policy.of(policies.update(operator.id(), policy.toPolicy()));
        } catch (BusinessException e) {
            throw e.namedAs(Map.of("minWithdrawal", "minWithdrawalFen", "dailyWithdrawalLimit", "dailyWithdrawalLimitFen",
                    "autoApproveBelow", "autoApproveBelowFen"));
        }
    }

    @GetMapping("/api/admin/tiers")
    List<Tiers.Tier> allTiers() {
        return tiers.all();
    }

    record Shares(@NotNull Integer level1ShareBp, @NotNull Integer level2ShareBp, Integer level3ShareBp) {
    }

    @PutMapping("/api/admin/tiers/{code}")
    List<Tiers.Tier> changeTier(@PathVariable String code, @Valid @RequestBody Shares shares) {
        tiers.updateShares(code, shares.level1ShareBp(), shares.level2ShareBp(), shares.level3ShareBp());
        return tiers.all();
    }

    @Schema(name = "RebindRequest")
    record Rebind(@NotNull Long referrerId, @NotBlank(message = "{referral.rebind.reason}") String reason) {
    }

    @Schema(description = "A member and the referrer they are bound to now")
    record MemberReferrer(long memberId, long referrerId) {
    }

    @Operation(summary = "Operator rebind with a reason (audited); refused if it would create a cycle")
    @PostMapping("/api/admin/members/{id}/referrer")
    MemberReferrer rebind(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id, @Valid @RequestBody Rebind rebind) {
        AccountId member = accounts.get(new AccountId(id)).id();
        AccountId referrer = accounts.get(new AccountId(rebind.referrerId())).id();
        referrals.rebind(operator.id(), member, referrer, rebind.reason());
        return new MemberReferrer(id, rebind.referrerId());
    }
}
