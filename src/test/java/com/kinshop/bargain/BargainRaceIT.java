package com.kinshop.bargain;

import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** RELIABILITY race 8 over HTTP on the real app: helpers at once on one bargain, every answer and the cuts checked after. */
@KinshopIT
class BargainRaceIT extends MoneyPathTest {

    @Autowired
    MutableClock clock;

    BargainFixtures bargains;

    @BeforeEach
    void bargainFixtures() {
        bargains = new BargainFixtures(fixtures, purchases, clock, jdbc);
    }

    @Test
    void theSameHelperFiveTimesAtOnceTakesOneCut() throws Exception {
        BargainFixtures.Shop shop = bargains.shop("连砍果园");
        long campaign = bargains.running(shop, 7_000, 3, 5, false);
        Member starter = fixtures.member("发起人甲");
        long bargain = BargainFixtures.start(starter, campaign);
        long afterOwnCut = bargains.current(bargain);
        assertThat(afterOwnCut).as("the starter's own first cut").isLessThan(BargainFixtures.NORMAL_FEN).isGreaterThan(7_000);
        Member friend = fixtures.member("手快的朋友");

        List<Response> answers = Concurrently.all(5, () -> friend.session().post("/api/bargains/" + bargain + "/helps", Map.of()));

        List<Response> cut = answers.stream().filter(answer -> answer.status() == 201).toList();
        assertThat(cut).hasSize(1);
        assertThat(cut.get(0).json().get("cutIndex").asInt()).isEqualTo(2);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).hasSize(4).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.json().get("code").asString()).isEqualTo("bargain.help.twice");
            assertThat(answer.fieldError("bargainId")).isEqualTo("你已经帮TA砍过了，每人只能砍一次");
        });
        assertThat(jdbc.sql("select count(*) from bargain_cut where bargain_id = ? and helper_id = ?").params(bargain, friend.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select cuts_taken from bargain where id = ?").param(bargain).query(Integer.class).single()).isEqualTo(2);
        assertThat(bargains.current(bargain)).isEqualTo(afterOwnCut - cut.get(0).json().get("cut").get("fen").asLong())
                .isEqualTo(cut.get(0).json().get("currentPrice").get("fen").asLong());
        bargains.unitsAddUp(shop, campaign, 0, 0);
    }

    @Test
    void twentyDifferentHelpersAtOnceOnABargainNeedingTenTakeExactlyTenCutsAndLandOnTheFloor() throws Exception {
        BargainFixtures.Shop shop = bargains.shop("二十人果园");
        long campaign = bargains.running(shop, 7_000, 10, 3, false);
        Member starter = fixtures.member("发起人乙");
        long bargain = BargainFixtures.start(starter, campaign);
        List<Member> friends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            friends.add(fixtures.member("帮砍" + i));
        }
        AtomicInteger next = new AtomicInteger();

        List<Response> answers = Concurrently.all(20, () -> friends.get(next.getAndIncrement()).session().post("/api/bargains/" + bargain + "/helps", Map.of()));

        List<Response> cuts = answers.stream().filter(answer -> answer.status() == 201).toList();
        assertThat(cuts).hasSize(10);
        Set<Integer> indexes = new HashSet<>();
        cuts.forEach(answer -> indexes.add(answer.json().get("cutIndex").asInt()));
        assertThat(indexes).as("each took a different next cut, never beyond the last").containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(cuts).filteredOn(answer -> answer.json().get("atFloor").asBoolean()).hasSize(1).allSatisfy(last -> {
            assertThat(last.json().get("cutIndex").asInt()).isEqualTo(11);
            assertThat(last.json().get("currentPrice").get("fen").asLong()).isEqualTo(7_000);
        });
        assertThat(answers).filteredOn(answer -> answer.status() != 201).hasSize(10).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.json().get("code").asString()).isEqualTo("bargain.help.at-floor");
        });
        assertThat(bargains.current(bargain)).as("exactly at the floor").isEqualTo(7_000);
        assertThat(bargains.status(bargain)).isEqualTo("AT_FLOOR");
        assertThat(jdbc.sql("select count(*), sum(amount_fen) from bargain_cut where bargain_id = ? and helper_id is not null").param(bargain)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(11L, BargainFixtures.NORMAL_FEN - 7_000);
        Response page = new com.kinshop.support.HttpSession(port).get("/api/bargains/" + bargain);
        assertThat(page.status()).as("a shared link is public").isEqualTo(200);
        assertThat(page.json().get("helps").asInt()).isEqualTo(10);
        assertThat(page.json().get("cutsLeft").asInt()).isZero();
        assertThat(page.json().get("percent").asInt()).isEqualTo(100);
        assertThat(page.json().get("cuts")).hasSize(11);
        assertThat(page.json().get("cuts").get(0).get("byStarter").asBoolean()).isTrue();
        assertThat(page.json().get("cuts").get(1).get("helper").get("maskedName").asString()).endsWith("**").startsWith("帮");
        bargains.unitsAddUp(shop, campaign, 0, 0);
        com.kinshop.support.Purchases.await("the starter told once", () -> jdbc.sql(
                "select count(*) from inbox_message where account_id = ? and message_key = 'inbox.bargain.at-floor' and link = ?")
                .params(starter.id(), "/bargains/" + bargain).query(Long.class).single() == 1);

        // the starter buys at the floor and pays: bought once, the unit sold
        Response bought = starter.session().post("/api/me/bargains/" + bargain + "/purchase",
                Map.of("addressId", purchases.address(starter), "expectedPriceFen", 7_000));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(bought.json().get("price").get("fen").asLong()).isEqualTo(7_000);
        String order = bought.json().get("orderNumbers").get(0).asString();
        assertThat(jdbc.sql("select kind || ' ' || promotion_ref from orders where number = ?").param(order).query(String.class).single())
                .isEqualTo("BARGAIN bargain:" + bargain);
        assertThat(jdbc.sql("select unit_price_fen from order_line l join orders o on o.id = l.order_id where o.number = ?").param(order)
                .query(Long.class).single()).isEqualTo(7_000);
        bargains.unitsAddUp(shop, campaign, 0, 1);
        purchases.cashier(starter, purchases.startPayment(starter, bought.json().get("checkoutNumber").asString()).get("payUrl").asString(), "pay");
        com.kinshop.support.Purchases.await("bargain bought", () -> "BOUGHT".equals(bargains.status(bargain)));
        bargains.unitsAddUp(shop, campaign, 1, 0);
        var figures = java.util.stream.StreamSupport.stream(fixtures.operator().get("/api/admin/bargain-campaigns").json().spliterator(), false)
                .filter(f -> f.get("campaign").get("id").asLong() == campaign).findFirst().orElseThrow();
        assertThat(List.of(figures.get("started").asLong(), figures.get("helps").asLong(), figures.get("completedAtFloor").asLong(),
                figures.get("bought").asLong())).as("started, friends' helps, at the floor, bought").containsExactly(1L, 10L, 1L, 1L);
        Response again = starter.session().post("/api/me/bargains/" + bargain + "/purchase", Map.of("addressId", purchases.address(starter)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("bargain.buy.bought");
    }

    @Test
    void oneMemberStartingThreeTimesAtOnceStartsOneBargain() throws Exception {
        BargainFixtures.Shop shop = bargains.shop("连点发起果园");
        long campaign = bargains.running(shop, 7_000, 3, 5, false);
        Member member = fixtures.member("连点发起");
        List<Response> answers = Concurrently.all(3, () -> member.session().post("/api/me/bargains", Map.of("campaignId", campaign)));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).hasSize(2).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.json().get("code").asString()).isEqualTo("bargain.start.limit");
        });
        assertThat(jdbc.sql("select count(*) from bargain where campaign_id = ? and starter_id = ?").params(campaign, member.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void simultaneousPurchasesOfTheLastUnitSellItOnce() throws Exception {
        BargainFixtures.Shop shop = bargains.shop("最后一件果园");
        long campaign = bargains.running(shop, 7_000, 2, 1, false);
        List<Member> starters = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Long> addresses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Member starter = fixtures.member("抢最后一件" + i);
            starters.add(starter);
            ids.add(BargainFixtures.start(starter, campaign));
            addresses.add(purchases.address(starter));
        }
        AtomicInteger next = new AtomicInteger();
        List<Response> answers = Concurrently.all(4, () -> {
            int i = next.getAndIncrement();
            return starters.get(i).session().post("/api/me/bargains/" + ids.get(i) + "/purchase", Map.of("addressId", addresses.get(i)));
        });
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).hasSize(3).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.json().get("code").asString()).isEqualTo("bargain.buy.sold-out");
        });
        assertThat(jdbc.sql("select count(*) from bargain where campaign_id = ? and status = ?").params(campaign, "ORDERED").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from orders where promotion_ref in (select 'bargain:' || id from bargain where campaign_id = ?)").param(campaign)
                .query(Long.class).single()).as("the refused left no order behind").isEqualTo(1);
        bargains.unitsAddUp(shop, campaign, 0, 1);
    }

    @Test
    void purchasesAndCancellationsInOneCampaignAtOnceNeverDeadlock() throws Exception {
        // a purchase locks its bargain, the campaign, then the SKU; a cancellation must take them in that order too
        BargainFixtures.Shop shop = bargains.shop("并发取消果园");
        long campaign = bargains.running(shop, 7_000, 2, 50, false);
        List<Member> buyers = new ArrayList<>();
        List<Long> toBuy = new ArrayList<>();
        List<Long> addresses = new ArrayList<>();
        List<Member> cancellers = new ArrayList<>();
        List<String> toCancel = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Member buyer = fixtures.member("并发买" + i);
            buyers.add(buyer);
            toBuy.add(BargainFixtures.start(buyer, campaign));
            addresses.add(purchases.address(buyer));
            Member canceller = fixtures.member("并发退" + i);
            long bargain = BargainFixtures.start(canceller, campaign);
            Response bought = canceller.session().post("/api/me/bargains/" + bargain + "/purchase", Map.of("addressId", purchases.address(canceller)));
            assertThat(bought.status()).as(bought.body()).isEqualTo(201);
            cancellers.add(canceller);
            toCancel.add(bought.json().get("orderNumbers").get(0).asString());
        }
        AtomicInteger next = new AtomicInteger();
        List<Response> answers = Concurrently.all(12, () -> {
            int i = next.getAndIncrement();
            return i % 2 == 0
                    ? cancellers.get(i / 2).session().post("/api/me/orders/" + toCancel.get(i / 2) + "/cancel", Map.of())
                    : buyers.get(i / 2).session().post("/api/me/bargains/" + toBuy.get(i / 2) + "/purchase", Map.of("addressId", addresses.get(i / 2)));
        });
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(200, 201));
        bargains.unitsAddUp(shop, campaign, 0, 6);
    }
}
