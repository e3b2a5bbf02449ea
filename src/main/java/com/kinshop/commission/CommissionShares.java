package com.kinshop.commission;

import com.kinshop.identity.AccountId;
import com.kinshop.referral.Tiers;
import com.kinshop.shared.Money;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Who gets what of a commission budget: each beneficiary at their own tier's share for their level, split by
 * {@link CommissionRule}. The one place shares are read — a paid order's commission and the "分享赚" a member is
 * shown both come from here, so what is shown is what is paid.
 */
@Service
public class CommissionShares {

    private final Tiers tiers;

    CommissionShares(Tiers tiers) {
        this.tiers = tiers;
    }

    /** One beneficiary's part: level 1 is nearest the buyer. */
    public record Share(AccountId beneficiary, int level, Tiers.Tier tier, int shareBp, Money amount) {
    }

    /** The parts of {@code budget} for the beneficiaries, nearest first. */
    public List<Share> split(Money budget, List<AccountId> beneficiaries) {
        return split(budget, beneficiaries, beneficiaries.stream().map(tiers::of).toList());
    }

    private static List<Share> split(Money budget, List<AccountId> beneficiaries, List<Tiers.Tier> beneficiaryTiers) {
        List<Integer> shares = new ArrayList<>();
        for (int i = 0; i < beneficiaries.size(); i++) {
            shares.add(beneficiaryTiers.get(i).shareBp(i + 1));
        }
        List<Money> amounts = CommissionRule.split(budget, shares);
        List<Share> split = new ArrayList<>();
        for (int i = 0; i < beneficiaries.size(); i++) {
            split.add(new Share(beneficiaries.get(i), i + 1, beneficiaryTiers.get(i), shares.get(i), amounts.get(i)));
        }
        return split;
    }

    /** What {@code sharer} is paid when a sale carrying {@code budget} comes through their link (level 1). */
    public Money direct(AccountId sharer, Money budget) {
        return direct(sharer, List.of(budget)).get(0);
    }

    /** The same for several budgets (every SKU of a product page), reading the sharer's tier once. */
    public List<Money> direct(AccountId sharer, List<Money> budgets) {
        List<Tiers.Tier> tier = List.of(tiers.of(sharer));
        return budgets.stream().map(budget -> split(budget, List.of(sharer), tier).get(0).amount()).toList();
    }
}
