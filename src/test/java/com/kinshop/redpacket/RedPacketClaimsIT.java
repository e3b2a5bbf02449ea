package com.kinshop.redpacket;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Funding and claiming red packets over HTTP on the real app: the claim races and the budget checks, with the books proven after each. */
@KinshopIT
class RedPacketClaimsIT extends MoneyPathTest {

    @Autowired
    OrderTimers orderTimers;
    @Autowired
    MutableClock clock;
    @Autowired
    Ledger ledger;

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
    void oneMemberTappingFiveTimesAtOnceWinsOnePacket() throws Exception {
        Staff supplier = packets.owedSupplier("连点果园", 6_000);
        long campaign = packets.running(supplier, "连点红包", 1_000, 100, 100, Duration.ofHours(1));
        Member member = fixtures.member("连点五次");
        List<Response> answers = Concurrently.all(5, () -> member.session().post("/api/red-packets/" + campaign + "/claims", Map.of()));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).hasSize(4).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.json().get("code").asString()).isEqualTo("redpacket.claim.already");
        });
        assertThat(jdbc.sql("select count(*), sum(amount_fen) from red_packet_claim where campaign_id = ?").param(campaign)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(1L, 100L);
        assertThat(jdbc.sql("select remaining_fen from red_packet_campaign where id = ?").param(campaign).query(Long.class).single()).isEqualTo(900);
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
}
