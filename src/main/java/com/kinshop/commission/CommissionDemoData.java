package com.kinshop.commission;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.shared.DemoDataSeeder;
import com.kinshop.shared.Money;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After the demo orders: the members whose referrals' orders completed withdraw part of what they earned, so the
 * member centre and the operator's queue show paid and waiting withdrawals.
 */
@Component
@Order(45)
class CommissionDemoData implements DemoDataSeeder {

    private final Withdrawals withdrawals;
    private final Earnings earnings;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final com.kinshop.referral.DistributionPolicies policies;

    CommissionDemoData(Withdrawals withdrawals, Earnings earnings, Accounts accounts, JdbcClient jdbc,
                       com.kinshop.referral.DistributionPolicies policies) {
        this.policies = policies;
        this.withdrawals = withdrawals;
        this.earnings = earnings;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public void seed() {
        if (jdbc.sql("select exists (select 1 from withdrawal)").query(Boolean.class).single()) {
            return;
        }
        for (String phone : new String[] {"13800000003", "13800000001"}) {
            AccountId member = accounts.findByPhone(phone).orElseThrow().id();
            Money available = earnings.summary(member).available();
            Money half = Money.fen(available.fen() / 2);
            if (half.compareTo(policies.current().minWithdrawal()) >= 0) {
                withdrawals.request(member, half);
            }
        }
    }
}
