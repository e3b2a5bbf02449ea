package com.kinshop.commission;

import com.kinshop.identity.AccountId;
import com.kinshop.ledger.Ledger;
import com.kinshop.referral.Tiers;
import tools.jackson.databind.JsonNode;
import com.kinshop.ordering.OrderTimers;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distribution end to end over HTTP: binding rules (abuse 14), two-level commission from estimated to settled, partial
 * refunds split exactly, self-purchase on and off, depth 1 vs 2, snapshotted rates, withdrawals (race 6) and a clawback
 * after withdrawal (abuse 15). The ledger is proven after each.
 */
@KinshopIT
class DistributionIT extends MoneyPathTest {

    @Autowired
    Ledger ledger;
    @Autowired
    OrderTimers timers;
    @Autowired
    MutableClock clock;
    @Autowired
    Tiers tiers;


    @BeforeEach
    void setUp() {
        policy(Map.of());
    }

    @AfterEach
    void restorePolicy() {
        policy(Map.of());
    }

    /** Sets the policy: defaults (depth 2, self-purchase on, bind at sign-in, lifetime, ¥10 minimum) plus changes. */
    private void policy(Map<String, Object> changes) {
        Map<String, Object> policy = new HashMap<>(Map.of("depth", 2, "threeLevelAllowed", false, "selfPurchase", true, "bindAt", "SIGN_IN",
                "minWithdrawalFen", 1000, "dailyWithdrawalLimitFen", 500_000, "withdrawalFeeBp", 0, "autoApproveBelowFen", 1_000_000));
        policy.putAll(changes);
        Response changed = fixtures.operator().put("/api/admin/distribution/policy", policy);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    private String openShop(Member member, String code) {
        Response opened = member.session().post("/api/me/shop", Map.of("name", code + "的小店", "code", code, "intro", ""));
        assertThat(opened.status()).as(opened.body()).isLessThan(300);
        return code;
    }

    private Response bind(Member member, String code) {
        return member.session().post("/api/me/referral", Map.of("code", code));
    }

    private static String code() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
    }

    private long owed(Member member, String kind) {
        return -ledger.balance("member:" + member.id() + ":commission:" + kind).fen();
    }

    /** A chain top ← middle ← bottom (each bound to the next up), each with a shop. */
    private record Chain(Member top, String topShop, Member middle, String middleShop, Member bottom, String bottomShop) {
    }

    private Chain chain(String name) {
        Member top = fixtures.member(name + "上上级");
        String topShop = openShop(top, code());
        Member middle = fixtures.member(name + "上级");
        assertThat(bind(middle, topShop).status()).isEqualTo(200);
        String middleShop = openShop(middle, code());
        Member bottom = fixtures.member(name + "买家");
        assertThat(bind(bottom, middleShop).status()).isEqualTo(200);
        String bottomShop = openShop(bottom, code());
        return new Chain(top, topShop, middle, middleShop, bottom, bottomShop);
    }

    private record Product(long sku, Staff supplier) {
    }

    /** A product of a supplier, sold at ¥100.00 with a fixed ¥10.00 commission budget per unit. */
    private Product product(String name, Staff supplier) {
        Response created = supplier.session().post("/api/supplier/products",
                fixtures.product(name, List.of(Fixtures.sku("标准", 10_000, 5_000, "FIXED", 1_000, 100))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Fixtures.upload(supplier.session(), "/api/supplier/products/" + id + "/images", "image", Fixtures.png(200, 200));
        supplier.session().post("/api/supplier/products/" + id + "/submit", Map.of());
        fixtures.operator().post("/api/admin/products/" + id + "/approve", Map.of());
        return new Product(created.json().get("skus").get(0).get("id").asLong(), supplier);
    }

    private Product product(String name) {
        return product(name, fixtures.supplier(name + "供应商"));
    }

    /** Through a share link: the shop's code goes into the cart lines (cookie ks_ref). */
    private void arriveThrough(Member buyer, String shopCode) {
        assertThat(buyer.session().get("/s/" + shopCode).status()).isEqualTo(200);
    }

    private void shipReceiveAndComplete(Member buyer, String order, Staff supplier) {
        assertThat(supplier.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "顺丰", "trackingNumber", "SF" + order))
                .status()).isEqualTo(200);
        assertThat(buyer.session().post("/api/me/orders/" + order + "/receipt", Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        timers.runDue();
        assertThat(purchases.status(order)).isEqualTo("COMPLETED");
    }

    @Test
    void bindingRefusesSelfCyclesAndLaterLinksAndRecruitingAloneEarnsNothing() {
        Member a = fixtures.member("绑定甲");
        String aShop = openShop(a, code());
        Member b = fixtures.member("绑定乙");
        String bShop = openShop(b, code());

        assertThat(bind(a, aShop).fieldError("code")).isEqualTo("不能绑定自己");
        assertThat(bind(b, aShop).status()).isEqualTo(200);
        assertThat(bind(a, bShop).json().get("detail").asString()).as("A→B→A").isEqualTo("不能绑定自己的下级（会形成循环）");
        Member c = fixtures.member("绑定丙");
        String cShop = openShop(c, code());
        arriveThrough(b, cShop);
        assertThat(bind(b, cShop).json().get("detail").asString()).as("a later link").isEqualTo("你已经有邀请人了，邀请关系终身锁定，不能更换");
        assertThat(b.session().get("/api/me/referral").json().get("referrer").get("id").asLong()).isEqualTo(a.id());
        assertThat(bind(c, "nosuchcode").fieldError("code")).isEqualTo("邀请码不存在");

        for (int i = 0; i < 5; i++) {
            assertThat(bind(fixtures.member("只拉人头" + i), aShop).status()).isEqualTo(200);
        }
        assertThat(a.session().get("/api/me/team").json().size()).as("5 recruits + B").isEqualTo(6);
        assertThat(owed(a, "estimated") + owed(a, "available")).as("no reward per recruit").isZero();

        Response loop = fixtures.operator().post("/api/admin/members/" + a.id() + "/referrer", Map.of("referrerId", b.id(), "reason", "运营改绑"));
        assertThat(loop.status()).as("even an operator cannot close a loop").isEqualTo(409);
        Response noReason = fixtures.operator().post("/api/admin/members/" + c.id() + "/referrer", Map.of("referrerId", a.id(), "reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(fixtures.operator().post("/api/admin/members/" + c.id() + "/referrer", Map.of("referrerId", a.id(), "reason", "客服核实后绑定"))
                .status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from referral_rebind_audit where member_id = ?").param(c.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(b.session().get("/api/admin/distribution/policy").status()).as("members cannot read or change the policy").isEqualTo(403);
    }

    @Test
    void aVisitorThroughAShareLinkIsBoundWhenTheySignIn() {
        Member sharer = fixtures.member("分享者");
        String shop = openShop(sharer, code());
        Member visitor = fixtures.member("点链接的人");
        arriveThrough(visitor, shop);
        visitor.session().get("/me");
        assertThat(visitor.session().get("/api/me/referral").json().get("referrer").get("id").asLong()).isEqualTo(sharer.id());
    }

    @Test
    void twoLevelsEarnFromEstimatedToSettledAndAThirdUplineEarnsNothing() {
        Chain chain = chain("两级");
        Member buyer = fixtures.member("两级下单人");
        assertThat(bind(buyer, chain.bottomShop()).status()).isEqualTo(200);
        Product product = product("两级商品");

        String order = purchases.placeAndPay(buyer, 2, product.sku()).orderNumbers().get(0);

        assertThat(owed(chain.bottom(), "estimated")).as("level 1: ¥20.00 budget × 60%").isEqualTo(1_200);
        assertThat(owed(chain.middle(), "estimated")).as("level 2: × 20%").isEqualTo(400);
        assertThat(owed(chain.top(), "estimated")).as("depth 2: the third upline earns nothing").isZero();
        assertThat(chain.bottom().session().get("/api/me/earnings").json().get("entries").get(0).get("status").asString()).isEqualTo("ESTIMATED");

        shipReceiveAndComplete(buyer, order, product.supplier());

        assertThat(owed(chain.bottom(), "estimated")).isZero();
        assertThat(owed(chain.bottom(), "available")).isEqualTo(1_200);
        assertThat(owed(chain.middle(), "available")).isEqualTo(400);
        assertThat(ledger.balance("order:" + purchases.orderId(order) + ":escrow").fen()).isZero();
        assertThat(chain.bottom().session().get("/api/me/earnings/history").json().get(0).get("description").asString()).contains("已完成");
    }

    /**
     * Settlement in one move per order: each beneficiary hears once per order, with the total of all its lines, and the
     * tier check that follows promotes the shop owner whose own sales through the shop passed OWNER's ¥1,000.
     */
    @Test
    void aCompletedOrderTellsEachBeneficiaryOnceWithTheirTotalAndPromotesByOwnSales() {
        Chain chain = chain("结算一次");
        Member buyer = fixtures.member("结算一次买家");
        assertThat(bind(buyer, chain.bottomShop()).status()).isEqualTo(200);
        arriveThrough(buyer, chain.bottomShop());
        Staff supplier = fixtures.supplier("结算一次供应商");
        Product first = product("结算一次甲", supplier);
        Product second = product("结算一次乙", supplier);
        String order = purchases.placeAndPay(buyer, 6, first.sku(), second.sku()).orderNumbers().get(0);
        assertThat(tiers.of(new AccountId(chain.bottom().id())).code()).as("¥1,200 sold, but not completed yet").isEqualTo("MEMBER");

        shipReceiveAndComplete(buyer, order, supplier);

        assertThat(owed(chain.bottom(), "available")).as("2 lines × ¥60 budget × 60%").isEqualTo(7_200);
        assertThat(owed(chain.middle(), "available")).as("× 20%").isEqualTo(2_400);
        Purchases.await("the promotion", () -> tiers.of(new AccountId(chain.bottom().id())).code().equals("OWNER"));
        Purchases.await("the messages", () -> settledMessages(chain.middle()).size() == 1);
        assertThat(settledMessages(chain.bottom())).as("one message for the order, not one per line").containsExactly(order + "\u001f72.00");
        assertThat(settledMessages(chain.middle())).containsExactly(order + "\u001f24.00");
        assertThat(settledMessages(chain.top())).isEmpty();
        assertThat(tiers.of(new AccountId(chain.middle().id())).code()).as("nothing sold through the middle's shop").isEqualTo("MEMBER");
        assertThat(jdbc.sql("select member_id, sales_fen from member_sales_day where member_id in (?, ?)").params(chain.bottom().id(), chain.middle().id())
                .query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2)).list())
                .as("counted once, for the shop's owner: 6 × ¥100 per line, two lines").containsExactly(chain.bottom().id() + ":120000");
        long firstLine = jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ? order by l.id limit 1").param(order)
                .query(Long.class).single();
        Response late = fixtures.operator().post("/api/admin/orders/" + order + "/refunds", Map.of("lineId", firstLine, "quantity", 1, "note", "质量问题，平台退款"));
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(jdbc.sql("select sales_fen from member_sales_day where member_id = ?").param(chain.bottom().id()).query(Long.class).single())
                .as("a unit refunded after completion no longer counts as sold").isEqualTo(110_000);
        assertThat(jdbc.sql("select count(*) from commission c join orders o on o.id = c.order_id where o.number = ? and c.status = 'SETTLED' and c.settled_at is not null")
                .param(order).query(Integer.class).single()).isEqualTo(4);
    }

    /**
     * Two nodes' sweeps complete the same sharer's orders at once: each order is completed once, and the owner's own
     * sales for the day (an upsert both sweeps add to) come out as the exact sum, not one sweep's share.
     */
    @Test
    void concurrentSweepsCountEveryCompletedOrderOnceInTheOwnersSales() throws Exception {
        Chain chain = chain("并发结算");
        Member buyer = fixtures.member("并发结算买家");
        assertThat(bind(buyer, chain.bottomShop()).status()).isEqualTo(200);
        arriveThrough(buyer, chain.bottomShop());
        Staff supplier = fixtures.supplier("并发结算供应商");
        Product product = product("并发结算商品", supplier);
        List<String> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String order = purchases.placeAndPay(buyer, 1, product.sku()).orderNumbers().get(0);
            assertThat(supplier.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "顺丰", "trackingNumber", "SF" + order))
                    .status()).isEqualTo(200);
            assertThat(buyer.session().post("/api/me/orders/" + order + "/receipt", Map.of()).status()).isEqualTo(200);
            orders.add(order);
        }
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        Concurrently.all(2, () -> {
            timers.runDue();
            return null;
        });

        assertThat(orders).allSatisfy(order -> assertThat(purchases.status(order)).isEqualTo("COMPLETED"));
        assertThat(jdbc.sql("select coalesce(sum(sales_fen), 0) from member_sales_day where member_id = ?").param(chain.bottom().id())
                .query(Long.class).single()).as("six orders of ¥100, each counted once").isEqualTo(60_000);
        assertThat(owed(chain.bottom(), "available")).as("6 × ¥10 budget × 60%, settled once each").isEqualTo(3_600);
    }

    private List<String> settledMessages(Member member) {
        return jdbc.sql("select args from inbox_message where account_id = ? and message_key = 'inbox.commission.settled' order by id")
                .param(member.id()).query(String.class).list();
    }

    @Test
    void depthOnePaysOnlyTheReferrer() {
        policy(Map.of("depth", 1));
        Chain chain = chain("一级");
        Member buyer = fixtures.member("一级下单人");
        bind(buyer, chain.bottomShop());
        purchases.placeAndPay(buyer, 1, product("一级商品").sku());
        assertThat(owed(chain.bottom(), "estimated")).isEqualTo(600);
        assertThat(owed(chain.middle(), "estimated")).isZero();
        assertThat(fixtures.operator().put("/api/admin/distribution/policy", Map.of("depth", 3, "threeLevelAllowed", false, "selfPurchase", true,
                "bindAt", "SIGN_IN", "minWithdrawalFen", 1000, "dailyWithdrawalLimitFen", 500_000, "withdrawalFeeBp", 0, "autoApproveBelowFen", 0))
                .fieldError("depth")).isEqualTo("三级分佣需要先打开合规开关（三级及以上有传销风险）");
    }

    @Test
    void selfPurchaseThroughOnesOwnShopEarnsLevelOneOnlyWhenThePolicySaysSo() {
        Chain on = chain("自购开");
        arriveThrough(on.bottom(), on.bottomShop());
        purchases.placeAndPay(on.bottom(), 1, product("自购开商品").sku());
        assertThat(owed(on.bottom(), "estimated")).as("自购省钱").isEqualTo(600);
        assertThat(owed(on.middle(), "estimated")).isEqualTo(200);
        assertThat(owed(on.top(), "estimated")).isZero();

        policy(Map.of("selfPurchase", false));
        Chain off = chain("自购关");
        arriveThrough(off.bottom(), off.bottomShop());
        purchases.placeAndPay(off.bottom(), 1, product("自购关商品").sku());
        assertThat(owed(off.bottom(), "estimated")).isZero();
        assertThat(owed(off.middle(), "estimated")).as("the buyer's referrer is level 1").isEqualTo(600);
        assertThat(owed(off.top(), "estimated")).isEqualTo(200);
    }

    @Test
    void aPartialRefundOfOneLineOfAMultiLineOrderCancelsExactlyItsShareAndTheSnapshotRateSettles() {
        Chain chain = chain("部分退");
        Member buyer = fixtures.member("部分退买家");
        bind(buyer, chain.bottomShop());
        Staff supplier = fixtures.supplier("部分退供应商");
        Product first = product("部分退甲", supplier);
        Product second = product("部分退乙", supplier);
        String order = purchases.placeAndPay(buyer, 3, first.sku(), second.sku()).orderNumbers().get(0);
        assertThat(owed(chain.bottom(), "estimated")).as("2 lines × ¥30 budget × 60%").isEqualTo(3_600);
        long line = jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ? and l.sku_id = ?")
                .params(order, first.sku()).query(Long.class).single();
        assertThat(fixtures.operator().put("/api/admin/tiers/MEMBER", Map.of("level1ShareBp", 5000, "level2ShareBp", 2000)).status()).isEqualTo(200);
        try {
            String refund = buyer.session().post("/api/me/orders/" + order + "/after-sales",
                    Map.of("lineId", line, "kind", "REFUND_ONLY", "quantity", 1, "reason", "多买了一件")).json().get("number").asString();
            supplier.session().post("/api/supplier/after-sales/" + refund + "/approve", Map.of());
            Purchases.await("refund", () -> "REFUNDED".equals(jdbc.sql("select status from after_sale where number = ?").param(refund)
                    .query(String.class).single()));

            assertThat(owed(chain.bottom(), "estimated")).as("line 1 keeps 2/3 of ¥18.00, line 2 all of ¥18.00").isEqualTo(1_200 + 1_800);
            assertThat(owed(chain.middle(), "estimated")).as("level 2: 2/3 of ¥6.00 + ¥6.00").isEqualTo(400 + 600);

            shipReceiveAndComplete(buyer, order, supplier);
            assertThat(owed(chain.bottom(), "available")).as("the rate at payment, not the tier's new one").isEqualTo(3_000);
        } finally {
            fixtures.operator().put("/api/admin/tiers/MEMBER", Map.of("level1ShareBp", 6000, "level2ShareBp", 2000));
        }
    }

    @Test
    void twentyParallelWithdrawalsAgainstABalanceThatCoversOnePayOnceAndAClawbackAfterwardsBlocksTheNext() throws Exception {
        Chain chain = chain("提现");
        Member buyer = fixtures.member("提现买家");
        bind(buyer, chain.bottomShop());
        Product product = product("提现商品");
        String order = purchases.placeAndPay(buyer, 5, product.sku()).orderNumbers().get(0);
        shipReceiveAndComplete(buyer, order, product.supplier());
        assertThat(owed(chain.bottom(), "available")).isEqualTo(3_000);
        Response overBalance = chain.bottom().session().post("/api/me/withdrawals", Map.of("amountFen", 9_999_900),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(overBalance.status()).as(overBalance.body()).isEqualTo(409);
        assertThat(overBalance.json().get("detail").asString()).as("the balance, not the daily limit, is what stops ¥99,999")
                .isEqualTo("可提现余额不足，当前可提现 ¥30.00");

        List<Response> attempts = Concurrently.all(20, () -> chain.bottom().session().post("/api/me/withdrawals", Map.of("amountFen", 3_000),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));

        assertThat(attempts.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(attempts.stream().filter(r -> r.status() == 409)).hasSize(19);
        Purchases.await("the payout", () -> "PAID".equals(jdbc.sql("select status from withdrawal where member_id = ?").param(chain.bottom().id())
                .query(String.class).single()));
        assertThat(jdbc.sql("select count(*) from sandbox_payout where payee = ?").param("member:" + chain.bottom().id()).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(owed(chain.bottom(), "available")).isZero();

        long line = jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ?").param(order).query(Long.class).single();
        Response late = fixtures.operator().post("/api/admin/orders/" + order + "/refunds", Map.of("lineId", line, "quantity", 2, "note", "质量问题，平台退款"));
        assertThat(late.status()).as(late.body()).isEqualTo(200);

        assertThat(owed(chain.bottom(), "available")).as("2 of 5 units' commission clawed back after withdrawal: a debt").isEqualTo(-1_200);
        assertThat(chain.bottom().session().post("/api/me/withdrawals", Map.of("amountFen", 1_000), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .json().get("detail").asString()).isEqualTo("可提现余额不足（有扣回未抵扣完时暂不能提现）");
        assertThat(chain.bottom().session().get("/api/me/earnings/history").json().get(0).get("description").asString()).contains("扣回");
        assertThat(chain.bottom().session().get("/api/me/earnings").json().get("summary").get("available").get("fen").asLong()).isEqualTo(-1_200);
        Purchases.await("the refund", () -> jdbc.sql("select count(*) from refund r join orders o on o.payment_number = r.payment_number where o.number = ? and r.status = 'SUCCEEDED'")
                .param(order).query(Integer.class).single() == 1);
        assertThat(ledger.balance("order:" + purchases.orderId(order) + ":escrow").fen()).isZero();
    }

    @Test
    void aMembersOwnAccountBuyingThroughThemIsHeldUntilTheOperatorReleasesIt() {
        Member sharer = fixtures.member("自己人");
        String shop = openShop(sharer, code());
        Member secondAccount = fixtures.member("自己人小号");
        bind(secondAccount, shop);
        Product product = product("刷单商品");
        secondAccount.session().post("/api/me/cart/items", Map.of("skuId", product.sku(), "quantity", 1));
        long address = secondAccount.session().post("/api/me/addresses", Map.of("receiver", "自己人", "phone", sharer.phone(), "region", "上海市",
                "detail", "同一个地址 1 号")).json().get("id").asLong();
        Response placed = secondAccount.session().post("/api/me/checkouts", Map.of("addressId", address), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String checkout = placed.json().get("checkoutNumber").asString();
        String order = placed.json().get("orders").get(0).asString();
        purchases.cashier(secondAccount, purchases.startPayment(secondAccount, checkout).get("payUrl").asString(), "pay");
        Purchases.await("paid", () -> "PAID".equals(purchases.status(order)));

        Response held = fixtures.operator().get("/api/admin/held-commissions");
        long commission = held.json().get(held.json().size() - 1).get("commissionId").asLong();
        assertThat(held.json().get(held.json().size() - 1).get("reasons").get(0).asString()).contains("本人");
        assertThat(fixtures.operator().get("/console/admin/compliance").body()).as("the operator's review page").contains("订单收货手机号属于获佣会员本人");
        shipReceiveAndComplete(secondAccount, order, product.supplier());
        assertThat(owed(sharer, "available")).as("held: not settled with the order").isZero();
        assertThat(owed(sharer, "estimated")).isEqualTo(600);

        assertThat(sharer.session().post("/api/admin/held-commissions/" + commission + "/release", Map.of()).status()).isEqualTo(403);
        assertThat(fixtures.operator().post("/api/admin/held-commissions/" + commission + "/release", Map.of()).status()).isEqualTo(200);
        assertThat(owed(sharer, "available")).isEqualTo(600);
        assertThat(fixtures.operator().post("/api/admin/held-commissions/" + commission + "/void", Map.of()).status()).as("once").isEqualTo(409);
    }

    @Test
    void theComplianceReportProvesTwoLevelsAndFlagsAThirdWhenTheSwitchAllowedIt() {
        Response clean = fixtures.operator().get("/api/admin/compliance");
        assertThat(clean.json().get("untraceable").size()).isZero();
        assertThat(clean.json().get("maxPaidDepth").asInt()).isLessThanOrEqualTo(2);

        policy(Map.of("depth", 3, "threeLevelAllowed", true));
        Chain chain = chain("三级");
        Member buyer = fixtures.member("三级买家");
        bind(buyer, chain.bottomShop());
        fixtures.operator().put("/api/admin/tiers/MEMBER", Map.of("level1ShareBp", 6000, "level2ShareBp", 2000));
        fixtures.operator().put("/api/admin/tiers/MEMBER", Map.of("level1ShareBp", 6000, "level2ShareBp", 2000, "level3ShareBp", 1000));
        try {
            purchases.placeAndPay(buyer, 1, product("三级商品").sku());
            assertThat(owed(chain.top(), "estimated")).isEqualTo(100);
            Response report = fixtures.operator().get("/api/admin/compliance");
            assertThat(report.json().get("maxPaidDepth").asInt()).isEqualTo(3);
            assertThat(report.json().get("beyondTwoLevels").toString()).contains(String.valueOf(chain.top().id()));
            String csv = fixtures.operator().get("/api/admin/compliance.csv").body();
            assertThat(csv).contains("max_paid_depth,3", "beyond_two_levels," + chain.top().id(), "entry_fee_possible,no");
        } finally {
            jdbc.sql("update tier set level3_share_bp = 0 where code = 'MEMBER'").update();
        }
    }

    @Test
    void theSupplierSeesSalesAndCommissionBySharer() {
        Chain chain = chain("渠道");
        Member buyer = fixtures.member("渠道买家");
        bind(buyer, chain.bottomShop());
        arriveThrough(buyer, chain.bottomShop());
        Product product = product("渠道商品");
        purchases.placeAndPay(buyer, 2, product.sku());

        Response channels = product.supplier().session().get("/api/supplier/channels?days=30");
        assertThat(channels.status()).isEqualTo(200);
        assertThat(channels.json().get(0).get("shopCode").asString()).isEqualTo(chain.bottomShop());
        assertThat(channels.json().get(0).get("sales").get("fen").asLong()).isEqualTo(20_000);
        assertThat(channels.json().get(0).get("commission").get("fen").asLong()).isEqualTo(1_200 + 400);
        assertThat(product.supplier().session().get("/api/supplier/channels?days=0").fieldError("days")).isEqualTo("天数应为 1 到 366");
        assertThat(product.supplier().session().get("/console/supplier/channels").body()).contains(chain.bottomShop().substring(0, 4));
    }

    @Test
    void refundsTakeGoodsNotShippingOffTeamSalesAndAFullyRefundedOrderIsNoLongerAnOrder() {
        Chain chain = chain("退款团队");
        Member buyer = fixtures.member("退款团队买家");
        bind(buyer, chain.bottomShop());
        arriveThrough(buyer, chain.bottomShop());
        Product product = product("退款团队商品");
        assertThat(product.supplier().session().put("/api/supplier/shipping", Map.of("flatFeeFen", 1_000)).status()).isEqualTo(200);
        String refundedInFull = purchases.placeAndPay(buyer, 1, product.sku()).orderNumbers().get(0);
        String keptInPart = purchases.placeAndPay(buyer, 2, product.sku()).orderNumbers().get(0);

        refund(buyer, product.supplier(), refundedInFull, 1);
        refund(buyer, product.supplier(), keptInPart, 1);
        assertThat(jdbc.sql("select refunded_fen from orders where number = ?").param(refundedInFull).query(Long.class).single())
                .as("the last unit before shipping takes the ¥10.00 shipping with it").isEqualTo(11_000);

        JsonNode member = chain.bottom().session().get("/api/me/team").json().get(0);
        assertThat(member.get("id").asLong()).isEqualTo(buyer.id());
        assertThat(member.get("orders").asLong()).as("the fully refunded order is not an order").isEqualTo(1);
        assertThat(member.get("sales").get("fen").asLong()).as("¥300.00 of goods less ¥200.00 refunded goods, shipping aside").isEqualTo(10_000);
        assertThat(chain.bottom().session().get("/api/me/earnings").json().get("journey").get("orders").asLong())
                .as("link conversion counts the order still standing").isEqualTo(1);
        JsonNode channel = product.supplier().session().get("/api/supplier/channels?days=30").json().get(0);
        assertThat(channel.get("orders").asLong()).isEqualTo(1);
        assertThat(channel.get("sales").get("fen").asLong()).isEqualTo(10_000);
    }

    private void refund(Member buyer, Staff supplier, String order, int quantity) {
        long line = jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ?").param(order).query(Long.class).single();
        Response requested = buyer.session().post("/api/me/orders/" + order + "/after-sales",
                Map.of("lineId", line, "kind", "REFUND_ONLY", "quantity", quantity, "reason", "不想要了"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String number = requested.json().get("number").asString();
        assertThat(supplier.session().post("/api/supplier/after-sales/" + number + "/approve", Map.of()).status()).isEqualTo(200);
        Purchases.await("refund " + number, () -> "REFUNDED".equals(jdbc.sql("select status from after_sale where number = ?").param(number)
                .query(String.class).single()));
    }

    @Test
    void withBindingAtTheFirstPaidOrderTheLinkOfThatOrderBindsAndEarns() {
        policy(Map.of("bindAt", "FIRST_ORDER"));
        Member sharer = fixtures.member("首单绑定分享者");
        String shop = openShop(sharer, code());
        Member buyer = fixtures.member("首单绑定买家");
        arriveThrough(buyer, shop);
        buyer.session().get("/me");
        assertThat(buyer.session().get("/api/me/referral").json().get("referrer").isNull()).as("not yet: no order").isTrue();

        purchases.placeAndPay(buyer, 1, product("首单绑定商品").sku());

        assertThat(buyer.session().get("/api/me/referral").json().get("referrer").get("id").asLong()).isEqualTo(sharer.id());
        assertThat(owed(sharer, "estimated")).isEqualTo(600);
    }

    @Test
    void aBindingLimitedToNDaysLapsesAndOnlyThenALaterLinkBinds() {
        policy(Map.of("lockDays", 30));
        Member first = fixtures.member("期限甲");
        String firstShop = openShop(first, code());
        Member second = fixtures.member("期限乙");
        String secondShop = openShop(second, code());
        Member member = fixtures.member("期限会员");
        bind(member, firstShop);
        assertThat(bind(member, secondShop).status()).isEqualTo(409);

        clock.advance(Duration.ofDays(31));

        assertThat(bind(member, secondShop).status()).isEqualTo(200);
        assertThat(member.session().get("/api/me/referral").json().get("referrer").get("id").asLong()).isEqualTo(second.id());
    }
}
