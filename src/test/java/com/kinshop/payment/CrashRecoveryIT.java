package com.kinshop.payment;

import com.kinshop.support.Concurrently;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * RELIABILITY fault 10: the process dies between the provider's answer and the commit, and the database restarts.
 * The packaged application runs as a separate process over a kept data directory, driven over HTTP like a buyer.
 * <ol>
 *   <li>With {@code kinshop.chaos.halt-before-commit=payment-notification} the sandbox's notification reaches
 *   {@link Payments#accept} and the JVM halts (exit 137) just before the commit: the provider says PAID, the platform
 *   recorded nothing. A plain restart on the same data directory stops the PostgreSQL the dead JVM left running and
 *   starts it again; the sandbox redelivers and recovery asks the provider.</li>
 *   <li>A {@code kill -9} at a random moment while several payments are being delivered, and an immediate shutdown of
 *   PostgreSQL (a crash: the next start replays its WAL), then a restart.</li>
 * </ol>
 * After each restart: every paid order matches exactly one provider payment, once in the ledger, stock sold once,
 * nothing refunded, no event left unhandled, and the ledger proves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final String PASSWORD = "kinshop123";
    private static final String OPERATOR = "13800000000";
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofSeconds(45);

    private final Path work = Path.of("target", "crash-recovery").toAbsolutePath();
    private final Path dataDir = work.resolve("pg");
    private final int httpPort = KinshopProcess.freePort();
    private final int pgPort = KinshopProcess.freePort();
    private JdbcClient db;
    private KinshopProcess app;
    private int starts;
    private boolean firstScenarioPassed;
    private List<Long> skus;
    /** Every checkout paid so far: the invariants are checked over all of them. */
    private final List<String> checkouts = new ArrayList<>();
    /** Units each test bought of each SKU, and the levels before the first purchase. */
    private final Map<Long, Integer> bought = new LinkedHashMap<>();
    private final Map<Long, int[]> levelsBefore = new LinkedHashMap<>();

    @BeforeAll
    void freshDataDirectory() {
        KinshopProcess.deleteRecursively(work.resolve("pg"));
        KinshopProcess.deleteRecursively(work.resolve("media"));
        db = JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://localhost:" + pgPort + "/kinshop", "postgres", ""));
    }

    @AfterAll
    void stopEverything() {
        if (app != null) {
            app.stop();
        }
        if (KinshopProcess.stopPostgresOf(dataDir)) {
            System.err.println("CrashRecoveryIT: stopped a PostgreSQL left running on " + dataDir);
        }
        KinshopProcess.deleteRecursively(dataDir);
    }

    @Test
    @Order(1)
    void killedBetweenTheProvidersAnswerAndTheCommitThePaymentIsRecordedOnceAfterTheRestart() {
        app = start("halt-before-commit", true);
        assertThat(app.log()).contains("FAULT INJECTION ON");
        HttpSession buyer = signIn("13800000001");
        skus = twoSkusOfDifferentSuppliers();
        skus.forEach(sku -> levelsBefore.put(sku, levels(sku)));
        String checkout = checkOut(buyer, address(buyer), 2);
        JsonNode payment = startPayment(buyer, checkout);
        String paymentNumber = payment.get("paymentNumber").asString();

        String payUrl = payment.get("payUrl").asString();
        Response pressed = buyer.postForm(payUrl, payUrl + "/pay", Map.of());
        assertThat(pressed.status()).as(pressed.body()).isEqualTo(302);

        assertThat(app.awaitExit(Duration.ofSeconds(30))).as("halted before the commit").isEqualTo(137);
        assertThat(app.log()).contains("FAULT INJECTION: halting before the commit of payment-notification");
        // the dead JVM's PostgreSQL still answers: the provider has said PAID, the platform committed nothing
        assertThat(KinshopProcess.postmasterOf(dataDir)).as("PostgreSQL left running by the killed JVM").isPresent();
        assertThat(one("select status from sandbox_payment where out_trade_no = ?", paymentNumber)).isEqualTo("PAID");
        assertThat(one("select status from payment where number = ?", paymentNumber)).isEqualTo("CREATED");
        assertThat(count("select count(*) from payment_notification where payment_number = ?", paymentNumber)).isZero();
        assertThat(count("select count(*) from ledger_journal where business_key = ?", "payment:" + paymentNumber)).isZero();
        assertThat(db.sql("select status from orders o join checkout c on c.id = o.checkout_id where c.number = ?").param(checkout)
                .query(String.class).list()).containsOnly("AWAITING_PAYMENT").hasSize(2);
        assertThat(count("select count(*) from sandbox_delivery where body like ? and delivered_at is null", "%" + paymentNumber + "%"))
                .as("no delivery acknowledged").isEqualTo(2);

        app = start("restart-after-halt", false);
        assertThat(app.log()).as("the new process stops the PostgreSQL left running, then starts it again")
                .containsPattern("stopping PostgreSQL \\(pid \\d+\\) left running on .*" + dataDir.getFileName());
        HttpSession sameBuyer = new HttpSession(httpPort);
        sameBuyer.useSessionOf(buyer.cookie("KINSHOP_SESSION")); // sessions are rows: the buyer is still signed in
        awaitOrdersPaid(sameBuyer, checkout);
        record(checkout, 2);

        assertEveryPaymentRecordedOnce();
        firstScenarioPassed = true;
    }

    @Test
    @Order(2)
    void killedAtARandomMomentWhileSeveralPaymentsAreDeliveredWithTheDatabaseCrashingTooEveryPaymentIsRecordedOnce() throws Exception {
        assumeTrue(firstScenarioPassed, "builds on the books the first scenario left");
        if (!app.isAlive()) {
            app = start("before-random-kill", false);
        }
        HttpSession buyer = signIn("13800000002");
        long address = address(buyer);
        List<String> placed = new ArrayList<>();
        List<String> payUrls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String checkout = checkOut(buyer, address, 1);
            placed.add(checkout);
            payUrls.add(startPayment(buyer, checkout).get("payUrl").asString());
        }
        AtomicInteger next = new AtomicInteger();
        assertThat(Concurrently.all(payUrls.size(), () -> {
            String payUrl = payUrls.get(next.getAndIncrement());
            return buyer.postForm(payUrl, payUrl + "/pay", Map.of()).status();
        })).containsOnly(302);
        // the sandbox polls every 200 ms and sends a duplicate of each a second later: somewhere in the middle of that
        long seed = System.nanoTime();
        long delay = new Random(seed).nextInt(500);
        Thread.sleep(delay);
        assertThat(app.kill()).isEqualTo(137);
        long recorded = db.sql("select count(*) from payment p where p.reference in (:refs) and p.status = 'SUCCEEDED'").param("refs", placed)
                .query(Long.class).single();
        long acknowledged = db.sql("""
                        select count(*) from sandbox_delivery d join payment p on d.body like '%' || p.number || '%'
                        where p.reference in (:refs) and d.delivered_at is not null""").param("refs", placed).query(Long.class).single();
        System.err.printf("CrashRecoveryIT: killed %d ms after the payers paid (seed %d); %d of %d payments recorded, %d of %d deliveries acknowledged%n",
                delay, seed, recorded, placed.size(), acknowledged, 2 * placed.size());
        // and the database crashes too: an immediate shutdown (no checkpoint), so the next start replays the WAL
        long postmaster = KinshopProcess.postmasterOf(dataDir).orElseThrow().pid();
        KinshopProcess.crashPostgresOf(dataDir);

        app = start("restart-after-kill", false);
        assertThat(KinshopProcess.postmasterOf(dataDir)).map(ProcessHandle::pid).isPresent().get().isNotEqualTo(postmaster);
        HttpSession sameBuyer = new HttpSession(httpPort);
        sameBuyer.useSessionOf(buyer.cookie("KINSHOP_SESSION"));
        for (String checkout : placed) {
            awaitOrdersPaid(sameBuyer, checkout);
            record(checkout, 1);
        }

        assertEveryPaymentRecordedOnce();
    }

    // --- the invariants ---

    private void assertEveryPaymentRecordedOnce() {
        awaitQuiet();
        for (String checkout : checkouts) {
            List<String> payments = db.sql("select number || ' ' || status from payment where reference = ?").param(checkout).query(String.class).list();
            assertThat(payments).as("payments of " + checkout).hasSize(1);
            assertThat(payments.get(0)).endsWith(" SUCCEEDED");
            String number = payments.get(0).split(" ")[0];
            assertThat(count("select count(*) from ledger_journal where business_key = ?", "payment:" + number)).as("journal of " + number).isEqualTo(1);
            assertThat(count("select count(*) from payment_notification where payment_number = ?", number)).as("notification of " + number).isEqualTo(1);
            List<Map<String, Object>> orders = db.sql("""
                            select o.id, o.number, o.status, o.payment_number, o.buyer_id from orders o join checkout c on c.id = o.checkout_id
                            where c.number = ?""").param(checkout).query().listOfRows();
            assertThat(orders).as("orders of " + checkout).hasSize(2);
            for (Map<String, Object> order : orders) {
                assertThat(order.get("status")).isEqualTo("PAID");
                assertThat(order.get("payment_number")).isEqualTo(number);
                assertThat(count("select count(*) from ledger_journal where business_key = ?", "order-paid:" + order.get("id")))
                        .as("escrow journal of order " + order.get("number")).isEqualTo(1);
                assertThat(count("select count(*) from inbox_message where account_id = ? and dedupe_key = ?", order.get("buyer_id"),
                        "paid:" + order.get("number"))).as("one 'paid' message for " + order.get("number")).isEqualTo(1);
            }
        }
        // the provider's books and ours, one to one
        assertThat(db.sql("""
                        select coalesce(s.out_trade_no, p.number) || ': provider ' || coalesce(s.status, '-') || ' ' || coalesce(s.amount_fen::text, '-')
                               || ', ours ' || coalesce(p.status, '-') || ' ' || coalesce(p.amount_fen::text, '-')
                        from (select * from sandbox_payment where status = 'PAID') s
                        full join (select * from payment where status = 'SUCCEEDED') p on p.number = s.out_trade_no
                        where s.out_trade_no is null or p.number is null or s.amount_fen <> p.amount_fen""").query(String.class).list())
                .as("provider payments without a payment of ours, or the other way round").isEmpty();
        long succeeded = count("select count(*) from payment where status = 'SUCCEEDED'");
        assertThat(succeeded).isEqualTo(checkouts.size());
        assertThat(count("select count(*) from ledger_journal where business_key like 'payment:%'")).isEqualTo(succeeded);
        assertThat(count("select count(*) from ledger_journal where business_key like 'order-paid:%'"))
                .isEqualTo(count("select count(*) from orders where paid_at is not null")).isEqualTo(2L * checkouts.size());
        assertThat(Math.abs(balance("provider:sandbox:funds"))).as("money at the provider")
                .isEqualTo(count("select coalesce(sum(amount_fen), 0) from payment where status = 'SUCCEEDED'"))
                .isEqualTo(count("select coalesce(sum(amount_fen), 0) from sandbox_payment where status = 'PAID'"));
        assertThat(balance("platform:clearing")).as("every payment went on to its orders' escrow").isZero();
        assertThat(count("select count(*) from refund")).as("nothing paid twice, so nothing to give back").isZero();
        // stock: sold once per unit bought, nothing left reserved
        for (long sku : skus) {
            int[] before = levelsBefore.get(sku);
            int units = bought.getOrDefault(sku, 0);
            assertThat(levels(sku)).as("stock, reserved, sold of SKU " + sku).containsExactly(before[0] - units, before[1], before[2] + units);
        }
        // the operator's view of the ledger
        JsonNode check = signIn(OPERATOR).get("/api/admin/ledger/check").json();
        assertThat(check.get("unbalancedJournals").isEmpty()).as(check.toString()).isTrue();
        assertThat(check.get("balanceMismatches").isEmpty()).as(check.toString()).isTrue();
        assertThat(check.get("negativeBalances").isEmpty()).as(check.toString()).isTrue();
        assertThat(count("select coalesce(sum(amount_fen), 0) from ledger_entry")).isZero();
    }

    /** Redeliveries and duplicates all acknowledged, every event handled: nothing more can change. */
    private void awaitQuiet() {
        await("every sandbox notification acknowledged", () -> count("select count(*) from sandbox_delivery where delivered_at is null") == 0);
        await("every event publication completed", () -> count("select count(*) from event_publication where completion_date is null") == 0);
        await("no payment left open", () -> count("select count(*) from payment where status = 'CREATED'") == 0);
    }

    private void record(String checkout, int quantity) {
        checkouts.add(checkout);
        skus.forEach(sku -> bought.merge(sku, quantity, Integer::sum));
    }

    // --- the buyer's side, over HTTP ---

    private KinshopProcess start(String name, boolean haltBeforeCommit) {
        List<String> arguments = new ArrayList<>(List.of(
                "--kinshop.embedded-db.data-dir=" + dataDir,
                "--kinshop.embedded-db.port=" + pgPort,
                "--kinshop.media.dir=" + work.resolve("media"),
                "--kinshop.payment.sandbox.delivery-poll=200ms",
                "--kinshop.payment.refund-poll=500ms",
                // the books are checked whole: no demo orders in them
                "--kinshop.demo.orders=false"));
        if (haltBeforeCommit) {
            // and no early recovery by query: it would record the payment itself before the notification arrives to halt
            arguments.add("--kinshop.chaos.halt-before-commit=payment-notification");
        } else {
            arguments.addAll(List.of("--kinshop.payment.recover-after=5s", "--kinshop.payment.recover-poll=2s"));
        }
        Path log = work.resolve("logs").resolve(++starts + "-" + name + ".log");
        Instant started = Instant.now();
        KinshopProcess process = KinshopProcess.start(name, log, httpPort, arguments).awaitReady(START);
        System.err.printf("CrashRecoveryIT: %s ready in %d ms (log %s)%n", name, Duration.between(started, Instant.now()).toMillis(), log);
        return process;
    }

    private HttpSession signIn(String phone) {
        HttpSession session = new HttpSession(httpPort);
        Response response = session.post("/api/auth/login", Map.of("phone", phone, "password", PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return session;
    }

    /** One on-sale SKU (plenty in stock) from each of two suppliers, so every checkout is two orders paid by one payment. */
    private List<Long> twoSkusOfDifferentSuppliers() {
        HttpSession visitor = new HttpSession(httpPort);
        List<Long> chosen = new ArrayList<>();
        Set<String> suppliers = new HashSet<>();
        for (JsonNode card : visitor.get("/api/catalog/products").json()) {
            if (chosen.size() == 2 || suppliers.contains(card.get("supplierName").asString())) {
                continue;
            }
            for (JsonNode sku : visitor.get("/api/catalog/products/" + card.get("id").asLong()).json().get("skus")) {
                if (sku.get("stock").asInt() >= 20) {
                    chosen.add(sku.get("id").asLong());
                    suppliers.add(card.get("supplierName").asString());
                    break;
                }
            }
        }
        assertThat(chosen).as("demo SKUs of two suppliers").hasSize(2);
        return chosen;
    }

    private long address(HttpSession buyer) {
        Response added = buyer.post("/api/me/addresses", Map.of("receiver", "收货人", "phone", "13800001111", "region", "上海市浦东新区",
                "detail", "世纪大道 100 号"));
        assertThat(added.status()).as(added.body()).isLessThan(300);
        return added.json().get("id").asLong();
    }

    private String checkOut(HttpSession buyer, long address, int quantity) {
        for (long sku : skus) {
            Response added = buyer.post("/api/me/cart/items", Map.of("skuId", sku, "quantity", quantity));
            assertThat(added.status()).as(added.body()).isEqualTo(200);
        }
        Response placed = buyer.post("/api/me/checkouts", Map.of("addressId", address), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().get("orders").size()).isEqualTo(2);
        return placed.json().get("checkoutNumber").asString();
    }

    private JsonNode startPayment(HttpSession buyer, String checkout) {
        Response started = buyer.post("/api/me/checkouts/" + checkout + "/payments", Map.of(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json();
    }

    /** As the buyer sees it: every order of the checkout says PAID. */
    private void awaitOrdersPaid(HttpSession buyer, String checkout) {
        List<String> orders = db.sql("select o.number from orders o join checkout c on c.id = o.checkout_id where c.number = ?").param(checkout)
                .query(String.class).list();
        for (String order : orders) {
            await("order " + order + " paid", () -> {
                Response detail = buyer.get("/api/me/orders/" + order);
                assertThat(detail.status()).as(detail.body()).isEqualTo(200);
                return "PAID".equals(detail.json().get("summary").get("status").asString());
            });
        }
    }

    // --- the database, read directly ---

    private int[] levels(long sku) {
        return db.sql("select stock, reserved, sold from sku where id = ?").param(sku)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
    }

    private long balance(String account) {
        return db.sql("select coalesce(sum(b.balance_fen), 0) from ledger_account a join ledger_balance b on b.account_id = a.id where a.code = ?")
                .param(account).query(Long.class).single();
    }

    private String one(String sql, Object... params) {
        return db.sql(sql).params(params).query(String.class).single();
    }

    private long count(String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    private void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(SETTLE);
        while (!condition.getAsBoolean()) {
            if (!app.isAlive()) {
                throw new AssertionError("The application died while waiting for " + what + ":\n" + app.logTail(40));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what + "; log tail:\n" + app.logTail(40));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

}
