package com.kinshop.referral;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Reads and changes the distribution policy. The compliance guard is here and in the table's check constraint: depth
 * above 2 needs the explicit switch. There is no setting for an entry fee or a reward per recruit at all — the policy
 * cannot express one, so it cannot be switched on.
 */
@Service
public class DistributionPolicies {

    private final JdbcClient jdbc;
    private final Clock clock;

    DistributionPolicies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public DistributionPolicy current() {
        return jdbc.sql("""
                        select depth, three_level_allowed, self_purchase, bind_at, lock_days, min_withdrawal_fen, daily_limit_fen, withdrawal_fee_bp,
                               auto_approve_below_fen from distribution_policy where id = 1""")
                .query((rs, n) -> new DistributionPolicy(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3),
                        DistributionPolicy.BindAt.valueOf(rs.getString(4)), (Integer) rs.getObject(5), Money.fen(rs.getLong(6)),
                        Money.fen(rs.getLong(7)), rs.getInt(8), Money.fen(rs.getLong(9))))
                .single();
    }

    @Transactional
    public DistributionPolicy update(AccountId operator, DistributionPolicy policy) {
        if (policy.depth() < 1 || policy.depth() > 3) {
            throw BusinessException.invalid("depth", "policy.depth.range");
        }
        if (policy.depth() == 3 && !policy.threeLevelAllowed()) {
            throw BusinessException.invalid("depth", "policy.depth.three-needs-switch");
        }
        if (policy.lockDays() != null && (policy.lockDays() < 1 || policy.lockDays() > 3650)) {
            throw BusinessException.invalid("lockDays", "policy.lock-days.range");
        }
        if (!policy.minWithdrawal().isPositive()) {
            throw BusinessException.invalid("minWithdrawal", "policy.withdrawal-limits");
        }
        if (policy.dailyWithdrawalLimit().compareTo(policy.minWithdrawal()) < 0) {
            throw BusinessException.invalid("dailyWithdrawalLimit", "policy.withdrawal-limits");
        }
        if (policy.withdrawalFeeBp() < 0 || policy.withdrawalFeeBp() > 2000) {
            throw BusinessException.invalid("withdrawalFeeBp", "policy.withdrawal-fee.range");
        }
        if (policy.autoApproveBelow().isNegative()) {
            throw BusinessException.invalid("autoApproveBelow", "policy.auto-approve.range");
        }
        jdbc.sql("""
                        update distribution_policy set depth = ?, three_level_allowed = ?, self_purchase = ?, bind_at = ?, lock_days = ?,
                               min_withdrawal_fen = ?, daily_limit_fen = ?, withdrawal_fee_bp = ?, auto_approve_below_fen = ?, updated_by = ?, updated_at = ?
                        where id = 1""")
                .params(policy.depth(), policy.threeLevelAllowed(), policy.selfPurchase(), policy.bindAt().name(), policy.lockDays(),
                        policy.minWithdrawal().fen(), policy.dailyWithdrawalLimit().fen(), policy.withdrawalFeeBp(), policy.autoApproveBelow().fen(),
                        operator.value(), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return current();
    }
}
