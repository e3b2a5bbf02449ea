package com.kinshop.ordering;

import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.Stock;
import com.kinshop.ledger.Ledger;
import com.kinshop.payment.NotificationSignature;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** RELIABILITY races on the order path: 2 (pay with one key), 3 (timeout vs late payment), 7-like (the last unit). */
@KinshopIT
class OrderRacesIT extends MoneyPathTest {

    @Autowired
    Stock stock;
    @Autowired
    Ledger ledger;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    MutableClock clock;
    @Autowired
    DataSource dataSource;


    @Test
    void tenSimultaneousPayStartsWithOneKeyOpenOnePayment() throws Exception {
        long[] product = fixtures.onSale(fixtures.supplier("支付幂等供应商"), "支付幂等", 1_000, 5);
        Member buyer = fixtures.member("连点支付");
        Purchases.Placed placed = purchases.place(buyer, 1, product[1]);
        String key = "pay-" + UUID.randomUUID();

        List<Response> sameKey = Concurrently.all(10, () -> buyer.session().post("/api/me/checkouts/" + placed.checkoutNumber() + "/payments",
                Map.of(), Map.of("Idempotency-Key", key)));
        List<Response> otherKeys = Concurrently.all(5, () -> buyer.session().post("/api/me/checkouts/" + placed.checkoutNumber() + "/payments",
                Map.of(), Map.of("Idempotency-Key", UUID.randomUUID().toString())));

        assertThat(sameKey).extracting(Response::status).containsOnly(201);
        assertThat(sameKey).extracting(r -> r.json().get("paymentNumber").asString()).containsOnly(sameKey.get(0).json().get("paymentNumber").asString());
        assertThat(otherKeys).extracting(r -> r.json().get("paymentNumber").asString()).as("an open payment is handed back, not doubled")
                .containsOnly(sameKey.get(0).json().get("paymentNumber").asString());
        assertThat(jdbc.sql("select count(*) from payment where reference = ?").param(placed.checkoutNumber()).query(Integer.class).single()).isEqualTo(1);
    }

    /**
     * Race 3, repeated: the payment-timeout job and the provider's notification hit the same order at the same moment.
     * Either the order is paid and kept, or it is cancelled, its units are back and the payment is refunded in full,
     * once. Never both, never neither. Both are in flight together every round; which reaches the order first is set
     * by the test (it holds the order's row until both queue on it, the first in line goes first), so each outcome is
     * shown, half the rounds each, instead of hoping the scheduler produces both.
     */
    @Test
    void timeoutAndLatePaymentAtTheSameMomentHaveExactlyOneOutcomeWhicheverComesFirst() throws Exception {
        long[] product = fixtures.onSale(fixtures.supplier("超时竞争供应商"), "超时竞争", 1_250, 100);
        int rounds = 6;
        List<String[]> pending = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Member buyer = fixtures.member("竞争买家" + i);
            Purchases.Placed placed = purchases.place(buyer, 2, product[1]);
            String payment = purchases.startPayment(buyer, placed.checkoutNumber()).get("paymentNumber").asString();
            pending.add(new String[] {placed.orderNumbers().get(0), payment});
        }
        clock.advance(Duration.ofMinutes(31));

        for (int round = 0; round < rounds; round++) {
            String[] order = pending.get(round);
            long orderId = purchases.orderId(order[0]);
            // the buyer paid at the provider just as the deadline passed; its notification is on the way
            jdbc.sql("update sandbox_payment set status = 'PAID', paid_at = now() where out_trade_no = ?").param(order[1]).update();
            byte[] body = Purchases.notificationBody("EVT-" + UUID.randomUUID(), Purchases.MERCHANT, order[1], "SUCCEEDED", purchases.amountFen(order[1]));
            Callable<Object> timeout = () -> lifecycle.cancel(orderId, OrderEvents.CancelReason.PAYMENT_TIMEOUT);
            Callable<Object> notification = () -> {
                long now = clock.instant().getEpochSecond();
                return new HttpSession(port).postRawWithHeaders("/api/payment/notifications/sandbox", "application/json", body,
                        Map.of("Sandbox-Timestamp", Long.toString(now), "Sandbox-Signature",
                                NotificationSignature.sign(Purchases.SANDBOX_SECRET.getBytes(StandardCharsets.UTF_8), now, body))).status();
            };
            if (round % 2 == 0) {
                assertThat(inTurn(orderId, timeout, notification)).as("the timeout cancels; the notification is acknowledged")
                        .containsExactly(true, 200);
            } else {
                assertThat(inTurn(orderId, notification, timeout)).as("the notification pays; the timeout finds nothing to cancel")
                        .containsExactly(200, false);
            }
        }

        for (int round = 0; round < rounds; round++) {
            String[] order = pending.get(round);
            boolean timedOut = round % 2 == 0;
            assertThat(purchases.status(order[0])).isEqualTo(timedOut ? "CANCELLED" : "PAID");
            if (timedOut) {
                Purchases.await("refund of " + order[1], () -> "SUCCEEDED".equals(jdbc.sql("select status from refund where number = ?")
                        .param("RL" + order[1]).query(String.class).optional().orElse(null)));
                assertThat(jdbc.sql("select amount_fen from refund where payment_number = ?").param(order[1]).query(Long.class).list())
                        .containsExactly(purchases.amountFen(order[1]));
                assertThat(jdbc.sql("select count(*) from sandbox_refund where out_trade_no = ?").param(order[1]).query(Integer.class).single()).isEqualTo(1);
            } else {
                assertThat(jdbc.sql("select count(*) from refund where payment_number = ?").param(order[1]).query(Integer.class).single()).isZero();
            }
        }
        int paid = rounds / 2;
        assertThat(stock.levels(new SkuId(product[1]))).isEqualTo(new Stock.Levels(100 - 2 * paid, 0, 2 * paid));
        assertThat(ledger.balance("platform:clearing").fen()).as("every late payment went back: clearing is even").isZero();
    }

    /**
     * Runs both calls at once with a set winner: the test holds the order's row, starts {@code first}, waits until it is
     * queued on the row, starts {@code second}, waits until that queues too, and lets go. PostgreSQL hands a row to its
     * waiters in the order they came, so {@code first} acts on the order first and {@code second} sees what it left.
     */
    private List<Object> inTurn(long orderId, Callable<Object> first, Callable<Object> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from orders where id = ? for update")) {
                lock.setLong(1, orderId);
                lock.executeQuery().close();
            }
            Future<Object> firstResult = pool.submit(first);
            awaitQueuedOnOrders(1);
            Future<Object> secondResult = pool.submit(second);
            awaitQueuedOnOrders(2);
            holder.commit();
            return List.of(firstResult.get(30, TimeUnit.SECONDS), secondResult.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitQueuedOnOrders(int waiting) {
        Purchases.await(waiting + " waiting on the order's row", () -> jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock' and query ilike '%update orders set status%'""")
                .query(Integer.class).single() == waiting);
    }

    @Test
    void twentyBuyersOnTheLastUnitOneGetsItAndPaysForIt() throws Exception {
        long[] product = fixtures.onSale(fixtures.supplier("最后一件供应商"), "最后一件", 9_900, 1);
        List<Member> buyers = new ArrayList<>();
        List<Long> addresses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Member buyer = fixtures.member("抢最后一件" + i);
            assertThat(buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1)).status()).isLessThan(300);
            buyers.add(buyer);
            addresses.add(purchases.address(buyer));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        List<Response> results = Concurrently.all(20, () -> {
            int i = next.getAndIncrement();
            return buyers.get(i).session().post("/api/me/checkouts", Map.of("addressId", addresses.get(i)),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        });

        assertThat(results.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(results.stream().filter(r -> r.status() == 409)).hasSize(19)
                .allSatisfy(r -> assertThat(r.json().get("detail").asString()).contains("库存"));
        assertThat(stock.levels(new SkuId(product[1]))).isEqualTo(new Stock.Levels(0, 1, 0));
        assertThat(jdbc.sql("select count(*) from order_line where sku_id = ?").param(product[1]).query(Integer.class).single()).isEqualTo(1);
    }
}
