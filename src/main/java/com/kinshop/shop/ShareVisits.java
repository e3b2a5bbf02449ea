package com.kinshop.shop;

import com.kinshop.catalog.ProductId;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records visits through share links without slowing the page: the request only enqueues (never blocks); a
 * scheduled task writes the queue in batches every second. A crash can lose at most that second of visits,
 * which conversion figures tolerate; orders and money never go through here.
 */
@Component
public class ShareVisits {

    private static final Logger log = LoggerFactory.getLogger(ShareVisits.class);
    private static final int BATCH = 5_000;

    private final BlockingQueue<Visit> queue = new ArrayBlockingQueue<>(100_000);
    private final AtomicLong dropped = new AtomicLong();
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final Clock clock;

    ShareVisits(JdbcTemplate jdbcTemplate, JdbcClient jdbc, Clock clock) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public enum Target { SHOP, PRODUCT }

    record Visit(ShopId shop, Target target, ProductId product, UUID visitor, Instant at) {
    }

    public void record(ShopId shop, Target target, ProductId product, UUID visitor) {
        if (!queue.offer(new Visit(shop, target, product, visitor, clock.instant()))) {
            dropped.incrementAndGet();
        }
    }

    /**
     * A visitor arrived through one of {@code shop}'s share links: count the visit (off the request path) under the
     * visitor's anonymous id, and remember the shop so checkout can attribute the order to it.
     */
    public void arrivedThrough(ShopView shop, Target target, ProductId product, HttpServletRequest request, HttpServletResponse response) {
        record(shop.id(), target, product, Visitor.id(request, response));
        Visitor.cameThrough(shop.code(), response);
    }

    /** Writes a visit at once, in the caller's transaction (demo data, which must commit with its shops). */
    void recordNow(ShopId shop, Target target, ProductId product, UUID visitor) {
        jdbc.sql("insert into share_visit (shop_id, target_type, product_id, visitor_id, visited_at) values (?, ?, ?, ?, ?)")
                .params(shop.value(), target.name(), product == null ? null : product.value(), visitor,
                        clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    @Scheduled(fixedDelay = 1000)
    @PreDestroy
    public void flush() {
        List<Visit> batch = new ArrayList<>();
        while (queue.drainTo(batch, BATCH) > 0) {
            jdbcTemplate.batchUpdate("insert into share_visit (shop_id, target_type, product_id, visitor_id, visited_at) values (?, ?, ?, ?, ?)",
                    batch, batch.size(), (statement, visit) -> {
                        statement.setLong(1, visit.shop().value());
                        statement.setString(2, visit.target().name());
                        statement.setObject(3, visit.product() == null ? null : visit.product().value());
                        statement.setObject(4, visit.visitor());
                        statement.setTimestamp(5, Timestamp.from(visit.at()));
                    });
            batch.clear();
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("{} share visits were dropped because the write queue was full", lost);
        }
    }

    /** Visits and distinct visitors through a shop's links. */
    public VisitCount count(ShopId shop) {
        return jdbc.sql("select count(*), count(distinct visitor_id) from share_visit where shop_id = ?").param(shop.value())
                .query((rs, n) -> new VisitCount(rs.getLong(1), rs.getLong(2))).single();
    }

    public record VisitCount(long visits, long visitors) {
    }
}
