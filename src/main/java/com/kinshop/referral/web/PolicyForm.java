package com.kinshop.referral.web;

import com.kinshop.shared.FormAmounts;

import com.kinshop.referral.DistributionPolicy;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;

import java.math.BigDecimal;

/**
 * The 分销设置 form as the operator types it: amounts in yuan, the fee in percent, the lock as "for life" or a number of
 * days. Each field is kept as typed, so a refusal shows it again next to its message.
 */
public class PolicyForm {

    private int depth = 2;
    private boolean threeLevelAllowed;
    private boolean selfPurchase;
    private DistributionPolicy.BindAt bindAt = DistributionPolicy.BindAt.SIGN_IN;
    private boolean lifetimeLock = true;
    private String lockDays = "";
    private String minWithdrawal = "";
    private String dailyWithdrawalLimit = "";
    private String withdrawalFeePercent = "";
    private String autoApproveBelow = "";

    static PolicyForm of(DistributionPolicy policy) {
        PolicyForm form = new PolicyForm();
        form.depth = policy.depth();
        form.threeLevelAllowed = policy.threeLevelAllowed();
        form.selfPurchase = policy.selfPurchase();
        form.bindAt = policy.bindAt();
        form.lifetimeLock = policy.lockDays() == null;
        form.lockDays = policy.lockDays() == null ? "" : policy.lockDays().toString();
        form.minWithdrawal = policy.minWithdrawal().toPlainString();
        form.dailyWithdrawalLimit = policy.dailyWithdrawalLimit().toPlainString();
        form.withdrawalFeePercent = new BigDecimal(policy.withdrawalFeeBp()).movePointLeft(2).stripTrailingZeros().toPlainString();
        form.autoApproveBelow = policy.autoApproveBelow().toPlainString();
        return form;
    }

    /** The policy this form asks for; a malformed number is refused naming its field. */
    DistributionPolicy toPolicy() {
        Integer days = null;
        if (!lifetimeLock) {
            try {
                days = Integer.valueOf(lockDays.strip());
            } catch (RuntimeException e) {
                throw BusinessException.invalid("lockDays", "policy.lock-days.range");
            }
        }
        return new DistributionPolicy(depth, threeLevelAllowed, selfPurchase, bindAt == null ? DistributionPolicy.BindAt.SIGN_IN : bindAt, days,
                FormAmounts.money(minWithdrawal, "minWithdrawal"), FormAmounts.money(dailyWithdrawalLimit, "dailyWithdrawalLimit"), feeBasisPoints(),
                FormAmounts.money(autoApproveBelow, "autoApproveBelow"));
    }


    private int feeBasisPoints() {
        try {
            return new BigDecimal(withdrawalFeePercent.strip()).movePointRight(2).intValueExact();
        } catch (RuntimeException e) {
            throw BusinessException.invalid("withdrawalFeeBp", "policy.withdrawal-fee.range");
        }
    }

    public int getDepth() {
        return depth;
    }

    public void setDepth(int depth) {
        this.depth = depth;
    }

    public boolean isThreeLevelAllowed() {
        return threeLevelAllowed;
    }

    public void setThreeLevelAllowed(boolean threeLevelAllowed) {
        this.threeLevelAllowed = threeLevelAllowed;
    }

    public boolean isSelfPurchase() {
        return selfPurchase;
    }

    public void setSelfPurchase(boolean selfPurchase) {
        this.selfPurchase = selfPurchase;
    }

    public DistributionPolicy.BindAt getBindAt() {
        return bindAt;
    }

    public void setBindAt(DistributionPolicy.BindAt bindAt) {
        this.bindAt = bindAt;
    }

    public boolean isLifetimeLock() {
        return lifetimeLock;
    }

    public void setLifetimeLock(boolean lifetimeLock) {
        this.lifetimeLock = lifetimeLock;
    }

    public String getLockDays() {
        return lockDays;
    }

    public void setLockDays(String lockDays) {
        this.lockDays = lockDays == null ? "" : lockDays;
    }

    public String getMinWithdrawal() {
        return minWithdrawal;
    }

    public void setMinWithdrawal(String minWithdrawal) {
        this.minWithdrawal = minWithdrawal == null ? "" : minWithdrawal;
    }

    public String getDailyWithdrawalLimit() {
        return dailyWithdrawalLimit;
    }

    public void setDailyWithdrawalLimit(String dailyWithdrawalLimit) {
        this.dailyWithdrawalLimit = dailyWithdrawalLimit == null ? "" : dailyWithdrawalLimit;
    }

    /** Named like the policy's field so a refusal about the fee lands here. */
    public String getWithdrawalFeeBp() {
        return withdrawalFeePercent;
    }

    public void setWithdrawalFeeBp(String withdrawalFeePercent) {
        this.withdrawalFeePercent = withdrawalFeePercent == null ? "" : withdrawalFeePercent;
    }

    public String getAutoApproveBelow() {
        return autoApproveBelow;
    }

    public void setAutoApproveBelow(String autoApproveBelow) {
        this.autoApproveBelow = autoApproveBelow == null ? "" : autoApproveBelow;
    }
}
