package com.kinshop.ordering;

import com.kinshop.support.KinshopProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data a new user meets on the first start of the packaged application (every demo part on, as
 * {@code mvn spring-boot:run} gives it) tells possible stories: each order step after the one before it, after-sales
 * after payment (a return after shipment), commission after payment, reviews after receipt, nothing in the future; and
 * the suppliers' credit rests on the reviews and complaints there are, nothing made up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTimelinesIT {

    private static final String DEMO_ORDERS = """
            select o.* from orders o join account a on a.id = o.buyer_id where a.phone in ('13800000004', '13800000005', '13800000002')""";

    private final Path work = Path.of("target", "demo-first-start").toAbsolutePath();
    private final int pgPort = KinshopProcess.freePort();
    private KinshopProcess app;
    private JdbcClient jdbc;

    @BeforeAll
    void firstStart() {
        KinshopProcess.deleteRecursively(work);
        app = KinshopProcess.start("demo-first-start", work.resolve("app.log"), KinshopProcess.freePort(), List.of(
                "--kinshop.embedded-db.data-dir=" + work.resolve("pg"), "--kinshop.embedded-db.port=" + pgPort,
                "--kinshop.media.dir=" + work.resolve("media"))).awaitReady(Duration.ofSeconds(180));
        jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://localhost:" + pgPort + "/kinshop", "postgres", ""));
        // ready means seeded; the listeners (credit counters, commission) may still be working through the seeders' events
        Awaitility.await("every demo event handled").atMost(Duration.ofSeconds(60)).until(() ->
                jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.stop();
        }
        KinshopProcess.stopPostgresOf(work.resolve("pg"));
        KinshopProcess.deleteRecursively(work);
    }

    private OffsetDateTime now() {
        return jdbc.sql("select now()").query(OffsetDateTime.class).single();
    }

    @Test
    void theDemoOrdersIncludeEveryKindOfTimeline() {
        assertThat(jdbc.sql("select count(*) from (" + DEMO_ORDERS + ") d where completed_at is not null").query(Integer.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from after_sale a join (" + DEMO_ORDERS + ") d on d.id = a.order_id").query(Integer.class).single())
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from (" + DEMO_ORDERS + ") d where completed_at is not null and paid_at < :then")
                .param("then", now().minusDays(30)).query(Integer.class).single()).as("orders of the months before").isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyDemoOrderStepFollowsTheOneBefore() {
        List<String> impossible = jdbc.sql("""
                        select number || ' ' || status from (%s) d
                        where paid_at <= created_at or shipped_at <= paid_at or received_at <= shipped_at or completed_at <= received_at
                           or cancelled_at <= created_at or (shipped_at is not null and paid_at is null) or (received_at is not null and shipped_at is null)
                           or (completed_at is not null and received_at is null) or greatest(created_at, paid_at, shipped_at, received_at, completed_at, cancelled_at) > :now
                           or receive_deadline <= shipped_at""".formatted(DEMO_ORDERS))
                .param("now", now()).query(String.class).list();
        assertThat(impossible).isEmpty();
    }

    @Test
    void demoAfterSalesAndCommissionComeAfterPayment() {
        List<String> afterSales = jdbc.sql("""
                        select a.number || ' ' || a.kind from after_sale a join (%s) d on d.id = a.order_id
                        where a.created_at <= d.paid_at or a.updated_at < a.created_at or a.updated_at > :now
                           or (a.kind = 'RETURN_AND_REFUND' and a.created_at <= d.shipped_at)""".formatted(DEMO_ORDERS))
                .param("now", now()).query(String.class).list();
        assertThat(afterSales).isEmpty();
        List<String> commissions = jdbc.sql("""
                        select d.number from commission c join (%s) d on d.id = c.order_id
                        where c.created_at <= d.paid_at or c.settled_at < d.completed_at or c.settled_at > :now""".formatted(DEMO_ORDERS))
                .param("now", now()).query(String.class).list();
        assertThat(commissions).isEmpty();
    }

    @Test
    void demoReviewsAreWrittenAfterReceiptAndListedNewestFirst() {
        assertThat(jdbc.sql("select count(*) from review").query(Integer.class).single()).isGreaterThanOrEqualTo(20);
        assertThat(jdbc.sql("""
                        select r.id from review r join orders o on o.number = r.order_number
                        where r.created_at <= o.received_at or r.received_at <> o.received_at or r.created_at > :now""")
                .param("now", now()).query(Long.class).list()).isEmpty();
        assertThat(jdbc.sql("select r1.id from review r1 join review r2 on r2.id > r1.id and r2.created_at < r1.created_at")
                .query(Long.class).list()).as("a later review is never dated earlier: the lists show the newest first by id").isEmpty();
    }

    @Test
    void theSuppliersCreditCountsTheirRealReviewsAndComplaintsOnly() {
        List<String> mismatched = jdbc.sql("""
                        select s.supplier_id || ': ' || s.counted || ' counted, ' || coalesce(r.reviews, 0) || ' reviews' from (
                            select supplier_id, sum(ratings) counted, sum(complaints_upheld) upheld from credit_supplier_day group by supplier_id) s
                        left join (select supplier_id, count(*) reviews from review where status = 'COUNTED' group by supplier_id) r
                               on r.supplier_id = s.supplier_id
                        left join (select supplier_id, count(*) complaints from complaint where upheld group by supplier_id) c
                               on c.supplier_id = s.supplier_id
                        where s.counted <> coalesce(r.reviews, 0) or s.upheld <> coalesce(c.complaints, 0)""").query(String.class).list();
        assertThat(mismatched).isEmpty();
        assertThat(jdbc.sql("select flagged from credit_standing order by supplier_id").query(Boolean.class).list())
                .as("the first demo supplier well rated, the second flagged").containsExactly(false, true);
    }
}
