package com.kinshop.credit;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What the credit ITs share: the beans that publish and deliver events, and reads of the counters, scores and standings. */
abstract class CreditApiTest extends ApiTest {

    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MutableClock clock;
    @Autowired
    CreditCounters counters;
    @Autowired
    CreditWindowJob windowJob;

    CreditEvents events;

    @BeforeEach
    void creditEvents() {
        events = new CreditEvents(publisher, transactions, jdbc, clock, counters);
        events.handled(); // nothing of an earlier test still on its way
    }

    long[] counters(long product) {
        return jdbc.sql("select review_count, star_sum, units_sold, units_refunded, lines_sold, complaints_upheld from credit_product_counter where product_id = ?")
                .param(product).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)})
                .optional().orElse(new long[6]);
    }

    boolean standing(long supplier, String column) {
        return jdbc.sql("select " + column + " from credit_standing where supplier_id = ?").param(supplier).query(Boolean.class).optional().orElse(false);
    }

    double composite(long product) {
        return jdbc.sql("select composite_score from product where id = ?").param(product).query(Double.class).single();
    }

    double expectedComposite(long product, double factor) {
        long[] c = counters(product);
        double mean = jdbc.sql("select review_count, star_sum from credit_platform_total").query((rs, n) -> CompositeScore.platformMean(rs.getLong(1), rs.getLong(2))).single();
        return CompositeScore.of(new CompositeScore.Inputs(c[0], c[1], c[2], c[3], c[4], c[5]), mean, CreditRules.DEFAULTS.priorWeight(), factor);
    }

    List<Long> search(String q, String sort) {
        Response found = new HttpSession(port).get("/api/catalog/products?q=" + q + (sort == null ? "" : "&sort=" + sort));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        found.json().forEach(card -> ids.add(card.get("id").asLong()));
        return ids;
    }

}
