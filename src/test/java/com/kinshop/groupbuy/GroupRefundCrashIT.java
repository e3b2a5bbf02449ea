package com.kinshop.groupbuy;

import com.kinshop.support.KinshopProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RELIABILITY fault 9 with a real crash: the packaged app, its demo group with two paid members, the group's deadline
 * passes and the JVM halts (exit 137, as {@code kill -9}) just before the first member's refund commits. After the
 * restart the sweep resumes: each member is refunded exactly once (one refund row under {@code RW<order>}, one refund
 * at the provider, for the whole order), nothing was half-written by the dead process, and no commission is settled.
 * ({@link GroupRefundFaultIT} covers the refund call timing out and a member whose refund cannot take its lock.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupRefundCrashIT {

    private static final Duration START = Duration.ofSeconds(120);

    private final Path work = Path.of("target", "group-refund-crash").toAbsolutePath();
    private final Path dataDir = work.resolve("pg");
    private final int httpPort = KinshopProcess.freePort();
    private final int pgPort = KinshopProcess.freePort();
    private JdbcClient db;
    private KinshopProcess app;
    private int starts;

    @BeforeAll
    void freshDataDirectory() {
        KinshopProcess.deleteRecursively(work);
        db = JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://localhost:" + pgPort + "/kinshop", "postgres", ""));
    }

    @AfterAll
    void stopEverything() {
        if (app != null) {
            app.stop();
        }
        KinshopProcess.stopPostgresOf(dataDir);
        KinshopProcess.deleteRecursively(work);
    }

    @Test
    void aGroupFailingWhileItsRefundWorkerIsKilledRefundsEveryMemberOnceAfterTheRestart() {
        app = start("seed-demo-data", false); // the demo's own failed group is refunded while seeding: not the moment to halt
        app.stop();
        app = start("halt-in-group-refund", true);
        assertThat(app.log()).contains("FAULT INJECTION ON");
        long group = db.sql("select id from group_buy where status = 'OPEN' order by id limit 1").query(Long.class).single();
        List<String> paid = db.sql("select order_number from group_seat where group_id = ? and status = 'PAID' order by id")
                .param(group).query(String.class).list();
        assertThat(paid).as("the demo's open group has paid members").hasSizeGreaterThanOrEqualTo(2);

        db.sql("update group_buy set deadline = now() - interval '1 minute' where id = ?").param(group).update();

        assertThat(app.awaitExit(Duration.ofSeconds(60))).as("halted before the first refund committed").isEqualTo(137);
        assertThat(app.log()).contains("FAULT INJECTION: halting before the commit of group-refund");
        // the group's failure committed; no member's refund did
        assertThat(db.sql("select status from group_buy where id = ?").param(group).query(String.class).single()).isEqualTo("FAILED");
        assertThat(db.sql("select status from group_seat where order_number in (:orders)").param("orders", paid).query(String.class).list())
                .containsOnly("REFUNDING");
        assertThat(count("select count(*) from refund where number in (:refunds)", refundNumbers(paid))).isZero();
        assertThat(db.sql("select status from orders where number in (:orders)").param("orders", paid).query(String.class).list())
                .containsOnly("PAID");

        app = start("restart-after-halt", false);
        await("every member's refund taken by the provider", () -> count("""
                select count(*) from refund where number in (:refunds) and status = 'SUCCEEDED'""", refundNumbers(paid)) == paid.size());

        for (String order : paid) {
            String payment = db.sql("select payment_number from orders where number = ?").param(order).query(String.class).single();
            long total = db.sql("select total_fen from orders where number = ?").param(order).query(Long.class).single();
            assertThat(db.sql("select number from refund where payment_number = ?").param(payment).query(String.class).list())
                    .as("one refund of " + order + ", under its own number").containsExactly("RW" + order);
            assertThat(db.sql("select count(*) || ' ' || sum(amount_fen) from sandbox_refund where out_trade_no = ?").param(payment)
                    .query(String.class).single()).as("one refund at the provider, the whole order").isEqualTo("1 " + total);
            assertThat(db.sql("select status from orders where number = ?").param(order).query(String.class).single()).isEqualTo("REFUNDED");
            assertThat(db.sql("select status || ' ' || refund_number from group_seat where order_number = ?").param(order).query(String.class).single())
                    .isEqualTo("REFUNDED RW" + order);
            assertThat(db.sql("select count(*) from inbox_message where dedupe_key = ?").param("group-refunded:" + order).query(Long.class).single())
                    .as("one message").isEqualTo(1);
        }
        assertThat(count("""
                select count(*) from ledger_journal where business_key in
                    (select 'commission-settle:' || c.id from commission c join orders o on o.id = c.order_id where o.number in (:refunds))""", paid))
                .as("no commission settled").isZero();
        assertThat(count("""
                select count(*) from commission c join orders o on o.id = c.order_id where o.number in (:refunds) and c.status <> 'CANCELLED'""", paid))
                .as("estimated commission cancelled").isZero();
        assertThat(db.sql("""
                        select k.units_sold = (select coalesce(sum(quantity), 0) from group_seat where campaign_id = k.id and status = 'PAID')
                           and k.units_reserved = (select coalesce(sum(quantity), 0) from group_seat where campaign_id = k.id and status = 'SEATED')
                        from group_campaign k where k.id = (select campaign_id from group_buy where id = ?)""")
                .param(group).query(Boolean.class).single()).as("the refunded units are back: sold + reserved + available = units").isTrue();
    }

    private KinshopProcess start(String name, boolean halt) {
        List<String> arguments = new ArrayList<>(List.of(
                "--kinshop.embedded-db.data-dir=" + dataDir,
                "--kinshop.embedded-db.port=" + pgPort,
                "--kinshop.media.dir=" + work.resolve("media"),
                "--kinshop.groupbuy.timer-interval=1s",
                "--kinshop.payment.sandbox.delivery-poll=200ms",
                "--kinshop.payment.refund-poll=500ms"));
        if (halt) {
            arguments.add("--kinshop.chaos.halt-before-commit=group-refund");
        }
        Path log = work.resolve("logs").resolve(++starts + "-" + name + ".log");
        return KinshopProcess.start(name, log, httpPort, arguments).awaitReady(START);
    }

    private static List<String> refundNumbers(List<String> orders) {
        return orders.stream().map(order -> "RW" + order).toList();
    }

    private long count(String sql, List<String> values) {
        return db.sql(sql).param("refunds", values).query(Long.class).single();
    }

    private void await(String what, BooleanSupplier condition) {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what + "; log tail:\n" + app.logTail(40)).isBefore(giveUp);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

}
