package com.kinshop.shared.db;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real deadlocks and serialization failures in PostgreSQL, provoked over HTTP through the whole stack (security, MVC,
 * the retry advisor, the transaction, the problem handler): two transactions locking two rows in opposite orders, and
 * read-modify-write transactions at repeatable read on one row. Every answer is 200 and no update is lost; when the
 * database refuses every attempt the answer is the clear 503 with Retry-After, after exactly the configured retries.
 * The probe endpoints and their table exist only in this test's application.
 */
@KinshopIT
@Import(ConflictRetriesIT.Probe.class)
class ConflictRetriesIT extends ApiTest {

    @Autowired
    private ProbeRows rows;
    private HttpSession member;

    @BeforeEach
    void probeTableAndMember() {
        jdbc.sql("create table if not exists conflict_probe (id int primary key, n int not null)").update();
        jdbc.sql("delete from conflict_probe").update();
        jdbc.sql("insert into conflict_probe (id, n) values (1, 0), (2, 0), (3, 0)").update();
        member = fixtures.member("冲突探针").session();
    }

    @Test
    void twoTransactionsLockingTwoRowsInOppositeOrdersDeadlockAndBothSucceedAfterTheRetry() throws Exception {
        long deadlocksBefore = deadlocks();
        long retriedBefore = ConflictRetries.Interceptor.RETRIED.get();
        AtomicInteger next = new AtomicInteger();
        List<Response> answers = Concurrently.all(2, () -> next.getAndIncrement() == 0
                ? member.post("/api/probe/conflicts/deadlock/1/2", Map.of())
                : member.post("/api/probe/conflicts/deadlock/2/1", Map.of()));

        assertThat(answers).extracting(Response::status).as(answers.toString()).containsExactly(200, 200);
        assertThat(counts()).as("both transactions applied, each once").containsExactly(2, 2, 0);
        assertThat(ConflictRetries.Interceptor.RETRIED.get() - retriedBefore).as("the deadlock loser ran again").isGreaterThanOrEqualTo(1);
        awaitDeadlocksAbove(deadlocksBefore); // PostgreSQL itself counted the deadlock it broke
    }

    @Test
    void readModifyWriteAtRepeatableReadFailsToSerializeAndNoIncrementIsLost() throws Exception {
        long retriedBefore = ConflictRetries.Interceptor.RETRIED.get();
        int clients = 6;
        List<Response> answers = Concurrently.all(clients, () -> member.post("/api/probe/conflicts/increment/3", Map.of()));

        assertThat(answers).extracting(Response::status).as(answers.toString()).containsOnly(200);
        assertThat(counts()).as("every increment kept").containsExactly(0, 0, clients);
        assertThat(ConflictRetries.Interceptor.RETRIED.get() - retriedBefore).as("the transactions that read a stale row ran again")
                .isGreaterThanOrEqualTo(clients - 1);
    }

    @Test
    void whenPostgresRefusesEveryAttemptTheAnswerIs503WithRetryAfterAndNothingIsSaved() {
        int callsBefore = rows.refusals();
        Response answer = member.post("/api/probe/conflicts/refused/1", Map.of());

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("request.busy");
        assertThat(answer.json().get("detail").asString()).isEqualTo("系统繁忙，请稍后重试（未保存任何更改）");
        assertThat(rows.refusals() - callsBefore).as("the first attempt and the 5 retries").isEqualTo(6);
        assertThat(counts()).as("every attempt rolled back").containsExactly(0, 0, 0);

        Response english = member.language("en").post("/api/probe/conflicts/refused/1", Map.of());
        assertThat(english.json().get("detail").asString()).isEqualTo("The system is busy: nothing was saved, please try again in a moment");
    }

    @Test
    void onAPageTheSameRefusalIsTheErrorPageWith503AndRetryAfter() {
        Response page = member.get("/probe/conflicts/refused-page");

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.header("Retry-After")).isEqualTo("1");
        assertThat(page.body()).contains("系统繁忙，请稍后重试（未保存任何更改）");
        assertThat(counts()).as("every attempt rolled back").containsExactly(0, 0, 0);
    }

    private List<Integer> counts() {
        return jdbc.sql("select n from conflict_probe order by id").query(Integer.class).list();
    }

    private long deadlocks() {
        return jdbc.sql("select deadlocks from pg_stat_database where datname = current_database()").query(Long.class).single();
    }

    /** The statistics reach pg_stat_database a moment after the transaction ends. */
    private void awaitDeadlocksAbove(long before) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (deadlocks() <= before) {
            assertThat(Instant.now()).as("PostgreSQL counted no deadlock").isBefore(deadline);
            jdbc.sql("select pg_stat_clear_snapshot()").query().listOfRows();
            Thread.sleep(200);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Import({ProbeRows.class, ProbeEndpoints.class, ProbePage.class})
    static class Probe {
    }

    /** Transactions written to conflict; each is an outermost {@code @Transactional} boundary, as a service's would be. */
    static class ProbeRows {

        private final JdbcClient jdbc;
        private final Map<String, CountDownLatch> bothHoldTheirFirstRow = new ConcurrentHashMap<>();
        private final CountDownLatch allHaveRead = new CountDownLatch(6);
        private final AtomicInteger refusals = new AtomicInteger();

        ProbeRows(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        /** Locks {@code first}, waits (on the first attempt only) until the other transaction holds its first row, then locks {@code second}. */
        @Transactional
        public void crossLock(int first, int second) throws InterruptedException {
            jdbc.sql("update conflict_probe set n = n + 1 where id = ?").param(first).update();
            CountDownLatch pair = bothHoldTheirFirstRow.computeIfAbsent(Math.min(first, second) + "-" + Math.max(first, second), k -> new CountDownLatch(2));
            pair.countDown();
            pair.await(5, TimeUnit.SECONDS);
            jdbc.sql("update conflict_probe set n = n + 1 where id = ?").param(second).update();
        }

        /** Reads, waits until all the clients have read the same value (first attempts only), writes value + 1. */
        @Transactional(isolation = Isolation.REPEATABLE_READ)
        public void increment(int id) throws InterruptedException {
            int seen = jdbc.sql("select n from conflict_probe where id = ?").param(id).query(Integer.class).single();
            allHaveRead.countDown();
            allHaveRead.await(5, TimeUnit.SECONDS);
            jdbc.sql("update conflict_probe set n = ? where id = ?").params(seen + 1, id).update();
        }

        /** How often {@link #refused} ran (a method: the bean is a proxy, its fields are not the target's). */
        public int refusals() {
            return refusals.get();
        }

        /** Writes, then PostgreSQL raises "could not serialize" (SQLState 40001) every time. */
        @Transactional
        public void refused(int id) {
            refusals.incrementAndGet();
            jdbc.sql("update conflict_probe set n = n + 1 where id = ?").param(id).update();
            jdbc.sql("do $$ begin raise exception using errcode = '40001', message = 'conflict probe: could not serialize'; end $$").update();
        }
    }

    @org.springframework.stereotype.Controller
    static class ProbePage {

        private final ProbeRows rows;

        ProbePage(ProbeRows rows) {
            this.rows = rows;
        }

        @org.springframework.web.bind.annotation.GetMapping("/probe/conflicts/refused-page")
        String refused() {
            rows.refused(2);
            return "error";
        }
    }

    @RestController
    static class ProbeEndpoints {

        private final ProbeRows rows;

        ProbeEndpoints(ProbeRows rows) {
            this.rows = rows;
        }

        record Done(boolean done) {
        }

        @PostMapping("/api/probe/conflicts/deadlock/{first}/{second}")
        Done deadlock(@PathVariable int first, @PathVariable int second) throws InterruptedException {
            rows.crossLock(first, second);
            return new Done(true);
        }

        @PostMapping("/api/probe/conflicts/increment/{id}")
        Done increment(@PathVariable int id) throws InterruptedException {
            rows.increment(id);
            return new Done(true);
        }

        @PostMapping("/api/probe/conflicts/refused/{id}")
        Done refused(@PathVariable int id) {
            rows.refused(id);
            return new Done(true);
        }
    }
}
