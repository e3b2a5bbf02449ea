package com.kinshop.flashsale;

import com.kinshop.identity.AccountAccess;
import com.kinshop.identity.AccountView;
import com.kinshop.identity.Role;
import com.kinshop.ordering.AddressForm;
import com.kinshop.ordering.Addresses;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Phones;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RELIABILITY race 4: 100 units, a limit of 1, 2,000 signed-in buyers released at once (each with an address of their
 * own; a tenth of them tapping twice with one key). At most 100 claims and orders, nobody over the limit, every answer
 * 202 or a clear 409 (never a 500), stock never negative, remaining + live claims = quantity.
 *
 * <p>The buyers' accounts and addresses are made through identity's and ordering's public services (one password hash
 * for all, as demo data does: Argon2 per account would take minutes), then each signs in over HTTP with a one-time code.
 * One HTTP client serves them all, each request carrying its buyer's session cookie.
 */
@KinshopIT
class FlashSaleRaceIT extends MoneyPathTest {

    private static final int BUYERS = 2_000;
    private static final int UNITS = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MutableClock clock;
    @Autowired
    AccountAccess accounts;
    @Autowired
    Addresses addresses;
    FlashSaleFixtures flash;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void flashFixtures() {
        flash = new FlashSaleFixtures(fixtures, jdbc, clock);
    }

    private record Buyer(long id, String session, long addressId) {
    }

    private record Answer(int status, JsonNode body) {
    }

    @Test
    void race4HundredUnitsTwoThousandBuyersAtOnce() throws Exception {
        FlashSaleFixtures.Sale sale = flash.running("秒杀两千人", UNITS, 1, Duration.ofDays(1));
        long t0 = System.nanoTime();
        List<Buyer> buyers = buyers(BUYERS);
        long t1 = System.nanoTime();
        String path = "/api/me/flash-sales/" + sale.id() + "/buys";
        List<Answer> answers = all(BUYERS + BUYERS / 10, 200, i -> {
            Buyer buyer = buyers.get(i % BUYERS);
            String key = "race-" + sale.id() + "-" + buyer.id();
            return post(buyer.session(), path, Map.of("skuId", sale.skuId(), "addressId", buyer.addressId()), key);
        });

        System.out.printf("race4: %d buyers signed in in %d ms, %d attempts in %d ms%n", BUYERS, (t1 - t0) / 1_000_000, answers.size(),
                (System.nanoTime() - t1) / 1_000_000);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(String.valueOf(answer.body())).isIn(202, 409);
            if (answer.status() == 409) {
                assertThat(answer.body().get("code").asString()).isIn("flash.sold-out", "flash.limit-reached");
            }
        });
        List<Long> won = answers.stream().filter(answer -> answer.status() == 202).map(answer -> answer.body().get("claimId").asLong()).distinct().toList();
        assertThat(won).as("every unit sold, not one more").hasSize(UNITS);
        assertThat(answers.stream().filter(answer -> answer.status() == 409 && answer.body().get("code").asString().equals("flash.sold-out")).count())
                .as("most buyers are told it is sold out").isGreaterThan(BUYERS - UNITS - BUYERS / 10);
        assertThat(flash.claims(sale)).isEqualTo(UNITS);
        Purchases.await("every claim ordered", () -> jdbc.sql("select count(*) from flash_claim where sale_id = ? and status = 'ORDERED'")
                .param(sale.id()).query(Integer.class).single() == UNITS);
        flash.addsUp(sale, 1);
        assertThat(flash.stock(sale.skuId())).as("checkouts took nothing beyond the set-aside").containsExactly(20, UNITS, 0);
        assertThat(flash.remaining(sale)).isZero();
        Purchases.await("attempts counted", () -> fixtures.operator().get("/api/admin/flash-sales/" + sale.id() + "/figures").json()
                .get("attempts").asLong() == BUYERS + BUYERS / 10);
        assertThat(fixtures.operator().get("/api/admin/flash-sales/" + sale.id() + "/figures").json().get("soldOutAt").isNull()).isFalse();
    }

    /** Accounts through identity's public service, an address each through ordering's, then a code sign-in each over HTTP. */
    private List<Buyer> buyers(int count) throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 6);
        List<AccountAccess.NewAccount> wanted = IntStream.range(0, count)
                .mapToObj(i -> new AccountAccess.NewAccount(Phones.fresh(), "抢" + batch + i, Set.of(Role.MEMBER))).toList();
        long t0 = System.nanoTime();
        List<AccountView> made = accounts.createIfAbsent(wanted, "secret123");
        List<Long> addressIds = all(count, 16, i -> addresses.add(made.get(i).id(),
                new AddressForm("抢购人", "13800001111", "上海市浦东新区", "世纪大道 " + batch + " 弄 " + i + " 号")).id().value());
        System.out.printf("race4: %d accounts and addresses in %d ms%n", count, (System.nanoTime() - t0) / 1_000_000);
        return all(count, 64, i -> {
            String phone = wanted.get(i).phone();
            Answer sent = post(null, "/api/auth/codes", Map.of("phone", phone, "purpose", "LOGIN"), null);
            assertThat(sent.status()).as(String.valueOf(sent.body())).isEqualTo(202);
            HttpResponse<String> login = send(null, "/api/auth/login/code", Map.of("phone", phone, "code", Phones.lastCodeSentTo(jdbc, phone)), null);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String session = login.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("KINSHOP_SESSION="))
                    .map(cookie -> cookie.substring("KINSHOP_SESSION=".length(), cookie.indexOf(';'))).findFirst().orElseThrow();
            return new Buyer(made.get(i).id().value(), session, addressIds.get(i));
        });
    }

    private Answer post(String session, String path, Object body, String key) throws Exception {
        HttpResponse<String> response = send(session, path, body, key);
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    /** A JSON POST as a browser would send it: the session cookie, and the CSRF double-submit cookie echoed in a header. */
    private HttpResponse<String> send(String session, String path, Object body, String key) throws Exception {
        String csrf = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN").header("X-XSRF-TOKEN", csrf)
                .header("Cookie", "XSRF-TOKEN=" + csrf + (session == null ? "" : "; KINSHOP_SESSION=" + session));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Indexed<T> {
        T call(int index) throws Exception;
    }

    /** Runs {@code count} calls on {@code threads} threads, all released at the same instant. */
    private static <T> List<T> all(int count, int threads, Indexed<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
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
