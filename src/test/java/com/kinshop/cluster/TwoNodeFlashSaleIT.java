package com.kinshop.cluster;

import com.kinshop.support.Fixtures;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flash sale (秒杀) on two nodes sharing one PostgreSQL and one Redis, written against the flash-sale API contract:
 * 100 units, limit 1 per member, 2,000 buyers spread over both nodes. The first wave buys part of the stock; then
 * Redis loses every key and restarts; the second wave must still sell exactly the rest (the counter rebuilt from the
 * database, the per-member limit too). Every answer is 202 or a clear 409. Then the unpaid flash orders pass their
 * payment deadline and each unit goes back exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeFlashSaleIT {

    private static final int UNITS = 100;
    private static final int BUYERS = 2000;
    private static final int FIRST_WAVE = 60;
    private static final Duration PAY_WINDOW = Duration.ofSeconds(75); // longer than the waves and the ordering take on a busy 2-core machine
    private static final String SUPPLIER_STAFF = "13900000001";

    private TwoNodes cluster;
    private final List<TwoNodes.Buyer> buyers = new ArrayList<>();
    private final List<HttpSession> sessions = new ArrayList<>();
    /** Who holds which claim. */
    private record Claim(int buyer, long id) {
    }

    private final List<Claim> claims = new ArrayList<>();
    private final Set<Integer> winners = new HashSet<>();
    private long saleId;
    private long skuId;

    @BeforeAll
    void startTwoNodesAndSignInTheBuyers() throws Exception {
        cluster = TwoNodes.start("two-node-flash-sale", List.of("--kinshop.orders.timer-interval=1s",
                "--kinshop.flashsale.pay-within=" + PAY_WINDOW.toSeconds() + "s", "--kinshop.flashsale.timer-interval=1s"));
        for (int i = 0; i < BUYERS; i++) {
            buyers.add(cluster.newBuyer());
        }
        sessions.addAll(inParallel(BUYERS, i -> cluster.signIn(buyers.get(i), i % 2, i % 2)));
    }

    @AfterAll
    void stopTwoNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aSessionProposedByTheSupplierAndApprovedByTheOperatorStartsOnTime() {
        skuId = cluster.db().sql("""
                        select s.id from sku s join product p on p.id = s.product_id join supplier_staff st on st.supplier_id = p.supplier_id
                        join account a on a.id = st.account_id where a.phone = ? and p.status = 'ON_SALE' order by s.id limit 1""")
                .param(SUPPLIER_STAFF).query(Long.class).single();
        long retail = cluster.count("select retail_fen from sku where id = ?", skuId);
        cluster.db().sql("update sku set stock = stock + 500 where id = ?").param(skuId).update();
        HttpSession staff = new Fixtures(cluster.port(0), cluster.db()).signIn(SUPPLIER_STAFF, Fixtures.DEMO_PASSWORD);
        Instant startsAt = Instant.now().plusSeconds(15);
        Response proposed = staff.post("/api/supplier/flash-sales", Map.of("title", "两节点秒杀", "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plus(Duration.ofMinutes(30)).toString(), "perMemberLimit", 1,
                        "items", List.of(Map.of("skuId", skuId, "flashPriceFen", retail - 1, "quantity", UNITS))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("status").asString()).isEqualTo("PENDING");
        saleId = proposed.json().get("id").asLong();

        HttpSession operator = new Fixtures(cluster.port(1), cluster.db()).signIn(Fixtures.OPERATOR_PHONE, Fixtures.DEMO_PASSWORD);
        Response approved = operator.post("/api/admin/flash-sales/" + saleId + "/approval", Map.of("approved", true));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        Response early = sessions.get(0).post("/api/me/flash-sales/" + saleId + "/buys", buy(0), key());
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        cluster.await("the session running", Duration.ofSeconds(40), () -> "RUNNING".equals(sale(0).get("phase").asString()));
        assertThat(sale(1).get("items").get(0).get("remaining").asInt()).isEqualTo(UNITS);
    }

    @Test
    @Order(2)
    void twoThousandBuyersOverBothNodesWithRedisLosingEverythingMidSaleBuyExactlyTheUnitsAndNobodyMoreThanOnce() throws Exception {
        // first wave: part of the stock, all of it granted
        List<Response> first = inParallel(FIRST_WAVE, i -> attempt(i, key()));
        assertThat(first).extracting(Response::status).as(first.toString()).containsOnly(202);
        record(first, 0);

        // Redis loses every key and restarts empty between two requests
        cluster.redis().flushAll();
        cluster.redis().restart();

        // second wave: everyone else, plus the first wave again (over the limit, even though Redis forgot them)
        List<Integer> second = new ArrayList<>(IntStream.range(FIRST_WAVE, BUYERS).boxed().toList());
        second.addAll(IntStream.range(0, FIRST_WAVE).boxed().toList());
        List<Response> answers = inParallel(second.size(), n -> attempt(second.get(n), key()));
        for (int n = 0; n < answers.size(); n++) {
            Response answer = answers.get(n);
            int buyer = second.get(n);
            if (answer.status() == 202) {
                assertThat(buyer).as("a first-wave buyer bought twice").isGreaterThanOrEqualTo(FIRST_WAVE);
                assertThat(winners.add(buyer)).isTrue();
                claims.add(new Claim(buyer, answer.json().get("claimId").asLong()));
                continue;
            }
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.json().get("code").asString()).isEqualTo(buyer < FIRST_WAVE ? "flash.limit-reached" : "flash.sold-out");
        }
        assertThat(claims).as("units claimed").hasSize(UNITS);
        assertThat(winners).hasSize(UNITS);

        // a double tap is one attempt: the same key answers the same claim
        String tap = UUID.randomUUID().toString();
        Response once = attempt(BUYERS - 1, tap);
        Response again = attempt(BUYERS - 1, tap);
        assertThat(again.status()).isEqualTo(once.status());
        assertThat(again.body()).isEqualTo(once.body());

        Set<String> orders = new HashSet<>();
        for (Claim claim : claims) {
            awaitClaim(claim, "ORDERED").get("orderNumbers").forEach(number -> orders.add(number.asString()));
        }
        assertThat(orders).as("one order per claim").hasSize(UNITS);
        assertThat(sale(0).get("phase").asString()).isEqualTo("SOLD_OUT");
        assertThat(sale(1).get("items").get(0).get("remaining").asInt()).isZero();
        JsonNode figures = new Fixtures(cluster.port(0), cluster.db()).signIn(Fixtures.OPERATOR_PHONE, Fixtures.DEMO_PASSWORD)
                .get("/api/admin/flash-sales/" + saleId + "/figures").json();
        assertThat(figures.get("successes").asInt()).isEqualTo(UNITS);
        assertThat(figures.get("attempts").asInt()).isGreaterThanOrEqualTo(BUYERS + FIRST_WAVE);
        assertThat(figures.get("soldOutAt").isNull()).isFalse();
    }

    @Test
    @Order(3)
    void unpaidFlashOrdersPastTheirDeadlineGiveTheirUnitsBackOnce() {
        cluster.await("every claim released", PAY_WINDOW.plusSeconds(60), () -> claims.stream()
                .allMatch(claim -> "RELEASED".equals(claim(claim).get("status").asString())));
        cluster.await("the units back", Duration.ofSeconds(20), () -> sale(1).get("items").get(0).get("remaining").asInt() == UNITS);
        assertThat(sale(0).get("phase").asString()).isEqualTo("RUNNING");
        assertThat(cluster.count("select count(*) from orders where cancel_reason = 'PAYMENT_TIMEOUT'")).isEqualTo(UNITS);
        // the counter has them again, exactly: a new buyer gets one, the remaining count drops by one
        TwoNodes.Buyer late = cluster.newBuyer();
        HttpSession session = cluster.signIn(late, 1, 1);
        Response bought = session.post("/api/me/flash-sales/" + saleId + "/buys", Map.of("skuId", skuId, "addressId", late.addressId()), key());
        assertThat(bought.status()).as(bought.body()).isEqualTo(202);
        assertThat(sale(0).get("items").get(0).get("remaining").asInt()).isEqualTo(UNITS - 1);
    }

    private Response attempt(int buyer, Map<String, String> key) {
        return sessions.get(buyer).post("/api/me/flash-sales/" + saleId + "/buys", buy(buyer), key);
    }

    private Response attempt(int buyer, String key) {
        return attempt(buyer, Map.of("Idempotency-Key", key));
    }

    private Map<String, Object> buy(int buyer) {
        return Map.of("skuId", skuId, "addressId", buyers.get(buyer).addressId());
    }

    private static Map<String, String> key() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }

    private void record(List<Response> answers, int from) {
        for (int n = 0; n < answers.size(); n++) {
            winners.add(from + n);
            claims.add(new Claim(from + n, answers.get(n).json().get("claimId").asLong()));
        }
    }

    private JsonNode sale(int node) {
        return new HttpSession(cluster.port(node)).get("/api/flash-sales/" + saleId).json();
    }

    private JsonNode claim(Claim claim) {
        Response answer = sessions.get(claim.buyer()).get("/api/me/flash-claims/" + claim.id());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode awaitClaim(Claim claim, String status) {
        cluster.await("claim " + claim.id() + " " + status, Duration.ofSeconds(30), () -> status.equals(claim(claim).get("status").asString()));
        return claim(claim);
    }

    /** Runs {@code n} calls on 32 threads (about as many as a load balancer's keep-alive connections), answers in call order. */
    private static <T> List<T> inParallel(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> call.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
