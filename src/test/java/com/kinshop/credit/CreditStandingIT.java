package com.kinshop.credit;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Flagged and suspended suppliers: lower ranking, the review queue's mark, refused campaigns, recovery as the window moves. */
@KinshopIT
class CreditStandingIT extends CreditApiTest {

    @Test
    void aFlaggedSuppliersProductsRankLowerAndItsSubmissionsAreMarkedInTheReviewQueue() {
        Staff good = fixtures.supplier("信用好果园");
        Staff flagged = fixtures.supplier("被投诉果园");
        long goodProduct = fixtures.onSale(good, "标记乙苹果", 2_000, 50)[0];
        long flaggedProduct = fixtures.onSale(flagged, "标记乙蜜桃", 2_000, 50)[0];
        for (Staff s : List.of(good, flagged)) { // the same reviews for both
            long p = s == good ? goodProduct : flaggedProduct;
            for (int i = 0; i < 3; i++) {
                events.publish(events.stars(p, s.supplierId(), 5, 5, 5));
            }
        }
        events.handled();

        // upheld complaints on another product, one at a time, until the score falls below the flag threshold (60): 8 points
        // each, so it lands between 52 and 59, above suspension (40)
        long other = fixtures.onSale(flagged, "被投诉的另一件", 2_000, 50)[0];
        int complaints = 0;
        while (!standing(flagged.supplierId(), "flagged")) {
            assertThat(++complaints).as("complaints needed").isLessThanOrEqualTo(13);
            events.publish(events.upheld(flagged.supplierId(), other));
            events.handled();
        }
        Response credit = flagged.session().get("/api/supplier/credit");
        assertThat(credit.status()).as(credit.body()).isEqualTo(200);
        assertThat(credit.json().get("flagged").asBoolean()).isTrue();
        assertThat(credit.json().get("suspended").asBoolean()).isFalse();
        assertThat(composite(flaggedProduct)).as("flagged: 70 % of its score").isCloseTo(expectedComposite(flaggedProduct, 0.7), within(0.006));
        assertThat(expectedComposite(flaggedProduct, 1.0)).as("the same counters as the good supplier's").isEqualTo(expectedComposite(goodProduct, 1.0));
        assertThat(search("标记乙", null)).containsExactly(goodProduct, flaggedProduct);

        // the operator sees the supplier below the threshold, and its next submission marked 低信用
        Response queue = fixtures.operator().get("/api/admin/credit/flagged");
        assertThat(queue.status()).isEqualTo(200);
        List<Long> flaggedIds = new ArrayList<>();
        queue.json().forEach(row -> flaggedIds.add(row.get("supplier").asLong()));
        assertThat(flaggedIds).contains(flagged.supplierId()).doesNotContain(good.supplierId());
        // and is told in the inbox, once per operator; the supplier's staff are told what it means for them
        String key = "credit:" + flagged.supplierId() + ":flagged:%";
        long operators = jdbc.sql("select count(*) from account_role where role = 'OPERATOR'").query(Long.class).single();
        com.kinshop.support.Purchases.await("credit messages", () -> jdbc.sql("select count(*) from inbox_message where dedupe_key like ?")
                .param(key).query(Long.class).single() >= operators + 1);
        assertThat(jdbc.sql("select count(*) from inbox_message where dedupe_key like ? and message_key = 'inbox.credit.operator.flagged'")
                .param(key).query(Long.class).single()).isEqualTo(operators);
        assertThat(flagged.session().get("/api/me/messages").body()).contains("已被平台标记");
        Response created = flagged.session().post("/api/supplier/products", fixtures.product("低信用新品", List.of(
                com.kinshop.support.Fixtures.sku("标准装", 2_000, 1_000, "RATE", 1000, 10))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long submitted = created.json().get("id").asLong();
        assertThat(com.kinshop.support.Fixtures.upload(flagged.session(), "/api/supplier/products/" + submitted + "/images", "image",
                com.kinshop.support.Fixtures.png(300, 300)).status()).isEqualTo(200);
        assertThat(flagged.session().post("/api/supplier/products/" + submitted + "/submit", Map.of()).status()).isEqualTo(200);
        String reviewQueue = fixtures.operator().get("/console/admin/reviews").body();
        int card = reviewQueue.indexOf("data-review=\"" + submitted + "\"");
        assertThat(card).isPositive();
        assertThat(reviewQueue.substring(card, reviewQueue.indexOf("</b>", card) + 200)).contains("低信用");
    }

    @Test
    void aSuspendedSuppliersNewCampaignsAreRefusedWithAClearConflictAndNothingIsCreated() {
        Staff supplier = fixtures.supplier("暂停活动果园");
        long product = fixtures.onSale(supplier, "暂停的苹果", 2_000, 50)[0];
        events.publish(events.deducted(supplier.supplierId()));
        int complaints = 0;
        while (!standing(supplier.supplierId(), "suspended")) { // below 40
            assertThat(++complaints).as("complaints needed").isLessThanOrEqualTo(13);
            events.publish(events.upheld(supplier.supplierId(), product));
            events.handled();
        }
        Response credit = supplier.session().get("/api/supplier/credit");
        int score = credit.json().get("credit").get("score").asInt();
        assertThat(score).isLessThan(40);
        assertThat(credit.json().get("suspended").asBoolean()).isTrue();

        Response packet = supplier.session().post("/api/supplier/red-packets", Map.of("name", "暂停红包", "budgetFen", 1_000, "minFen", 100, "maxFen", 200,
                "startsAt", clock.instant().toString(), "endsAt", clock.instant().plusSeconds(3600).toString(), "perMemberLimit", 1));
        assertThat(packet.status()).as(packet.body()).isEqualTo(409);
        assertThat(packet.json().get("code").asString()).isEqualTo("credit.suspended.campaigns");
        assertThat(packet.json().get("detail").asString()).isEqualTo("商家信用分 " + score + " 低于 40 分，暂停创建新的营销活动");
        Response coupon = supplier.session().language("en").post("/api/supplier/coupon-templates", Map.of("title", "暂停券", "kind", "AMOUNT_OFF",
                "amountFen", 500, "thresholdFen", 5_000, "scope", "SUPPLIER", "validDays", 7, "totalQuantity", 10, "perMemberLimit", 1));
        assertThat(coupon.status()).as(coupon.body()).isEqualTo(409);
        assertThat(coupon.json().get("detail").asString()).isEqualTo("The seller's credit score " + score + " is below 40: new campaigns are suspended");
        // group buy, bargain and flash sale ask first too: refused before the (empty) form is even looked at
        for (String play : List.of("group-campaigns", "bargain-campaigns", "flash-sales")) {
            Response refused = supplier.session().post("/api/supplier/" + play, Map.of());
            assertThat(refused.status()).as(play + " " + refused.body()).isEqualTo(409);
            assertThat(refused.json().get("code").asString()).isEqualTo("credit.suspended.campaigns");
        }
        for (String table : List.of("group_campaign", "bargain_campaign", "flash_sale")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where supplier_id = ?").param(supplier.supplierId()).query(Long.class).single())
                    .as(table).isZero();
        }
        // the complaints leave the 90-day window: the daily job lifts the suspension without any new event
        clock.advance(java.time.Duration.ofDays(91));
        try {
            windowJob.refreshAll();
            assertThat(standing(supplier.supplierId(), "suspended")).isFalse();
            assertThat(standing(supplier.supplierId(), "flagged")).isFalse();
        } finally {
            clock.advance(java.time.Duration.ofDays(-91)); // the clock is shared by the tests in this application
        }

        assertThat(jdbc.sql("select count(*) from red_packet_campaign where supplier_id = ?").param(supplier.supplierId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from coupon_template where supplier_id = ?").param(supplier.supplierId()).query(Long.class).single()).isZero();
    }
}
