package com.kinshop.referral;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.shared.DemoDataSeeder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A referral tree three levels deep among the demo members, bound before the demo orders are paid so those orders earn
 * commission: 林晓雨 ← 王大锤 ← 陈美美 ← 张小凡 and 赵敏 (each bound through the upline's shop code).
 */
@Component
@Order(35)
class ReferralDemoData implements DemoDataSeeder {

    private static final String[][] BINDINGS = {
            {"13800000002", "xiaoyu"}, {"13800000003", "dachui"}, {"13800000004", "meimei"}, {"13800000005", "meimei"}};

    private final Referrals referrals;
    private final Accounts accounts;

    ReferralDemoData(Referrals referrals, Accounts accounts) {
        this.referrals = referrals;
        this.accounts = accounts;
    }

    @Override
    public void seed() {
        for (String[] binding : BINDINGS) {
            AccountId member = accounts.findByPhone(binding[0]).orElseThrow().id();
            referrals.bind(member, binding[1], Referrals.Source.INVITE_CODE);
        }
    }
}
