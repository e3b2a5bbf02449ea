package com.kinshop.coupon;

import com.kinshop.catalog.SupplierStatus;
import com.kinshop.catalog.SupplierView;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.Accounts;
import com.kinshop.shared.DemoDataSeeder;
import com.kinshop.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Coupons to look at: the platform's 新人券 (满99减10, given to every new account), a platform 折扣 coupon and a
 * supplier's 满减 coupon in the 领券中心, some of them claimed by the demo members (through the same services).
 */
@Component
@Order(38) // before the demo orders, so the demo members check out with the coupons they hold
class CouponDemoData implements DemoDataSeeder {

    private final CouponTemplates templates;
    private final CouponClaims claims;
    private final Suppliers suppliers;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final boolean memberCoupons;

    /**
     * {@code kinshop.demo.member-coupons=false} (the tests) leaves out the 新人券 and the demo members' claims: a coupon
     * every new account receives would take money off every test checkout that lets the server pick.
     */
    CouponDemoData(CouponTemplates templates, CouponClaims claims, Suppliers suppliers, Accounts accounts, JdbcClient jdbc,
                   @Value("${kinshop.demo.member-coupons:true}") boolean memberCoupons) {
        this.memberCoupons = memberCoupons;
        this.templates = templates;
        this.claims = claims;
        this.suppliers = suppliers;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public void seed() {
        if (jdbc.sql("select exists (select 1 from coupon_template)").query(Boolean.class).single()) {
            return;
        }
        if (memberCoupons) {
            templates.create(null, new TemplateForm("新人券", CouponTerms.amountOff(Money.fen(1000), Money.fen(9900)), CouponScope.PLATFORM, null,
                    null, null, 30, 100_000, 1, true));
        }
        long percent = templates.create(null, new TemplateForm("全场9折券", CouponTerms.percentOff(10, Money.fen(2000), Money.ZERO),
                CouponScope.PLATFORM, null, null, null, 14, 5000, 2, false)).id();
        templates.create(null, new TemplateForm("限量无门槛5元", CouponTerms.noThreshold(Money.fen(500)), CouponScope.PLATFORM, null,
                null, null, 7, 3, 1, false));
        List<SupplierView> approved = suppliers.list(SupplierStatus.APPROVED).stream().sorted(Comparator.comparingLong(s -> s.id().value())).toList();
        Long shop = approved.isEmpty() ? null : templates.create(approved.get(0).id(), new TemplateForm("店铺满200减20",
                CouponTerms.amountOff(Money.fen(2000), Money.fen(20_000)), CouponScope.SUPPLIER, null, null, null, 30, 1000, 1, false)).id();
        for (String phone : memberCoupons ? List.of("13800000004", "13800000005") : List.<String>of()) {
            accounts.findByPhone(phone).ifPresent(member -> {
                claims.claim(member.id(), percent);
                if (shop != null) {
                    claims.claim(member.id(), shop);
                }
            });
        }
    }
}
