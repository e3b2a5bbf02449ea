package com.kinshop.redpacket;

import com.kinshop.coupon.CouponEvents;
import com.kinshop.ledger.Ledger;
import com.kinshop.ordering.OrderTimers;
import com.kinshop.shared.Money;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Supplier red packets over HTTP on the real app: funding, the claim race, the end of a campaign, spending, with the books proven after each. */
@KinshopIT
@org.springframework.context.annotation.Import(GrantsUntilTheCouponModuleLands.class)
class RedPacketIT extends MoneyPathTest {

    @Autowired
    OrderTimers orderTimers;
    @Autowired
    RedPacketTimers redPacketTimers;
    @Autowired
    MutableClock clock;
    @Autowired
    Ledger ledger;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    RedPacketFixtures packets;

    @BeforeEach
    void packetFixtures() {
        packets = new RedPacketFixtures(fixtures, purchases, orderTimers, clock, ledger);
    }

    @Test
    void twentySimultaneousClaimsAgainstABudgetCoveringFiveWinExactlyFive() throws Exception {
        Staff supplier = packets.owedSupplier("红包雨果园", 10_000);
        long payableBefore = packets.payable(supplier);
        long campaign = packets.running(supplier, "五个红包", 5 * 300, 300, 300, Duration.ofHours(2));
        assertThat(packets.held(supplier)).as("the whole budget is held").isEqualTo(1_500);
        assertThat(packets.payable(supplier)).isEqualTo(payableBefore - 1_500);

        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(fixtures.member("抢红包" + i));
        }
        var next = new java.util.concurrent.atomic.AtomicInteger();
        record Answer(Member member, Response response) {
        }
        List<Answer> byMember = Concurrently.all(20, () -> {
            Member member = members.get(next.getAndIncrement());
            return new Answer(member, member.session().post("/api/red-packets/" + campaign + "/claims", Map.of()));
        });
        List<Response> answers = byMember.stream().map(Answer::response).toList();

        List<Response> won = answers.stream().filter(answer -> answer.status() == 201).toList();
        List<Response> refused = answers.stream().filter(answer -> answer.status() != 201).toList();
        assertThat(won).hasSize(5).allSatisfy(answer -> {
            assertThat(answer.json().get("amount").get("fen").asLong()).isEqualTo(300);
            assertThat(answer.json().get("couponId").asLong()).isPositive();
        });
        assertThat(refused).hasSize(15).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.json().get("code").asString()).isEqualTo("redpacket.claim.all-gone");
            assertThat(answer.json().get("detail").asString()).isEqualTo("红包已抢光");
        });
        assertThat(jdbc.sql("select remaining_fen from red_packet_campaign where id = ?").param(campaign).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*), coalesce(sum(amount_fen), 0) from red_packet_claim where campaign_id = ?").param(campaign)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(5L, 1_500L);
        assertThat(jdbc.sql("select count(distinct coupon_id) from red_packet_claim where campaign_id = ? and coupon_id is not null").param(campaign)
                .query(Long.class).single()).as("every packet became its own coupon").isEqualTo(5);
        assertThat(packets.held(supplier)).as("claims promise money, they do not move it").isEqualTo(1_500);
        assertThat(packets.payable(supplier)).isEqualTo(payableBefore - 1_500);

        Member winner = byMember.stream().filter(answer -> answer.response().status() == 201).findFirst().orElseThrow().member();
        Response again = winner.session().post("/api/red-packets/" + campaign + "/claims?lang=en", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).as("a winner hears they already won, not that it is all gone")
                .isEqualTo("redpacket.claim.already");
        assertThat(again.json().get("detail").asString()).isEqualTo("You have already claimed a packet here");
        Response ownStaff = supplier.session().post("/api/red-packets/" + campaign + "/claims?lang=zh_CN", Map.of());
        assertThat(ownStaff.status()).isEqualTo(403);
        assertThat(ownStaff.json().get("detail").asString()).isEqualTo("这是你所在店铺的红包，员工不能领取");
        Response view = winner.session().get("/api/red-packets/" + campaign);
        assertThat(view.json().get("campaign").get("phase").asString()).isEqualTo("ALL_GONE");
        assertThat(view.json().get("mine")).hasSize(1);
    }

    @Test
    void aBudgetAboveWhatTheSupplierIsOwedIsRefusedAndNothingIsStoredOrPosted() {
        Staff supplier = packets.owedSupplier("预算超额果园", 4_000);
        long payable = packets.payable(supplier);
        long journals = jdbc.sql("select count(*) from ledger_journal").query(Long.class).single();
        Instant now = clock.instant();

        Response tooMuch = supplier.session().post("/api/supplier/red-packets",
                RedPacketFixtures.campaign("超额红包", payable + 1, 100, 200, now, now.plus(Duration.ofHours(1))));
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(409);
        assertThat(tooMuch.fieldError("budgetFen")).isEqualTo("红包总预算超过可用货款余额（当前可用 ¥" + Money.fen(payable).toPlainString() + "）");

        Response minAboveMax = supplier.session().post("/api/supplier/red-packets?lang=en",
                RedPacketFixtures.campaign("反了", 1_000, 300, 200, now, now.plus(Duration.ofHours(1))));
        assertThat(minAboveMax.status()).isEqualTo(400);
        assertThat(minAboveMax.fieldError("maxFen")).isEqualTo("The largest packet cannot be smaller than the smallest packet");
        Response endInThePast = supplier.session().post("/api/supplier/red-packets?lang=zh_CN",
                RedPacketFixtures.campaign("过去", 1_000, 100, 200, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))));
        assertThat(endInThePast.fieldError("endsAt")).isEqualTo("结束时间已经过去，请选择将来的时间");
        Response zeroMin = supplier.session().post("/api/supplier/red-packets",
                RedPacketFixtures.campaign("零", 1_000, 0, 200, now, now.plus(Duration.ofHours(1))));
        assertThat(zeroMin.fieldError("minFen")).isEqualTo("单个红包最小金额必须大于 0");

        assertThat(jdbc.sql("select count(*) from red_packet_campaign where supplier_id = ?").param(supplier.supplierId()).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from ledger_journal").query(Long.class).single()).as("nothing posted").isEqualTo(journals);
        assertThat(packets.payable(supplier)).isEqualTo(payable);
        assertThat(packets.held(supplier)).isZero();

        Map<String, Object> wholeBalance = RedPacketFixtures.campaign("全部货款", payable, 100, 200, now, now.plus(Duration.ofHours(1)));
        Map<String, String> key = Map.of("Idempotency-Key", "red-packet-" + java.util.UUID.randomUUID());
        Response created = supplier.session().post("/api/supplier/red-packets", wholeBalance, key);
        Response retried = supplier.session().post("/api/supplier/red-packets", wholeBalance, key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("id").asLong()).as("the retry answers the same campaign").isEqualTo(created.json().get("id").asLong());
        long exactly = created.json().get("id").asLong();
        assertThat(packets.payable(supplier)).as("a budget of exactly the balance is fine, held once").isZero();
        assertThat(packets.held(supplier)).isEqualTo(payable);
        assertThat(supplier.session().get("/api/supplier/red-packets").json().get("available").get("fen").asLong()).isZero();
        assertThat(exactly).isPositive();
    }

    @Test
    void theEndReturnsExactlyTheUnclaimedBudgetAndTheUnspentPacketsOnceTheyCanNoLongerBeSpent() {
        Staff supplier = packets.owedSupplier("结束退款果园", 6_000);
        long payableBefore = packets.payable(supplier);
        long campaign = packets.running(supplier, "结束红包", 1_000, 100, 300, Duration.ofHours(1));
        long claimed = 0;
        for (int i = 0; i < 3; i++) {
            Response won = fixtures.member("结束抢" + i).session().post("/api/red-packets/" + campaign + "/claims", Map.of());
            assertThat(won.status()).as(won.body()).isEqualTo(201);
            long amount = won.json().get("amount").get("fen").asLong();
            assertThat(amount).isBetween(100L, 300L);
            claimed += amount;
        }

        clock.advance(Duration.ofMinutes(61));
        Response late = fixtures.member("迟到").session().post("/api/red-packets/" + campaign + "/claims", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).as("the clock decides, before any sweep").isEqualTo("redpacket.claim.ended");
        redPacketTimers.runDue();
        redPacketTimers.runDue();

        assertThat(status(campaign)).isEqualTo("ENDED");
        assertThat(journalAmount("red-packet-unclaimed:" + campaign)).as("exactly the unclaimed budget").isEqualTo(1_000 - claimed);
        assertThat(packets.held(supplier)).as("the packets won are still promised").isEqualTo(claimed);
        assertThat(packets.payable(supplier)).isEqualTo(payableBefore - claimed);

        clock.advance(Duration.ofMinutes(30)); // within the payment window of an order placed just before the end
        redPacketTimers.runDue();
        assertThat(status(campaign)).isEqualTo("ENDED");
        clock.advance(redPacketTimers.spendableAfterEnd());
        redPacketTimers.runDue();
        redPacketTimers.runDue();

        assertThat(status(campaign)).isEqualTo("SETTLED");
        assertThat(jdbc.sql("select count(*) from red_packet_claim where campaign_id = ? and status = ?").params(campaign, "RETURNED")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(packets.held(supplier)).as("the hold is empty once settled").isZero();
        assertThat(packets.payable(supplier)).as("every fen is back").isEqualTo(payableBefore);
        assertThat(figuresOf(supplier, campaign)).as("the console's figures").containsExactly(
                Map.of("claimed", claimed, "spent", 0L, "returned", 1_000L, "held", 0L));
    }

    @Test
    void aSpentPacketMovesItsHoldToThePayableOnceEvenWhenItsUseIsDeliveredTwice() throws Exception {
        Staff supplier = packets.owedSupplier("花红包果园", 8_000);
        long payableBefore = packets.payable(supplier);
        long campaign = packets.running(supplier, "花掉的红包", 500, 200, 200, Duration.ofHours(1));
        Member member = fixtures.member("花红包的人");
        Response won = member.session().post("/api/red-packets/" + campaign + "/claims", Map.of());
        assertThat(won.status()).as(won.body()).isEqualTo(201);
        long couponId = won.json().get("couponId").asLong();

        CouponEvents.CouponUsed used = new CouponEvents.CouponUsed(couponId, new com.kinshop.identity.AccountId(member.id()),
                "redpacket:" + campaign, "K-RP-TEST-" + campaign, Money.fen(150), clock.instant());
        List<Object> deliveries = Concurrently.all(2, () -> {
            transactions.executeWithoutResult(status -> events.publishEvent(used));
            return "delivered";
        });
        assertThat(deliveries).containsOnly("delivered");
        Purchases.await("the packet spent", () -> "SPENT".equals(claimStatus(campaign)));
        // the listeners run on the shared executor behind other tests' events: allow them a minute
        org.awaitility.Awaitility.await("both deliveries handled").atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null and event_type like '%CouponUsed' and serialized_event like ?")
                .param("%K-RP-TEST-" + campaign + "%").query(Long.class).single() == 0);

        assertThat(jdbc.sql("select count(*) from ledger_journal where business_key like 'red-packet-claim:%' and args::text like ?")
                .param("%K-RP-TEST-" + campaign + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(packets.held(supplier)).as("the spent packet left the hold, the unclaimed 300 is still there").isEqualTo(300);
        assertThat(packets.payable(supplier)).isEqualTo(payableBefore - 300);

        clock.advance(Duration.ofMinutes(61).plus(redPacketTimers.spendableAfterEnd()));
        redPacketTimers.runDue();
        redPacketTimers.runDue();
        assertThat(status(campaign)).isEqualTo("SETTLED");
        assertThat(claimStatus(campaign)).as("a spent packet is not returned").isEqualTo("SPENT");
        assertThat(packets.held(supplier)).isZero();
        assertThat(packets.payable(supplier)).as("the spent 2.00 comes off when its order settles, not here").isEqualTo(payableBefore);
        assertThat(figuresOf(supplier, campaign)).containsExactly(Map.of("claimed", 200L, "spent", 200L, "returned", 300L, "held", 0L));
    }

    private String status(long campaign) {
        return jdbc.sql("select status from red_packet_campaign where id = ?").param(campaign).query(String.class).single();
    }

    private String claimStatus(long campaign) {
        return jdbc.sql("select status from red_packet_claim where campaign_id = ?").param(campaign).query(String.class).single();
    }

    private long journalAmount(String businessKey) {
        return jdbc.sql("select coalesce(max(e.amount_fen), 0) from ledger_entry e join ledger_journal j on j.id = e.journal_id where j.business_key = ?")
                .param(businessKey).query(Long.class).single();
    }

    private List<Map<String, Object>> figuresOf(Staff supplier, long campaign) {
        List<Map<String, Object>> found = new ArrayList<>();
        supplier.session().get("/api/supplier/red-packets").json().get("campaigns").forEach(figures -> {
            if (figures.get("campaign").get("id").asLong() == campaign) {
                found.add(Map.of("claimed", figures.get("claimed").get("fen").asLong(), "spent", figures.get("spent").get("fen").asLong(),
                        "returned", figures.get("returned").get("fen").asLong(), "held", figures.get("held").get("fen").asLong()));
            }
        });
        return found;
    }
}
