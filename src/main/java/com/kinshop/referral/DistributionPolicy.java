package com.kinshop.referral;

import com.kinshop.shared.Money;

/**
 * The operator's distribution policy.
 *
 * @param depth             levels that earn commission: 1 or 2; 3 only with {@code threeLevelAllowed}
 * @param threeLevelAllowed the explicit compliance switch (Chinese anti-pyramid rules treat three levels as the line)
 * @param selfPurchase      a shop owner buying through their own shop earns level 1 on it (自购省钱)
 * @param bindAt            when a visitor is bound to the member whose link they came through
 * @param lockDays          null: bound for life (终身锁定); otherwise the binding lapses after this many days
 */
public record DistributionPolicy(int depth, boolean threeLevelAllowed, boolean selfPurchase, BindAt bindAt, Integer lockDays,
                                 Money minWithdrawal, Money dailyWithdrawalLimit, int withdrawalFeeBp, Money autoApproveBelow) {

    public enum BindAt { SIGN_IN, FIRST_ORDER }

    public boolean warnsOfThreeLevels() {
        return depth > 2;
    }
}
