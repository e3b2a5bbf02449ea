package com.kinshop.credit;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductCard;
import com.kinshop.catalog.ProductSort;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierStatus;
import com.kinshop.catalog.SupplierView;
import com.kinshop.catalog.Suppliers;
import com.kinshop.complaint.ComplaintEvents;
import com.kinshop.review.ReviewEvents;
import com.kinshop.shared.DemoDataSeeder;
import com.kinshop.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Demo credit history, until the review and complaint modules seed their own: the demo orders already gave the
 * suppliers paid, shipped and refunded orders through the real events; this adds plausible counted reviews over the
 * last two months (and, for the second demo supplier, upheld complaints and a deposit deduction), through the same
 * counting code the listeners run. The first demo supplier ends up 优秀, the second 较差 and flagged (its products rank
 * lower, the operator's credit page lists it). Demo event ids are negative, so they never meet real ones; a restart finds
 * the first one counted and adds nothing. Off in the tests ({@code kinshop.demo.credit-history=false}).
 */
@Component
@Order(90)
class CreditDemoData implements DemoDataSeeder {

    private static final Logger log = LoggerFactory.getLogger(CreditDemoData.class);

    private final CreditCounters counters;
    private final Suppliers suppliers;
    private final Catalog catalog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean enabled;

    CreditDemoData(CreditCounters counters, Suppliers suppliers, Catalog catalog, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
                   @Value("${kinshop.demo.credit-history:true}") boolean enabled) {
        this.counters = counters;
        this.suppliers = suppliers;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void seed() {
        if (!enabled || jdbc.sql("select exists (select 1 from credit_counted_event where event_key = 'stars:-1')").query(Boolean.class).single()) {
            return;
        }
        List<SupplierView> approved = suppliers.list(SupplierStatus.APPROVED).stream().sorted(Comparator.comparingLong(s -> s.id().value())).toList();
        if (approved.size() < 2) {
            return;
        }
        long[] next = {0};
        // 优秀: mostly five stars on its best sellers
        history(approved.get(0).id(), 48, new int[]{5, 5, 5, 4, 5, 5}, next);
        // 较差 and flagged, yet above the suspension line: middling stars, two upheld complaints (the demo complaints add a real one and its penalty)
        SupplierId poor = approved.get(1).id();
        history(poor, 18, new int[]{3, 4, 2, 3, 4, 3}, next);
        List<ProductCard> products = catalog.sellableOf(poor, ProductSort.SALES, 3);
        for (int i = 0; i < 2 && !products.isEmpty(); i++) {
            long n = ++next[0];
            Instant at = clock.instant().minus(Duration.ofDays(5 + i * 9L));
            var product = products.get(i % products.size()).id();
            transactions.executeWithoutResult(status -> counters.count(new ComplaintEvents.ComplaintDecided("DEMO-TS-" + n, -n, "DEMO-" + n, poor,
                    List.of(product), true, Money.fen(5_000), at)));
        }
        log.info("Demo credit history: {} reviews counted for 2 suppliers, 2 upheld complaints", next[0] - 2);
    }

    /** {@code count} reviews spread over the last 60 days on the supplier's best sellers, stars cycling through {@code stars}. */
    private void history(SupplierId supplier, int count, int[] stars, long[] next) {
        List<ProductCard> products = catalog.sellableOf(supplier, ProductSort.SALES, 6);
        if (products.isEmpty()) {
            return;
        }
        for (int i = 0; i < count; i++) {
            long n = ++next[0];
            int star = stars[i % stars.length];
            var product = products.get(i % products.size()).id();
            Instant at = clock.instant().minus(Duration.ofHours(3 + i * 29L));
            transactions.executeWithoutResult(status -> counters.count(new ReviewEvents.StarsCounted(-n, -n, product, supplier, star,
                    Math.min(5, star + 1), star, at)));
        }
    }
}
