package com.kinshop.bargain;

import com.kinshop.ordering.OrderTimers;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bargain's bad inputs over HTTP: each a clear localized error naming the field, and nothing changed. */
@KinshopIT
class BargainRulesIT extends MoneyPathTest {

    @Autowired
    MutableClock clock;
    @Autowired
    OrderTimers orderTimers;
    @Autowired
    BargainTimers bargainTimers;

    BargainFixtures bargains;

    @BeforeEach
    void bargainFixtures() {
        bargains = new BargainFixtures(fixtures, purchases, clock, jdbc);
    }

    @Test
    void aCampaignWithAFloorOrHelpersOutsideTheRulesIsRefusedNamingTheFieldAndNothingIsStored() {
        BargainFixtures.Shop shop = bargains.shop("规则果园");
        Instant now = clock.instant();
        Instant end = now.plus(Duration.ofDays(1));
        Response belowPriceRule = shop.staff().session().post("/api/supplier/bargain-campaigns",
                BargainFixtures.form(shop.skuId(), 5_000, 5, "24", now, end, 10));
        assertThat(belowPriceRule.status()).isEqualTo(400);
        assertThat(belowPriceRule.fieldError("floorPriceFen")).isEqualTo("底价低于价格规则允许的最低价：供货价 ¥50.00 + 佣金 ¥5.00 + 平台服务费 ¥2.50 = ¥57.50");
        Response atPrice = shop.staff().session().post("/api/supplier/bargain-campaigns?lang=en",
                BargainFixtures.form(shop.skuId(), 10_000, 5, "24", now, end, 10));
        assertThat(atPrice.fieldError("floorPriceFen")).isEqualTo("The floor price must be below the normal price ¥100.00");
        Response noHelpers = shop.staff().session().post("/api/supplier/bargain-campaigns?lang=zh_CN",
                BargainFixtures.form(shop.skuId(), 7_000, 0, "24", now, end, 10));
        assertThat(noHelpers.status()).isEqualTo(400);
        assertThat(noHelpers.fieldError("helpersNeeded")).isEqualTo("帮砍人数需在 1 到 50 人之间");
        Response tooMany = shop.staff().session().post("/api/supplier/bargain-campaigns?lang=en",
                BargainFixtures.form(shop.skuId(), 7_000, 51, "24", now, end, 10));
        assertThat(tooMany.fieldError("helpersNeeded")).isEqualTo("Helpers needed must be between 1 and 50");
        Response gapTooSmall = shop.staff().session().post("/api/supplier/bargain-campaigns?lang=zh_CN",
                BargainFixtures.form(shop.skuId(), 9_995, 5, "24", now, end, 10));
        assertThat(gapTooSmall.fieldError("floorPriceFen")).as("5 helpers and the starter need 6 fen at least")
                .isEqualTo("原价 ¥100.00 与底价之间至少要留出 6 分，每一刀至少砍 ¥0.01");
        Response badLimit = shop.staff().session().post("/api/supplier/bargain-campaigns",
                BargainFixtures.form(shop.skuId(), 7_000, 5, "PT30M", now, end, 10));
        assertThat(badLimit.fieldError("timeLimit")).startsWith("砍价时限需为 1 到 168 小时");
        Response noUnits = shop.staff().session().post("/api/supplier/bargain-campaigns",
                BargainFixtures.form(shop.skuId(), 7_000, 5, "PT12H", now, end, 0));
        assertThat(noUnits.fieldError("units")).isEqualTo("活动库存需在 1 到 10000 件之间");
        Response otherShopsSku = fixtures.supplier("别家果园").session().post("/api/supplier/bargain-campaigns",
                BargainFixtures.form(shop.skuId(), 7_000, 5, "24", now, end, 10));
        assertThat(otherShopsSku.fieldError("skuId")).isEqualTo("只能选择本店铺的商品规格");
        assertThat(jdbc.sql("select count(*) from bargain_campaign where sku_id = ?").param(shop.skuId()).query(Long.class).single()).isZero();

        Response exactGap = shop.staff().session().post("/api/supplier/bargain-campaigns",
                BargainFixtures.form(shop.skuId(), 9_994, 5, "PT12H", now, end, 10));
        assertThat(exactGap.status()).as("one fen for each of the six cuts is enough").isEqualTo(201);
        long id = exactGap.json().get("id").asLong();
        Response start = fixtures.member("太早").session().post("/api/me/bargains", Map.of("campaignId", id));
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.fieldError("campaignId")).as("not approved yet").isEqualTo("活动不在进行中");
        Response noReason = fixtures.operator().post("/api/admin/bargain-campaigns/" + id + "/approval", Map.of("approved", false));
        assertThat(noReason.fieldError("reason")).isEqualTo("驳回时请填写原因（不超过 200 字）");
        Response rejected = fixtures.operator().post("/api/admin/bargain-campaigns/" + id + "/approval", Map.of("approved", false, "reason", "底价太低"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("decisionReason").asString()).isEqualTo("底价太低");
        Response approveAfter = fixtures.operator().post("/api/admin/bargain-campaigns/" + id + "/approval", Map.of("approved", true));
        assertThat(approveAfter.status()).isEqualTo(409);
        assertThat(new com.kinshop.support.HttpSession(port).get("/api/bargain-campaigns").json().findValues("id").stream()
                .map(node -> node.asLong()).toList()).doesNotContain(id);
    }

    @Test
    void helpingTwiceHelpingOneselfAndHelpingAnExpiredBargainAreRefusedAndChangeNothing() {
        BargainFixtures.Shop shop = bargains.shop("帮砍规则果园");
        long campaign = bargains.running(shop, 7_000, 5, 10, false);
        Member starter = fixtures.member("发起人丙");
        long bargain = BargainFixtures.start(starter, campaign);
        Member friend = fixtures.member("朋友丙");
        assertThat(friend.session().post("/api/bargains/" + bargain + "/helps", Map.of()).status()).isEqualTo(201);
        long price = bargains.current(bargain);

        Response twice = friend.session().post("/api/bargains/" + bargain + "/helps?lang=en", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.fieldError("bargainId")).isEqualTo("You have already helped this bargain; everyone helps once");
        Response self = starter.session().post("/api/bargains/" + bargain + "/helps", Map.of());
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.fieldError("bargainId")).isEqualTo("不能给自己砍价：发起时你已经自砍一刀了");
        Response again = starter.session().post("/api/me/bargains", Map.of("campaignId", campaign));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.fieldError("campaignId")).isEqualTo("每人在这个活动中最多发起 1 次砍价");
        Response anonymous = new com.kinshop.support.HttpSession(port).post("/api/bargains/" + bargain + "/helps", Map.of());
        assertThat(anonymous.status()).as("helping needs an account").isEqualTo(401);
        assertThat(bargains.current(bargain)).isEqualTo(price);

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        Response late = fixtures.member("迟到的朋友").session().post("/api/bargains/" + bargain + "/helps", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.fieldError("bargainId")).isEqualTo("砍价已过期");
        Response buyLate = starter.session().post("/api/me/bargains/" + bargain + "/purchase", Map.of("addressId", purchases.address(starter)));
        assertThat(buyLate.status()).isEqualTo(409);
        assertThat(buyLate.fieldError("bargainId")).isEqualTo("砍价已过期，不能再按砍后价购买");
        assertThat(new com.kinshop.support.HttpSession(port).get("/api/bargains/" + bargain).json().get("status").asString())
                .as("expired by the clock before the timer").isEqualTo("EXPIRED");
        bargainTimers.runDue();
        assertThat(bargains.status(bargain)).isEqualTo("EXPIRED");
        assertThat(bargains.current(bargain)).isEqualTo(price);
        assertThat(jdbc.sql("select count(*) from orders where promotion_ref = ?").param("bargain:" + bargain).query(Long.class).single()).isZero();
        bargains.unitsAddUp(shop, campaign, 0, 0);
    }

    @Test
    void buyingBelowTheFloorOrAtAPriceNoLongerCurrentIsRefusedAndACancelledOrderGivesTheBargainBack() {
        BargainFixtures.Shop shop = bargains.shop("买价规则果园");
        long campaign = bargains.running(shop, 7_000, 3, 5, false);
        Member starter = fixtures.member("发起人丁");
        long bargain = BargainFixtures.start(starter, campaign);
        long address = purchases.address(starter);
        long price = bargains.current(bargain);

        Response belowFloor = starter.session().post("/api/me/bargains/" + bargain + "/purchase", Map.of("addressId", address, "expectedPriceFen", 6_999));
        assertThat(belowFloor.status()).isEqualTo(400);
        assertThat(belowFloor.fieldError("expectedPriceFen")).isEqualTo("不能低于底价 ¥70.00 购买");
        Response stale = starter.session().post("/api/me/bargains/" + bargain + "/purchase?lang=en",
                Map.of("addressId", address, "expectedPriceFen", price + 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.fieldError("expectedPriceFen")).isEqualTo("The price is now ¥" + com.kinshop.shared.Money.fen(price).toPlainString()
                + "; check it and buy again");
        Response notMine = fixtures.member("别人").session().post("/api/me/bargains/" + bargain + "/purchase", Map.of("addressId", address));
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from orders where promotion_ref = ?").param("bargain:" + bargain).query(Long.class).single()).isZero();
        bargains.unitsAddUp(shop, campaign, 0, 0);

        Map<String, String> key = Map.of("Idempotency-Key", "bargain-" + java.util.UUID.randomUUID());
        Response ordered = starter.session().post("/api/me/bargains/" + bargain + "/purchase", Map.of("addressId", address, "expectedPriceFen", price), key);
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
        Response retried = starter.session().post("/api/me/bargains/" + bargain + "/purchase", Map.of("addressId", address, "expectedPriceFen", price), key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("checkoutNumber").asString()).as("a retry answers the same order").isEqualTo(ordered.json().get("checkoutNumber").asString());
        assertThat(jdbc.sql("select count(*) from orders where promotion_ref = ?").param("bargain:" + bargain).query(Long.class).single()).isEqualTo(1);
        String order = ordered.json().get("orderNumbers").get(0).asString();
        assertThat(bargains.status(bargain)).isEqualTo("ORDERED");
        bargains.unitsAddUp(shop, campaign, 0, 1);
        Response helpWhileOrdered = fixtures.member("下单后的朋友").session().post("/api/bargains/" + bargain + "/helps", Map.of());
        assertThat(helpWhileOrdered.status()).isEqualTo(409);
        assertThat(helpWhileOrdered.fieldError("bargainId")).isEqualTo("TA已经下单，砍价结束了");
        Response twice = starter.session().post("/api/me/bargains/" + bargain + "/purchase?lang=zh_CN", Map.of("addressId", address));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.fieldError("bargainId")).isEqualTo("这个砍价已经下单，请到订单中付款");

        Response cancelled = starter.session().post("/api/me/orders/" + order + "/cancel", Map.of());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(bargains.status(bargain)).as("given back while time is left").isEqualTo("IN_PROGRESS");
        assertThat(bargains.current(bargain)).isEqualTo(price);
        bargains.unitsAddUp(shop, campaign, 0, 0);
        assertThat(fixtures.member("取消后的朋友").session().post("/api/bargains/" + bargain + "/helps", Map.of()).status())
                .as("friends can cut again").isEqualTo(201);

        // ordered again, then the payment times out after the bargain's deadline: nothing to go back to
        Response orderedAgain = starter.session().post("/api/me/bargains/" + bargain + "/purchase", Map.of("addressId", address));
        assertThat(orderedAgain.status()).as(orderedAgain.body()).isEqualTo(201);
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        orderTimers.runDue();
        assertThat(purchases.status(orderedAgain.json().get("orderNumbers").get(0).asString())).isEqualTo("CANCELLED");
        assertThat(bargains.status(bargain)).isEqualTo("EXPIRED");
        bargains.unitsAddUp(shop, campaign, 0, 0);
    }

    @Test
    void theStartersShareLinkAndPosterCarryTheirShopCode() throws Exception {
        BargainFixtures.Shop shop = bargains.shop("分享码果园");
        long campaign = bargains.running(shop, 7_000, 2, 5, false);
        Member starter = fixtures.member("开店的发起人");
        String code = com.kinshop.support.Fixtures.openShop(starter, "发起人的小店", "kb");
        long bargain = BargainFixtures.start(starter, campaign);
        String link = "http://localhost:" + port + "/bargains/" + bargain + "?s=" + code;
        assertThat(starter.session().get("/bargains/" + bargain).body()).contains("value=\"" + link + "\"");
        byte[] png = new com.kinshop.support.HttpSession(port).getBytes("/bargains/" + bargain + "/poster.png?s=" + code);
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(750);
        String decoded = com.kinshop.support.QrCodes.decode(image);
        assertThat(decoded).as("the poster's QR code is the share link").isEqualTo(link);
    }

    @Test
    void aNewMembersOnlyBargainRefusesMembersWhoRegisteredBeforeItStarted() {
        BargainFixtures.Shop shop = bargains.shop("拉新果园");
        long campaign = bargains.running(shop, 7_000, 2, 5, true);
        Member old = fixtures.member("老用户");
        clock.advance(Duration.ofSeconds(5));
        Member starter = fixtures.member("发起人戊");
        long bargain = BargainFixtures.start(starter, campaign);
        clock.advance(Duration.ofSeconds(5));
        Response refused = old.session().post("/api/bargains/" + bargain + "/helps", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.fieldError("bargainId")).isEqualTo("这个砍价只限新用户帮砍（在砍价发起后注册的用户）");
        Response welcomed = fixtures.member("新用户").session().post("/api/bargains/" + bargain + "/helps", Map.of());
        assertThat(welcomed.status()).as(welcomed.body()).isEqualTo(201);
        assertThat(jdbc.sql("select cuts_taken from bargain where id = ?").param(bargain).query(Integer.class).single()).isEqualTo(2);
    }
}
