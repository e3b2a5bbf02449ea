package com.kinshop.cluster;

import com.kinshop.support.Concurrently;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.TwoNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes against one PostgreSQL and one Redis (see {@link TwoNodes}), every timer sweeping every second
 * on both, the nightly jobs firing every 4 seconds on both:
 * <ol>
 *   <li>a session signed in through node A works on node B, and signing out on B ends it on A too; a one-time code
 *   sent through one node is accepted by the other;</li>
 *   <li>40 buyers spread over both nodes buy 1 unit each of a SKU with 10 in stock at the same moment: exactly 10
 *   orders, every other buyer a clear 409;</li>
 *   <li>the nightly jobs run once per tick across the cluster (ShedLock), not once per node;</li>
 *   <li>the 10 unpaid orders pass their payment deadline while both nodes sweep: each is cancelled once, its unit
 *   released once — the stock is back to 10 with nothing reserved.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final int NIGHTLY_EVERY_SECONDS = 4;
    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(25);
    private static final int STOCK = 10;
    private static final int BUYERS = 40;

    private TwoNodes cluster;
    private long sku;
    private int soldBefore;

    @BeforeAll
    void startTwoNodes() {
        cluster = TwoNodes.start("two-nodes", List.of(
                "--kinshop.orders.timer-interval=1s", "--kinshop.orders.payment-timeout=" + PAYMENT_TIMEOUT.toSeconds() + "s",
                "--kinshop.groupbuy.timer-interval=1s", "--kinshop.bargains.timer-interval=1s", "--kinshop.red-packets.timer-interval=1s",
                "--kinshop.payment.reconcile-cron=*/" + NIGHTLY_EVERY_SECONDS + " * * * * *",
                "--kinshop.commission.tier-cron=*/" + NIGHTLY_EVERY_SECONDS + " * * * * *",
                // shorter than a tick, longer than the two nodes' schedulers fire apart
                "--kinshop.jobs.nightly-lock-at-least=PT3S"));
    }

    @AfterAll
    void stopTwoNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aSessionSignedInOnOneNodeWorksOnTheOtherAndEndsOnBoth() {
        TwoNodes.Buyer buyer = cluster.newBuyer();
        HttpSession onA = cluster.signIn(buyer, 1, 0); // the code sent through B, checked by A
        HttpSession onB = cluster.sameSessionOn(onA, 1);

        Response me = onB.get("/api/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("phone").asString()).isEqualTo(buyer.phone());
        assertThat(onA.get("/api/me").status()).isEqualTo(200);

        Response out = onB.post("/api/auth/logout", Map.of());
        assertThat(out.status()).as(out.body()).isEqualTo(204);
        assertThat(onA.get("/api/me").status()).as("signed out on B, so on A too").isEqualTo(401);
    }

    @Test
    @Order(2)
    void buyersSpreadOverBothNodesNeverBuyMoreThanTheStock() throws Exception {
        sku = skuWithStock();
        soldBefore = (int) cluster.count("select sold from sku where id = ?", sku);
        cluster.db().sql("update sku set stock = ?, reserved = 0 where id = ?").params(STOCK, sku).update();
        List<HttpSession> sessions = new ArrayList<>();
        List<TwoNodes.Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            TwoNodes.Buyer buyer = cluster.newBuyer();
            buyers.add(buyer);
            sessions.add(cluster.signIn(buyer, i % 2, (i + 1) % 2)); // code through one node, signed in and buying on the other
        }
        AtomicInteger next = new AtomicInteger();
        List<Response> answers = Concurrently.all(BUYERS, () -> {
            int i = next.getAndIncrement();
            return sessions.get(i).post("/api/me/checkouts/buy-now",
                    Map.of("addressId", buyers.get(i).addressId(), "skuId", sku, "quantity", 1, "couponIds", List.of()),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        });

        assertThat(answers.stream().filter(answer -> answer.status() == 201).count()).as(answers.toString()).isEqualTo(STOCK);
        for (Response answer : answers) {
            if (answer.status() != 201) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                assertThat(answer.json().get("code").asString()).isEqualTo("sku.stock.insufficient");
            }
        }
        assertThat(cluster.count("select count(distinct o.id) from orders o join order_line l on l.order_id = o.id where l.sku_id = ?", sku))
                .isEqualTo(STOCK);
        assertThat(levels()).as("stock, reserved, sold").containsExactly(0L, (long) STOCK, (long) soldBefore);
    }

    @Test
    @Order(3)
    void theNightlyJobsRunOncePerTickAcrossTheCluster() {
        Instant from = Instant.now();
        cluster.await("four nightly ticks", Duration.ofSeconds(30), () -> Duration.between(from, Instant.now()).toSeconds() >= 4L * NIGHTLY_EVERY_SECONDS + 1);
        for (String job : List.of("Nightly reconciliation of", "Nightly tier review")) {
            Map<Long, Integer> runsPerTick = new TreeMap<>();
            cluster.logged(job).forEach(at -> runsPerTick.merge(at.getEpochSecond() / NIGHTLY_EVERY_SECONDS, 1, Integer::sum));
            assertThat(runsPerTick).as(job + ": runs per tick " + cluster.logLines(job)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(runsPerTick.values()).as(job + ": runs per tick " + runsPerTick).containsOnly(1);
            List<Long> ticks = new ArrayList<>(runsPerTick.keySet());
            assertThat(ticks.get(ticks.size() - 1) - ticks.get(0) + 1).as(job + ": no tick skipped " + ticks).isEqualTo(ticks.size());
        }
        // both nodes fire every tick; only one runs it (the other skipped: the lock was held)
        assertThat(cluster.count("select count(*) from shedlock where name in ('payment-reconciliation', 'commission-tier-promotions')")).isEqualTo(2);
    }

    @Test
    @Order(4)
    void unpaidOrdersAreCancelledOnceWithTheirUnitsReleasedOnceWhileBothNodesSweep() {
        cluster.await("the unpaid orders cancelled", PAYMENT_TIMEOUT.plusSeconds(40),
                () -> cluster.count("select count(*) from orders where status = 'AWAITING_PAYMENT'") == 0);

        assertThat(levels()).as("stock, reserved, sold: every unit back once").containsExactly((long) STOCK, 0L, (long) soldBefore);
        long cancelled = cluster.count("select count(*) from orders where cancel_reason = 'PAYMENT_TIMEOUT'");
        assertThat(cancelled).isEqualTo(STOCK);
        long reported = cluster.logLines("Order timers: ").stream()
                .mapToLong(line -> Long.parseLong(line.replaceAll(".*Order timers: (\\d+) cancelled unpaid.*", "$1"))).sum();
        assertThat(reported).as("cancellations the two nodes' sweeps made, together").isEqualTo(cancelled);
        cluster.await("every event handled", Duration.ofSeconds(30),
                () -> cluster.count("select count(*) from event_publication where completion_date is null") == 0);
    }

    private long skuWithStock() {
        HttpSession visitor = new HttpSession(cluster.port(0));
        for (JsonNode card : visitor.get("/api/catalog/products").json()) {
            for (JsonNode sku : visitor.get("/api/catalog/products/" + card.get("id").asLong()).json().get("skus")) {
                if (sku.get("stock").asInt() >= STOCK) {
                    return sku.get("id").asLong();
                }
            }
        }
        throw new AssertionError("no demo SKU with " + STOCK + " in stock");
    }

    private List<Long> levels() {
        return cluster.db().sql("select stock, reserved, sold from sku where id = ?").param(sku)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }
}
