package com.kinshop.redpacket;

import com.kinshop.coupon.CouponEvents;
import com.kinshop.ledger.Ledger;
import com.kinshop.ordering.OrderTimers;
import com.kinshop.shared.Money;
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

/** Where a red packet's money goes after the claim: back to the supplier at the end, or spent on an order, each once, with the books proven after each. */
@KinshopIT
class RedPacketSettlementIT extends MoneyPathTest {

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
        // delivered twice, as the publication registry may after a crash: the second finds the packet spent and posts nothing
        for (int delivery = 1; delivery <= 2; delivery++) {
            transactions.executeWithoutResult(status -> events.publishEvent(used));
            // the listeners run on the shared executor behind other tests' events: allow them a minute
            org.awaitility.Awaitility.await("delivery " + delivery + " handled").atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "select count(*) from event_publication where completion_date is null and event_type like '%CouponUsed' and serialized_event like ?")
                    .param("%K-RP-TEST-" + campaign + "%").query(Long.class).single() == 0);
            assertThat(claimStatus(campaign)).isEqualTo("SPENT");
        }

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

    @Test
    void aPacketSpentOnAnOrderIsPaidForOnceByTheSupplierWhenTheOrderSettles() {
        Staff supplier = packets.owedSupplier("红包消费果园", 9_000);
        long payableBefore = packets.payable(supplier);
        long campaign = packets.running(supplier, "下单红包", 600, 200, 200, Duration.ofHours(1));
        long sku = jdbc.sql("select k.id from sku k join product p on p.id = k.product_id where p.supplier_id = ? order by k.id limit 1")
                .param(supplier.supplierId()).query(Long.class).single();
        Member buyer = fixtures.member("用红包的人");
        Response won = buyer.session().post("/api/red-packets/" + campaign + "/claims", Map.of());
        assertThat(won.status()).as(won.body()).isEqualTo(201);

        Purchases.Placed placed = purchases.placeAndPay(buyer, 1, sku);
        String order = placed.orderNumbers().get(0);
        long total = jdbc.sql("select total_fen from orders where number = ?").param(order).query(Long.class).single();
        long goodsAndShipping = jdbc.sql("select goods_fen + shipping_fen from orders where number = ?").param(order).query(Long.class).single();
        assertThat(total).as("the packet took 2.00 off the order").isEqualTo(goodsAndShipping - 200);
        Purchases.await("the packet spent", () -> "SPENT".equals(claimStatus(campaign)));
        assertThat(jdbc.sql("select order_number from red_packet_claim where campaign_id = ?").param(campaign).query(String.class).single()).isEqualTo(order);
        assertThat(packets.held(supplier)).as("the spent packet left the hold; 4.00 unclaimed is still held").isEqualTo(400);

        // the order completes: its settlement credits the supplier the supply price and shipping, less the 2.00 it funded
        Response shipped = supplier.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "顺丰速运", "trackingNumber", "SF5550001111"));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(buyer.session().post("/api/me/orders/" + order + "/receipt", Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        orderTimers.runDue();
        redPacketTimers.runDue();
        redPacketTimers.runDue();
        assertThat(purchases.status(order)).isEqualTo("COMPLETED");
        assertThat(status(campaign)).isEqualTo("SETTLED");
        long supplyAndShipping = jdbc.sql("""
                        select coalesce(sum(l.supply_price_fen * l.quantity), 0) + max(o.shipping_fen)
                        from order_line l join orders o on o.id = l.order_id where o.number = ?""").param(order).query(Long.class).single();
        assertThat(packets.held(supplier)).isZero();
        assertThat(packets.payable(supplier)).as("the supplier paid exactly for the packet spent on goods kept")
                .isEqualTo(payableBefore + supplyAndShipping - 200);
        assertThat(figuresOf(supplier, campaign)).containsExactly(Map.of("claimed", 200L, "spent", 200L, "returned", 400L, "held", 0L));
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
