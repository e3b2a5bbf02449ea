package com.kinshop.flashsale;

import com.kinshop.counter.HotCounters;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's refusals (every bad input a clear 4xx naming the field, nothing taken), proposals and approvals refused,
 * a double tap with one Idempotency-Key, and RELIABILITY fault 20: the counter dropped or lying mid-sale is rebuilt
 * from the database and nothing is oversold.
 */
@KinshopIT
class FlashSaleIT extends MoneyPathTest {

    @Autowired
    MutableClock clock;
    @Autowired
    HotCounters counters;
    FlashSaleFixtures flash;

    @BeforeEach
    void flashFixtures() {
        flash = new FlashSaleFixtures(fixtures, jdbc, clock);
    }

    private static void refused(Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        if (field != null) {
            assertThat(response.fieldError(field)).as(response.body()).isNotBlank();
        }
    }

    @Test
    void everyBadBuyIsAClearRefusalAndTakesNothing() {
        FlashSaleFixtures.Sale sale = flash.running("秒杀坏请求", 5, 1, Duration.ofDays(1));
        Member buyer = fixtures.member("乱填的买家");
        long address = flash.address(buyer);
        String path = "/api/me/flash-sales/" + sale.id() + "/buys";
        refused(buyer.session().post(path, Map.of("addressId", address)), 400, "flash.sku.required", "skuId");
        refused(buyer.session().post(path, Map.of("skuId", sale.skuId())), 400, "flash.address.required", "addressId");
        refused(buyer.session().post(path, Map.of("skuId", sale.skuId(), "addressId", address, "shopCode", "<x>")), 400, "flash.shop-code.invalid",
                "shopCode");
        refused(buyer.session().post(path, Map.of("skuId", sale.skuId(), "addressId", address), Map.of("Idempotency-Key", "short")), 400,
                "idempotency.key.invalid", "Idempotency-Key");
        refused(buyer.session().post(path, Map.of("skuId", sale.skuId() + 100_000, "addressId", address)), 400, "flash.sku.not-in-sale", "skuId");
        refused(buyer.session().post("/api/me/flash-sales/999999999/buys", Map.of("skuId", sale.skuId(), "addressId", address)), 404,
                "flash.sale.not-found", null);
        Member other = fixtures.member("别人");
        refused(buyer.session().post(path, Map.of("skuId", sale.skuId(), "addressId", flash.address(other))), 400, "address.not-found", "addressId");
        Response anonymous = new HttpSession(port).post(path, Map.of("skuId", sale.skuId(), "addressId", address));
        assertThat(anonymous.status()).isEqualTo(401);

        Instant now = clock.instant();
        FlashSaleFixtures.Sale upcoming = flash.approved("秒杀未开始", 5, 1, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
        refused(flash.buy(buyer, upcoming, address, null), 409, "flash.not-started", "id");
        assertThat(new HttpSession(port).get("/api/flash-sales/" + upcoming.id()).json().get("phase").asString()).isEqualTo("UPCOMING");

        assertThat(flash.claims(sale)).as("nothing was taken").isZero();
        assertThat(flash.claims(upcoming)).isZero();
        assertThat(flash.remaining(sale)).isEqualTo(5);
        Response fine = flash.buy(buyer, sale, address, null);
        assertThat(fine.status()).as("the slot the foreign address took was given back: " + fine.body()).isEqualTo(202);
        flash.addsUp(sale, 1);
    }

    @Test
    void badProposalsAndApprovalsAreRefusedByFieldAndStoreNothing() {
        Fixtures.Staff supplier = fixtures.supplier("秒杀提报商");
        long[] product = fixtures.onSale(supplier, "秒杀提报货", List.of(Fixtures.sku("标准装", 10_000, 5_000, "RATE", 1000, 8)));
        Fixtures.Staff stranger = fixtures.supplier("别家供应商");
        Instant start = clock.instant().plus(Duration.ofMinutes(5));
        Instant end = start.plus(Duration.ofHours(1));
        int before = jdbc.sql("select count(*) from flash_sale").query(Integer.class).single();
        String path = "/api/supplier/flash-sales";
        refused(supplier.session().post(path, flash.form(product[1], 10_000, 5, 1, start, end)), 400, "flash.price.not-below-normal", "items[0].flashPriceFen");
        refused(supplier.session().post(path, flash.form(product[1], 5_000, 5, 1, start, end)), 400, "flash.price-rule", "items[0].flashPriceFen");
        refused(supplier.session().post(path, flash.form(product[1], 6_900, 0, 1, start, end)), 400, "flash.quantity.range", "items[0].quantity");
        refused(supplier.session().post(path, flash.form(product[1], 6_900, 5, 11, start, end)), 400, "flash.limit.range", "perMemberLimit");
        refused(supplier.session().post(path, flash.form(product[1], 6_900, 5, 1, end, start)), 400, "flash.ends.before-start", "endsAt");
        refused(stranger.session().post(path, flash.form(product[1], 6_900, 5, 1, start, end)), 400, "flash.sku.not-yours", "items[0].skuId");
        Map<String, Object> untitled = new HashMap<>(flash.form(product[1], 6_900, 5, 1, start, end));
        untitled.put("title", "");
        refused(supplier.session().post(path, untitled), 400, "flash.title.invalid", "title");
        // more units than the SKU has now: refused to the supplier, naming the item
        refused(supplier.session().post(path, flash.form(product[1], 6_900, 9, 1, start, end)), 400, "flash.stock.short", "items[0].quantity");
        assertThat(jdbc.sql("select count(*) from flash_sale").query(Integer.class).single()).isEqualTo(before);

        // stock that falls between proposal and approval: the approval names the item and sets nothing aside
        Response proposed = supplier.session().post(path, flash.form(product[1], 6_900, 8, 1, start, end));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        long id = proposed.json().get("id").asLong();
        assertThat(supplier.session().post("/api/supplier/skus/" + product[1] + "/stock", Map.of("delta", -1)).status()).isEqualTo(200);
        refused(fixtures.operator().post("/api/admin/flash-sales/" + id + "/approval", Map.of()), 400, "flash.review.decision.required", "approved");
        refused(fixtures.operator().post("/api/admin/flash-sales/" + id + "/approval", Map.of("approved", false)), 400,
                "flash.review.reason.required", "reason");
        refused(fixtures.operator().post("/api/admin/flash-sales/" + id + "/approval", Map.of("approved", true)), 409, "flash.stock.short",
                "items[0].quantity");
        assertThat(flash.stock(product[1])).as("nothing set aside").containsExactly(7, 0, 0);
        assertThat(jdbc.sql("select status from flash_sale where id = ?").param(id).query(String.class).single()).isEqualTo("PENDING");
        Response rejected = fixtures.operator().post("/api/admin/flash-sales/" + id + "/approval", Map.of("approved", false, "reason", "库存不够"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        refused(fixtures.operator().post("/api/admin/flash-sales/" + id + "/approval", Map.of("approved", true)), 409, "flash.review.already", null);
        assertThat(new HttpSession(port).get("/api/flash-sales/" + id).status()).as("a rejected session is not public").isEqualTo(404);
    }

    @Test
    void aDoubleTapWithOneKeyIsOneAttempt() throws Exception {
        FlashSaleFixtures.Sale sale = flash.running("秒杀连点", 10, 2, Duration.ofDays(1));
        for (int round = 0; round < 5; round++) {
            Member buyer = fixtures.member("连点" + round);
            long address = flash.address(buyer);
            String key = UUID.randomUUID().toString();
            List<Response> taps = Concurrently.all(2, () -> flash.buy(buyer, sale, address, key));
            assertThat(taps).allSatisfy(tap -> assertThat(tap.status()).as(tap.body()).isEqualTo(202));
            assertThat(taps.get(0).json().get("claimId").asLong()).isEqualTo(taps.get(1).json().get("claimId").asLong());
            assertThat(jdbc.sql("select count(*) from flash_claim where sale_id = ? and member_id = ?").params(sale.id(), buyer.id())
                    .query(Integer.class).single()).as("one claim for one key").isEqualTo(1);
            Response later = flash.buy(buyer, sale, address, key);
            assertThat(later.json().get("claimId").asLong()).isEqualTo(taps.get(0).json().get("claimId").asLong());
            refused(buyer.session().post("/api/me/flash-sales/" + sale.id() + "/buys", Map.of("skuId", sale.skuId(), "addressId", flash.address(buyer)),
                    Map.of("Idempotency-Key", key)), 422, "idempotency.key.reused", null);
            refused(buyer.session().post("/api/me/flash-sales/" + sale.id() + "/buys", Map.of("skuId", sale.skuId(), "addressId", address,
                    "shopCode", "other" + round), Map.of("Idempotency-Key", key)), 422, "idempotency.key.reused", null);
        }
        assertThat(flash.remaining(sale)).isEqualTo(5);
        flash.addsUp(sale, 2);
    }

    @Test
    void fault20TheCounterDroppedOrLyingMidSaleIsRebuiltAndNothingIsOversold() throws Exception {
        FlashSaleFixtures.Sale sale = flash.running("秒杀计数丢失", 12, 1, Duration.ofDays(1));
        List<Member> first = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Member buyer = fixtures.member("先抢" + i);
            assertThat(flash.buy(buyer, sale, flash.address(buyer), null).status()).isEqualTo(202);
            first.add(buyer);
        }
        String pool = FlashRules.pool(sale.id(), sale.skuId());
        counters.drop(pool); // Redis flushed: the next attempt reloads the pool from the live claims
        Member returning = first.get(0);
        Response again = flash.buy(returning, sale, flash.address(returning), null);
        assertThat(again.json().get("code").asString()).as("the limit rebuilt from the database").isEqualTo("flash.limit-reached");
        assertThat(counters.remaining(pool)).isEqualTo(8);

        // now the counter lies: it believes every slot is free and nobody holds any (a stale snapshot)
        counters.load(pool, LongStream.rangeClosed(1, 12).boxed().toList(), Map.of());
        List<Member> crowd = new ArrayList<>();
        List<Long> addresses = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Member buyer = fixtures.member("后抢" + i);
            crowd.add(buyer);
            addresses.add(flash.address(buyer));
        }
        crowd.add(first.get(1));
        addresses.add(flash.address(first.get(1)));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Response> answers = new ArrayList<>(java.util.Collections.nCopies(crowd.size(), (Response) null));
        Concurrently.all(crowd.size(), () -> {
            int i = next.getAndIncrement(); // the answer goes to the buyer's own place
            Response answer = flash.buy(crowd.get(i), sale, addresses.get(i), null);
            synchronized (answers) {
                answers.set(i, answer);
            }
            return answer;
        });
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(202, 409));
        long won = answers.stream().filter(answer -> answer.status() == 202).count();
        assertThat(won).as("at most the 8 units left, whatever the counter believed").isBetween(1L, 8L);
        // the member who already holds one never wins; the lying counter may have answered them sold-out before the database did
        assertThat(answers.get(answers.size() - 1).status()).isEqualTo(409);
        // a lying counter may turn a buyer away while units are left (never the other way): those buyers try again
        for (int i = 0; i < crowd.size() - 1; i++) {
            if (answers.get(i).status() == 409) {
                assertThat(answers.get(i).json().get("code").asString()).as(answers.get(i).body()).isEqualTo("flash.sold-out");
                Response retried = flash.buy(crowd.get(i), sale, addresses.get(i), null);
                assertThat(retried.status()).as(retried.body()).isIn(202, 409);
            }
        }
        assertThat(jdbc.sql("select count(*) from flash_claim where sale_id = ?").param(sale.id()).query(Integer.class).single())
                .as("all 12 sold, not one more").isEqualTo(12);
        assertThat(flash.remaining(sale)).isZero();
        flash.addsUp(sale, 1);
        Purchases.await("every claim ordered", () -> jdbc.sql("select count(*) from flash_claim where sale_id = ? and status = 'QUEUED'")
                .param(sale.id()).query(Integer.class).single() == 0);
        flash.addsUp(sale, 1);
        assertThat(jdbc.sql("select sold_out_at = (select max(created_at) from flash_claim c where c.sale_id = s.id) from flash_sale s where id = ?")
                .param(sale.id()).query(Boolean.class).single()).as("sold out when the last unit was claimed").isTrue();
    }

    @Test
    void thePagesShowTheSessionsAndTheConsolesTheirFigures() {
        FlashSaleFixtures.Sale sale = flash.running("秒杀页面货", 6, 1, Duration.ofDays(1));
        Member buyer = fixtures.member("看页面的人");
        long address = flash.address(buyer);
        assertThat(flash.buy(buyer, sale, address, null).status()).isEqualTo(202);
        HttpSession visitor = new HttpSession(port);
        assertThat(visitor.get("/").body()).contains("data-testid=\"channel-flash-sales\"");
        assertThat(visitor.get("/flash-sales").body()).contains("data-flash-sale=\"" + sale.id() + "\"").contains("抢购中");
        String page = visitor.get("/flash-sales/" + sale.id()).body();
        assertThat(page).contains("data-phase=\"RUNNING\"").contains("剩 5 / 6 件").contains("登录抢购");
        String mine = buyer.session().get("/flash-sales/" + sale.id()).body();
        assertThat(mine).contains("data-testid=\"my-claim\"").contains("已达限购");
        assertThat(new HttpSession(port).language("en").get("/flash-sales/" + sale.id()).body()).contains("On now").contains("5 of 6 left");
        String console = fixtures.operator().get("/console/admin/flash-sales").body();
        assertThat(console).contains("data-flash-sale=\"" + sale.id() + "\"").contains("1 / 1");
        assertThat(sale.supplier().session().get("/console/supplier/flash-sales").body()).contains("data-flash-sale=\"" + sale.id() + "\"");
        assertThat(sale.supplier().session().get("/console/supplier/flash-sales?product=" + sale.productId()).body())
                .contains("data-testid=\"flash-sale-form\"");
    }
}
