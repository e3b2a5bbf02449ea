package com.kinshop.payment;

import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.Stock;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment notifications as an attacker or a flaky provider would send them: RELIABILITY race 1 (the same notification
 * 20 times at once, and again later) and abuse 16 (forged, altered, expired, future-dated, replayed, wrong amount,
 * wrong merchant). Each ends with the ledger proven.
 */
@KinshopIT
class PaymentNotificationIT extends MoneyPathTest {

    private static final String ENDPOINT = "/api/payment/notifications/sandbox";

    @Autowired
    Stock stock;
    @Autowired
    Clock clock;


    private record Pending(String order, String payment, long amountFen, long sku) {
    }

    private Pending awaitingPayment(String name) {
        long[] product = fixtures.onSale(fixtures.supplier(name + "供应商"), name, 2_990, 10);
        Member buyer = fixtures.member(name + "买家");
        Purchases.Placed placed = purchases.place(buyer, 2, product[1]);
        String payment = purchases.startPayment(buyer, placed.checkoutNumber()).get("paymentNumber").asString();
        return new Pending(placed.orderNumbers().get(0), payment, purchases.amountFen(payment), product[1]);
    }

    private Response deliver(byte[] body, long timestamp, byte[] secret) {
        return deliver(body, timestamp, NotificationSignature.sign(secret, timestamp, body));
    }

    private Response deliver(byte[] body, long timestamp, String signature) {
        return new HttpSession(port).postRawWithHeaders(ENDPOINT, "application/json", body,
                Map.of("Sandbox-Timestamp", Long.toString(timestamp), "Sandbox-Signature", signature));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static byte[] secret() {
        return Purchases.SANDBOX_SECRET.getBytes(StandardCharsets.UTF_8);
    }

    private int journals(String businessKey) {
        return jdbc.sql("select count(*) from ledger_journal where business_key = ?").param(businessKey).query(Integer.class).single();
    }

    @Test
    void theSameNotificationTwentyTimesAtOnceAndAgainLaterPaysOnce() throws Exception {
        Pending pending = awaitingPayment("二十次通知");
        byte[] body = Purchases.notificationBody("EVT-" + UUID.randomUUID(), Purchases.MERCHANT, pending.payment(), "SUCCEEDED", pending.amountFen());

        List<Response> responses = Concurrently.all(20, () -> deliver(body, now(), secret()));
        Response later = deliver(body, now(), secret());
        byte[] retriedWithNewEventId = Purchases.notificationBody("EVT-" + UUID.randomUUID(), Purchases.MERCHANT, pending.payment(), "SUCCEEDED",
                pending.amountFen());
        Response retried = deliver(retriedWithNewEventId, now(), secret());

        assertThat(responses).extracting(Response::status).containsOnly(200);
        assertThat(later.status()).isEqualTo(200);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(purchases.status(pending.order())).isEqualTo("PAID");
        assertThat(journals("payment:" + pending.payment())).isEqualTo(1);
        assertThat(journals("order-paid:" + purchases.orderId(pending.order()))).isEqualTo(1);
        assertThat(stock.levels(new SkuId(pending.sku()))).isEqualTo(new Stock.Levels(8, 0, 2));
        assertThat(jdbc.sql("select count(*) from refund where payment_number = ?").param(pending.payment()).query(Integer.class).single())
                .as("a repeat of a recorded payment is not a second payment").isZero();
    }

    @Test
    void forgedAlteredExpiredFutureAndMisdirectedNotificationsChangeNothing() {
        Pending pending = awaitingPayment("伪造通知");
        byte[] genuine = Purchases.notificationBody("EVT-" + UUID.randomUUID(), Purchases.MERCHANT, pending.payment(), "SUCCEEDED",
                pending.amountFen());
        long now = now();
        byte[] altered = new String(genuine, StandardCharsets.UTF_8).replace("\"amount_fen\":" + pending.amountFen(), "\"amount_fen\":1")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(deliver(genuine, now, "forged-secret".getBytes(StandardCharsets.UTF_8)).status()).as("forged").isEqualTo(401);
        assertThat(deliver(altered, now, NotificationSignature.sign(secret(), now, genuine)).status()).as("altered after signing").isEqualTo(401);
        assertThat(deliver(genuine, now - 600, secret()).status()).as("expired").isEqualTo(401);
        assertThat(deliver(genuine, now + 600, secret()).status()).as("from the future").isEqualTo(401);
        assertThat(deliver(genuine, now, "").status()).as("unsigned").isEqualTo(401);
        assertThat(deliver("not json".getBytes(StandardCharsets.UTF_8), now, secret()).status()).as("signed garbage").isEqualTo(401);
        Response wrongAmount = deliver(Purchases.notificationBody("EVT-" + UUID.randomUUID(), Purchases.MERCHANT, pending.payment(), "SUCCEEDED", 1),
                now, secret());
        assertThat(wrongAmount.status()).as("valid signature, wrong amount").isEqualTo(400);
        assertThat(wrongAmount.json().get("detail").asString()).isEqualTo("通知的金额和支付单不一致");
        assertThat(wrongAmount.fieldError("amount_fen")).as("the field the notification has").isEqualTo("通知的金额和支付单不一致");
        Response wrongMerchant = deliver(Purchases.notificationBody("EVT-" + UUID.randomUUID(), "SOMEONE-ELSE", pending.payment(), "SUCCEEDED",
                pending.amountFen()), now, secret());
        assertThat(wrongMerchant.status()).as("valid signature, another merchant").isEqualTo(400);
        assertThat(wrongMerchant.fieldError("merchant_id")).isEqualTo("通知的商户号不是本平台");
        Response unknown = deliver(Purchases.notificationBody("EVT-" + UUID.randomUUID(), Purchases.MERCHANT, "P000000000000000000", "SUCCEEDED",
                pending.amountFen()), now, secret());
        assertThat(unknown.status()).isEqualTo(400);

        assertThat(purchases.status(pending.order())).isEqualTo("AWAITING_PAYMENT");
        assertThat(journals("payment:" + pending.payment())).isZero();
        assertThat(jdbc.sql("select count(*) from payment_notification where payment_number = ?").param(pending.payment()).query(Integer.class).single())
                .as("refused notifications leave no trace that could block the genuine one").isZero();
        assertThat(stock.levels(new SkuId(pending.sku()))).isEqualTo(new Stock.Levels(8, 2, 0));

        assertThat(deliver(genuine, now(), secret()).status()).as("the genuine one still works").isEqualTo(200);
        assertThat(purchases.status(pending.order())).isEqualTo("PAID");
        assertThat(deliver(genuine, now(), secret()).status()).as("replayed").isEqualTo(200);
        assertThat(journals("payment:" + pending.payment())).isEqualTo(1);
    }

    @Test
    void aFailedPaymentCanBeRetriedAndTheRetryPays() {
        long[] product = fixtures.onSale(fixtures.supplier("失败重试供应商"), "失败重试", 1_990, 5);
        Member buyer = fixtures.member("失败重试买家");
        Purchases.Placed placed = purchases.place(buyer, 1, product[1]);
        String firstUrl = purchases.startPayment(buyer, placed.checkoutNumber()).get("payUrl").asString();
        purchases.cashier(buyer, firstUrl, "fail");
        Purchases.await("the failure recorded", () -> "FAILED".equals(jdbc.sql("select status from payment where reference = ? order by id limit 1")
                .param(placed.checkoutNumber()).query(String.class).single()));
        assertThat(purchases.status(placed.orderNumbers().get(0))).isEqualTo("AWAITING_PAYMENT");
        String resultPage = buyer.session().get("/me/pay/" + placed.checkoutNumber()).body();
        assertThat(resultPage).as("the buyer is told it failed, with a way to pay again").contains("data-state=\"FAILED\"").contains("支付失败")
                .contains("data-testid=\"pay-again\"");

        String secondUrl = purchases.startPayment(buyer, placed.checkoutNumber()).get("payUrl").asString();
        assertThat(secondUrl).isNotEqualTo(firstUrl);
        assertThat(buyer.session().postForm(secondUrl, firstUrl + "/pay", Map.of()).body()).as("the failed attempt cannot be paid any more").contains("这笔支付已经处理过了");
        purchases.cashier(buyer, secondUrl, "pay");
        Purchases.await("paid", () -> "PAID".equals(purchases.status(placed.orderNumbers().get(0))));
    }
}
