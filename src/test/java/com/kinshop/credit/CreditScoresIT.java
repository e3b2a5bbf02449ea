package com.kinshop.credit;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Events → counters → composite scores and the 综合 sort, redelivery and concurrency, over the real app. */
@KinshopIT
class CreditScoresIT extends CreditApiTest {

    @Test
    void eventsFeedTheCountersAndTheCompositeSortIsTheDefault() {
        Staff supplier = fixtures.supplier("综合排序果园");
        long loved = fixtures.onSale(supplier, "综合甲苹果", 2_000, 50)[0];
        long[] plainIds = fixtures.onSale(supplier, "综合甲梨子", 2_000, 50);
        long plain = plainIds[0];
        long refunded = fixtures.onSale(supplier, "综合甲橘子", 2_000, 50)[0];
        // stored scores use the platform mean of their product's last event, so each is checked right after its events
        for (int i = 0; i < 5; i++) {
            events.publish(events.stars(loved, supplier.supplierId(), 5, 5, 4));
        }
        events.handled();
        assertThat(counters(loved)).containsExactly(5, 25, 0, 0, 0, 0);
        assertThat(composite(loved)).isCloseTo(expectedComposite(loved, 1.0), within(0.006));
        assertThat(composite(plain)).as("no event yet: the prior at the mean of the last full rescore (its own, or the one new products start with)")
                .isEqualTo(prior(scoredMean(), 1.0));

        for (int i = 0; i < 5; i++) {
            events.publish(events.stars(refunded, supplier.supplierId(), 4, 4, 4));
        }
        var paid = events.paid(supplier.supplierId(), refunded, 4);
        events.publish(paid);
        events.publish(events.refunded(paid, 3));
        events.handled();
        assertThat(counters(refunded)).containsExactly(5, 20, 4, 3, 1, 0);
        assertThat(composite(refunded)).isCloseTo(expectedComposite(refunded, 1.0), within(0.006));

        // a real paid order reaches the credit listener through the publication registry
        new com.kinshop.support.Purchases(jdbc).placeAndPay(fixtures.member("综合买家"), 2, plainIds[1]);
        events.handled();
        assertThat(counters(plain)).containsExactly(0, 0, 2, 0, 1, 0);
        assertThat(jdbc.sql("select orders_paid from credit_supplier_day where supplier_id = ?").param(supplier.supplierId()).query(Long.class).single())
                .isEqualTo(2);
        assertThat(composite(plain)).as("no reviews: the platform mean's score").isCloseTo(expectedComposite(plain, 1.0), within(0.006));

        // 综合 by default, in the API and on the search page; newest first is still there when asked for
        assertThat(search("综合甲", null)).containsExactly(loved, plain, refunded);
        assertThat(search("综合甲", "COMPOSITE")).containsExactly(loved, plain, refunded);
        assertThat(search("综合甲", "NEWEST")).containsExactly(refunded, plain, loved);
        String page = new HttpSession(port).get("/search?q=综合甲").body();
        assertThat(page.indexOf("综合甲苹果")).isLessThan(page.indexOf("综合甲梨子"));
        assertThat(page.indexOf("综合甲梨子")).isLessThan(page.indexOf("综合甲橘子"));
        assertThat(page).contains(">综合<");
        assertThat(new HttpSession(port).get("/search?q=综合甲&lang=en").body()).contains(">Overall<");

        // the product page shows the composite score and the supplier's level; the API and the supplier page the figures behind it
        Response credit = new HttpSession(port).get("/api/credit/suppliers/" + supplier.supplierId());
        assertThat(credit.status()).as(credit.body()).isEqualTo(200);
        assertThat(credit.json().get("ratings").asLong()).isEqualTo(10);
        assertThat(credit.json().get("afterSalesRate").asDouble()).as("one refunded order of two paid").isEqualTo(0.5);
        String level = credit.json().get("level").asString();
        assertThat(level).isEqualTo(CreditLevel.of(credit.json().get("score").asInt()).name());
        String product = new HttpSession(port).get("/p/" + loved).body();
        assertThat(product).contains("data-testid=\"composite-score\">" + String.format(java.util.Locale.ROOT, "%.1f", composite(loved)) + "<")
                .contains("data-level=\"" + level + "\"");
        String supplierPage = new HttpSession(port).get("/suppliers/" + supplier.supplierId()).body();
        assertThat(supplierPage.indexOf("综合甲苹果")).isPositive().isLessThan(supplierPage.indexOf("综合甲橘子"));
        assertThat(supplierPage).contains("data-figure=\"ratings\">10<");
    }

    @Test
    void whenThePlatformMeanMovesEveryProductIsScoredAgainSoUnreviewedOnesNeverOutrankFiveStarOnes() {
        Staff supplier = fixtures.supplier("均值漂移果园");
        long loved = fixtures.onSale(supplier, "漂移甲苹果", 2_000, 50)[0];
        long unreviewed = fixtures.onSale(supplier, "漂移乙梨子", 2_000, 50)[0];
        long disliked = fixtures.onSale(supplier, "漂移丙橘子", 2_000, 50)[0];
        for (int i = 0; i < 3; i++) {
            events.publish(events.stars(loved, supplier.supplierId(), 5, 5, 5));
        }
        events.handled();
        // one-star reviews of another product drag the platform mean down until every product is scored again
        double scoredWith = scoredMean();
        for (int i = 0; i < 2_000 && scoredMean() == scoredWith; i++) {
            events.publish(events.stars(disliked, supplier.supplierId(), 1, 1, 1));
            events.handled();
        }
        assertThat(scoredMean()).as("rescored once the mean had moved " + PriorDrift.MEAN_DRIFT).isLessThanOrEqualTo(scoredWith - PriorDrift.MEAN_DRIFT + 0.001);
        double factor = standing(supplier.supplierId(), "flagged") ? CreditRules.DEFAULTS.flaggedFactor() : 1.0;
        assertThat(composite(unreviewed)).as("the prior at today's mean, not the one it was listed with").isEqualTo(prior(scoredMean(), factor));
        assertThat(composite(loved)).as("five stars above no stars").isGreaterThan(composite(unreviewed));
        assertThat(search("漂移", "COMPOSITE")).containsSubsequence(loved, unreviewed, disliked);
        long listedAfter = fixtures.onSale(supplier, "漂移丁柿子", 2_000, 50)[0];
        assertThat(composite(listedAfter)).as("a product listed after the rescore starts at the new prior").isEqualTo(prior(scoredMean(), 1.0));
    }

    private double scoredMean() {
        return jdbc.sql("select scored_mean from credit_platform_total").query(Double.class).single();
    }

    private static double prior(double mean, double factor) {
        return CompositeScore.of(CompositeScore.Inputs.NONE, mean, CreditRules.DEFAULTS.priorWeight(), factor);
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        Staff supplier = fixtures.supplier("重投果园");
        long product = fixtures.onSale(supplier, "重投苹果", 2_000, 50)[0];
        var stars = events.stars(product, supplier.supplierId(), 5, 5, 5);
        var paid = events.paid(supplier.supplierId(), product, 2);
        var shipped = events.shipped(paid, java.time.Duration.ofHours(3));
        var refund = events.refunded(paid, 1);
        var complaint = events.upheld(supplier.supplierId(), product);
        var deduction = events.deducted(supplier.supplierId());
        for (int delivery = 1; delivery <= 2; delivery++) { // as the publication registry may after a crash
            for (Object event : List.of(stars, paid, shipped, refund, complaint, deduction)) {
                events.publish(event);
            }
            events.handled();
            assertThat(counters(product)).as("delivery " + delivery).containsExactly(1, 5, 2, 1, 1, 1);
        }
        // summed over days: shipped three hours after paid falls on the next day when the shared test clock is late in the evening
        var days = jdbc.sql("""
                        select sum(ratings), sum(product_star_sum), sum(orders_paid), sum(orders_shipped), sum(shipped_on_time), sum(refunds_granted),
                               sum(complaints_upheld), sum(deposit_deductions), sum(deducted_fen)
                        from credit_supplier_day where supplier_id = ?""").param(supplier.supplierId())
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9))).list();
        assertThat(days).containsExactly(List.of(1L, 5L, 1L, 1L, 1L, 1L, 1L, 1L, 500L));
        // a later refund of the second unit counts the increase only, and the order once in the after-sales rate
        events.publish(events.refunded(paid, 2));
        events.handled();
        assertThat(counters(product)[3]).isEqualTo(2);
        assertThat(jdbc.sql("select sum(refunds_granted) from credit_supplier_day where supplier_id = ?").param(supplier.supplierId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void concurrentEventsForOneProductKeepTheCountersExact() throws Exception {
        Staff supplier = fixtures.supplier("并发评价果园");
        long product = fixtures.onSale(supplier, "并发苹果", 2_000, 500)[0];
        long[] platformBefore = jdbc.sql("select review_count, star_sum from credit_platform_total").query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        AtomicInteger next = new AtomicInteger();
        List<String> outcomes = Concurrently.all(24, () -> {
            int i = next.getAndIncrement();
            try {
                events.publish(i % 2 == 0 ? events.stars(product, supplier.supplierId(), 1 + i % 5, 4, 4) : events.paid(supplier.supplierId(), product, 2));
                return "published";
            } catch (RuntimeException e) {
                return e.toString();
            }
        });
        assertThat(outcomes).as("every publishing transaction commits").containsOnly("published");
        events.handled();
        assertThat(jdbc.sql("select count(*) from event_publication where listener_id like '%CreditCounters%' and completion_date is null")
                .query(Long.class).single()).as("no listener failed (a failure leaves its publication incomplete)").isZero();

        int starSum = 0;
        for (int i = 0; i < 24; i += 2) {
            starSum += 1 + i % 5;
        }
        assertThat(counters(product)).containsExactly(12, starSum, 24, 0, 12, 0);
        long[] platformAfter = jdbc.sql("select review_count, star_sum from credit_platform_total").query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        assertThat(platformAfter[0] - platformBefore[0]).isEqualTo(12);
        assertThat(platformAfter[1] - platformBefore[1]).isEqualTo(starSum);
        assertThat(jdbc.sql("select orders_paid from credit_supplier_day where supplier_id = ?").param(supplier.supplierId()).query(Long.class).single())
                .isEqualTo(12);
        assertThat(composite(product)).as("the last recomputation saw every counted event").isCloseTo(expectedComposite(product, 1.0), within(0.006));
    }
}
