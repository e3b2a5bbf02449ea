package com.kinshop.flashsale;

import com.kinshop.ordering.OrderTimers;
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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session from proposal to its end over HTTP: approved (its units set aside from stock), a unit bought, ordered at the
 * flash price and paid (the claim PAID, the unit sold from the set-aside); another left unpaid until the 5-minute
 * payment window closes (the claim RELEASED, the unit back in the counter exactly once, stock untouched); a third
 * cancelled by its buyer; and at the end the unsold units back in stock once. The books prove after (MoneyPathTest).
 */
@KinshopIT
class FlashSaleJourneyIT extends MoneyPathTest {

    @Autowired
    MutableClock clock;
    @Autowired
    OrderTimers orderTimers;
    @Autowired
    FlashTimers flashTimers;
    FlashSaleFixtures flash;

    @BeforeEach
    void flashFixtures() {
        flash = new FlashSaleFixtures(fixtures, jdbc, clock);
    }

    @Test
    void proposedApprovedBoughtPaidReleasedAndClosed() {
        FlashSaleFixtures.Sale sale = flash.running("秒杀脐橙", 10, 1, Duration.ofMinutes(10));
        int[] before = flash.stock(sale.skuId());
        assertThat(before).as("approval set 10 of 30 aside: stock, reserved, sold").containsExactly(20, 10, 0);
        Response shown = new HttpSession(port).get("/api/flash-sales/" + sale.id());
        assertThat(shown.json().get("phase").asString()).isEqualTo("RUNNING");
        assertThat(shown.json().get("serverTime").asString()).isNotBlank();
        assertThat(shown.json().get("items").get(0).get("flashPriceFen").asLong()).isEqualTo(FlashSaleFixtures.FLASH_FEN);
        assertThat(new HttpSession(port).get("/api/flash-sales").json().findValuesAsString("title")).contains("测试秒杀场");

        // bought, ordered at the flash price with its unit taken from the set-aside, paid
        Member payer = fixtures.member("秒杀买家");
        Response bought = flash.buy(payer, sale, flash.address(payer), UUID.randomUUID().toString());
        assertThat(bought.status()).as(bought.body()).isEqualTo(202);
        long paidClaim = bought.json().get("claimId").asLong();
        Response ordered = flash.ordered(payer, paidClaim);
        String order = ordered.json().get("orderNumbers").get(0).asString();
        assertThat(ordered.json().get("payBefore").asString()).isNotBlank();
        assertThat(jdbc.sql("select unit_price_fen from order_line l join orders o on o.id = l.order_id where o.number = ?").param(order)
                .query(Long.class).single()).isEqualTo(FlashSaleFixtures.FLASH_FEN);
        assertThat(jdbc.sql("select kind from orders where number = ?").param(order).query(String.class).single()).isEqualTo("FLASH");
        assertThat(flash.stock(sale.skuId())).as("checkout reserved nothing more").containsExactly(20, 10, 0);
        purchases.cashier(payer, purchases.startPayment(payer, ordered.json().get("checkoutNumber").asString()).get("payUrl").asString(), "pay");
        Purchases.await("claim paid", () -> "PAID".equals(flash.claimStatus(paidClaim)));
        assertThat(flash.stock(sale.skuId())).as("paying sold the unit out of the set-aside").containsExactly(20, 9, 1);
        Response again = flash.buy(payer, sale, flash.address(payer), UUID.randomUUID().toString());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("flash.limit-reached");
        flash.addsUp(sale, 1);

        // one left unpaid: the payment window (5 minutes) closes, the unit comes back once
        Member idler = fixtures.member("没付款的人");
        long idleClaim = flash.buy(idler, sale, flash.address(idler), null).json().get("claimId").asLong();
        String idleOrder = flash.ordered(idler, idleClaim).json().get("orderNumbers").get(0).asString();
        // and one its buyer cancels
        Member canceller = fixtures.member("取消的人");
        long cancelledClaim = flash.buy(canceller, sale, flash.address(canceller), null).json().get("claimId").asLong();
        String cancelledOrder = flash.ordered(canceller, cancelledClaim).json().get("orderNumbers").get(0).asString();
        assertThat(flash.remaining(sale)).isEqualTo(7);
        assertThat(canceller.session().post("/api/me/orders/" + cancelledOrder + "/cancel", Map.of()).status()).isEqualTo(200);
        assertThat(flash.claimStatus(cancelledClaim)).isEqualTo("RELEASED");
        assertThat(flash.remaining(sale)).isEqualTo(8);
        clock.advance(Duration.ofMinutes(6));
        Purchases.await("the unpaid flash order cancelled by the payment timer", () -> {
            orderTimers.runDue();
            return "RELEASED".equals(flash.claimStatus(idleClaim));
        });
        assertThat(purchases.status(idleOrder)).isEqualTo("CANCELLED");
        orderTimers.runDue();
        assertThat(flash.remaining(sale)).as("both units back, each once").isEqualTo(9);
        assertThat(flash.stock(sale.skuId())).as("a cancelled flash order leaves the unit set aside for the sale").containsExactly(20, 9, 1);
        Response idlerAgain = flash.buy(idler, sale, flash.address(idler), null);
        assertThat(idlerAgain.status()).as("a released claim no longer counts against the limit: " + idlerAgain.body()).isEqualTo(202);
        flash.ordered(idler, idlerAgain.json().get("claimId").asLong());
        flash.addsUp(sale, 1);

        Response figures = fixtures.operator().get("/api/admin/flash-sales/" + sale.id() + "/figures");
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        assertThat(figures.json().get("attempts").asLong()).isEqualTo(5);
        assertThat(figures.json().get("successes").asLong()).isEqualTo(4);
        assertThat(figures.json().get("paid").asLong()).isEqualTo(1);
        assertThat(figures.json().get("released").asLong()).isEqualTo(2);
        assertThat(figures.json().get("soldOutAt").isNull()).isTrue();
        assertThat(sale.supplier().session().get("/api/supplier/flash-sales/" + sale.id() + "/figures").json().get("successes").asLong()).isEqualTo(4);

        // the end: the last unpaid order times out, then the 8 + 1 unsold units go back to stock, once
        clock.advance(Duration.ofMinutes(6));
        Purchases.await("every claim settled and the unsold units returned", () -> {
            orderTimers.runDue();
            flashTimers.runDue();
            return jdbc.sql("select units_returned_at is not null from flash_sale where id = ?").param(sale.id()).query(Boolean.class).single();
        });
        flashTimers.runDue();
        assertThat(flash.stock(sale.skuId())).as("stock, reserved, sold after the end").containsExactly(29, 0, 1);
        assertThat(new HttpSession(port).get("/api/flash-sales/" + sale.id()).json().get("phase").asString()).isEqualTo("ENDED");
        Response late = flash.buy(idler, sale, flash.address(idler), null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("flash.ended");
    }
}
