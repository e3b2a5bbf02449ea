package com.kinshop.credit;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.complaint.ComplaintEvents;
import com.kinshop.deposit.DepositEvents;
import com.kinshop.ordering.OrderEvents;
import com.kinshop.review.ReviewEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts what the scores are made of, from other modules' events, into tables this module owns; then recomputes the
 * affected product scores and the supplier's standing in the same transaction. Each event is counted once: its key goes
 * into {@code credit_counted_event} first, and a redelivery by the publication registry finds it there (refunds carry a
 * running total instead, so only an increase counts).
 */
@Component
class CreditCounters {

    private final JdbcClient jdbc;
    private final ScoreKeeper scores;
    private final PriorDrift priorDrift;
    private final Clock clock;

    CreditCounters(JdbcClient jdbc, ScoreKeeper scores, PriorDrift priorDrift, Clock clock) {
        this.priorDrift = priorDrift;
        this.jdbc = jdbc;
        this.scores = scores;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReviewEvents.StarsCounted counted) {
        count(counted);
    }

    void count(ReviewEvents.StarsCounted counted) {
        if (!firstTime("stars:" + counted.reviewId())) {
            return;
        }
        productCounter(counted.product(), counted.supplier(), "review_count = c.review_count + 1, star_sum = c.star_sum + " + counted.productStars(),
                "1, " + counted.productStars() + ", 0, 0, 0, 0");
        day(counted.supplier(), counted.at(), "ratings = d.ratings + 1, product_star_sum = d.product_star_sum + ?, "
                        + "logistics_star_sum = d.logistics_star_sum + ?, service_star_sum = d.service_star_sum + ?",
                counted.productStars(), counted.logisticsStars(), counted.serviceStars());
        // the row stays locked to the commit: the mean read back is the one the drift check may claim a rescore at
        double[] meanAndScoredMean = jdbc.sql("""
                        update credit_platform_total set review_count = review_count + 1, star_sum = star_sum + ? where id = 1
                        returning star_sum::float8 / review_count, scored_mean""")
                .param(counted.productStars()).query((rs, n) -> new double[]{rs.getDouble(1), rs.getDouble(2)}).single();
        refresh(counted.supplier(), List.of(counted.product()), meanAndScoredMean[0]);
        priorDrift.claimIfMoved(meanAndScoredMean[0], meanAndScoredMean[1]);
    }

    @ApplicationModuleListener
    void on(OrderEvents.OrderPaid paid) {
        count(paid);
    }

    /** What the listener does, in the caller's transaction (tests deliver made-up orders' events through it). */
    void count(OrderEvents.OrderPaid paid) {
        if (!firstTime("paid:" + paid.orderId())) {
            return;
        }
        CreditRules rules = scores.rules();
        jdbc.sql("insert into credit_order (order_id, supplier_id, paid_at, ship_by) values (?, ?, ?, ?) on conflict do nothing")
                .params(paid.orderId(), paid.supplier().value(), utc(paid.at()), utc(paid.at().plus(Duration.ofHours(rules.promisedShipHours()))))
                .update();
        Set<ProductId> products = new TreeSet<>(Comparator.comparingLong(ProductId::value));
        // lines in product order: two orders' counters are always locked in the same order (no deadlock between them)
        List<OrderEvents.PaidLine> lines = new ArrayList<>(paid.lines() == null ? List.of() : paid.lines());
        lines.sort(Comparator.comparingLong((OrderEvents.PaidLine line) -> line.product().value()).thenComparingLong(OrderEvents.PaidLine::lineId));
        for (OrderEvents.PaidLine line : lines) {
            jdbc.sql("""
                            insert into credit_order_line (order_line_id, order_id, product_id, supplier_id, quantity) values (?, ?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(line.lineId(), paid.orderId(), line.product().value(), paid.supplier().value(), line.quantity()).update();
            productCounter(line.product(), paid.supplier(), "units_sold = c.units_sold + " + line.quantity() + ", lines_sold = c.lines_sold + 1",
                    "0, 0, " + line.quantity() + ", 0, 1, 0");
            products.add(line.product());
        }
        day(paid.supplier(), paid.at(), "orders_paid = d.orders_paid + 1");
        refresh(paid.supplier(), products);
    }

    @ApplicationModuleListener
    void on(OrderEvents.OrderShipped shipped) {
        count(shipped);
    }

    /** What the listener does, in the caller's transaction (tests deliver made-up orders' events through it). */
    void count(OrderEvents.OrderShipped shipped) {
        var promised = jdbc.sql("update credit_order set shipped_at = ? where order_id = ? and shipped_at is null returning ship_by")
                .params(utc(shipped.at()), shipped.orderId())
                .query(java.time.OffsetDateTime.class).optional();
        if (promised.isEmpty()) {
            return; // counted already, or paid before this module counted (nothing promised to compare with)
        }
        boolean onTime = !shipped.at().isAfter(promised.get().toInstant());
        day(shipped.supplier(), shipped.at(), "orders_shipped = d.orders_shipped + 1, shipped_on_time = d.shipped_on_time + ?", onTime ? 1 : 0);
        refresh(shipped.supplier(), List.of());
    }

    @ApplicationModuleListener
    void on(OrderEvents.RefundGranted granted) {
        count(granted);
    }

    /** What the listener does, in the caller's transaction (tests deliver made-up orders' events through it). */
    void count(OrderEvents.RefundGranted granted) {
        record Line(long product, long supplier, int before) {
        }
        var line = jdbc.sql("select product_id, supplier_id, refunded_quantity from credit_order_line where order_line_id = ? for update")
                .param(granted.orderLineId()).query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), rs.getInt(3))).optional();
        if (line.isEmpty() || granted.refundedQuantity() <= line.get().before()) {
            return; // a line this module never saw paid, or a redelivery: the running total did not grow
        }
        int more = granted.refundedQuantity() - line.get().before();
        jdbc.sql("update credit_order_line set refunded_quantity = ? where order_line_id = ?").params(granted.refundedQuantity(), granted.orderLineId()).update();
        ProductId product = new ProductId(line.get().product());
        SupplierId supplier = new SupplierId(line.get().supplier());
        productCounter(product, supplier, "units_refunded = c.units_refunded + " + more, "0, 0, 0, " + more + ", 0, 0");
        int firstRefundOfOrder = jdbc.sql("update credit_order set refunded = true where order_id = ? and not refunded").param(granted.orderId()).update();
        if (firstRefundOfOrder == 1) {
            day(supplier, granted.at(), "refunds_granted = d.refunds_granted + 1");
        }
        refresh(supplier, List.of(product));
    }

    @ApplicationModuleListener
    void on(ComplaintEvents.ComplaintDecided decided) {
        count(decided);
    }

    void count(ComplaintEvents.ComplaintDecided decided) {
        if (!decided.upheld() || !firstTime("complaint:" + decided.number())) {
            return;
        }
        Set<ProductId> products = new TreeSet<>(Comparator.comparingLong(ProductId::value)); // locked in product order
        products.addAll(decided.products() == null ? List.of() : decided.products());
        for (ProductId product : products) {
            productCounter(product, decided.supplier(), "complaints_upheld = c.complaints_upheld + 1", "0, 0, 0, 0, 0, 1");
        }
        day(decided.supplier(), decided.at(), "complaints_upheld = d.complaints_upheld + 1");
        refresh(decided.supplier(), products);
    }

    @ApplicationModuleListener
    void on(DepositEvents.DepositDeducted deducted) {
        count(deducted);
    }

    void count(DepositEvents.DepositDeducted deducted) {
        if (!firstTime("deduction:" + deducted.complaintNumber())) {
            return;
        }
        day(deducted.supplier(), deducted.at(), "deposit_deductions = d.deposit_deductions + 1, deducted_fen = d.deducted_fen + ?",
                deducted.amount().fen());
        refresh(deducted.supplier(), List.of());
    }

    private boolean firstTime(String eventKey) {
        return jdbc.sql("insert into credit_counted_event (event_key, counted_at) values (?, ?) on conflict do nothing")
                .params(eventKey, utc(clock.instant())).update() == 1;
    }

    /** Adds to a product's counters (the row created on its first event); the statement locks the row until commit. */
    private void productCounter(ProductId product, SupplierId supplier, String increments, String firstValues) {
        jdbc.sql("insert into credit_product_counter as c (product_id, supplier_id, review_count, star_sum, units_sold, units_refunded, lines_sold, "
                        + "complaints_upheld) values (?, ?, " + firstValues + ") on conflict (product_id) do update set " + increments)
                .params(product.value(), supplier.value()).update();
    }

    /** Adds to the supplier's bucket for the event's day (UTC). */
    private void day(SupplierId supplier, Instant at, String increments, Object... values) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql("insert into credit_supplier_day as d (supplier_id, day) values (?, ?) on conflict do nothing").params(supplier.value(), day).update();
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = supplier.value();
        params[values.length + 1] = day;
        jdbc.sql("update credit_supplier_day d set " + increments + " where supplier_id = ? and day = ?").params(params).update();
    }

    private void refresh(SupplierId supplier, java.util.Collection<ProductId> products) {
        refresh(supplier, products, scores.platformMean());
    }

    private void refresh(SupplierId supplier, java.util.Collection<ProductId> products, double platformMean) {
        CreditRules rules = scores.rules();
        scores.refreshStanding(supplier, rules, platformMean);
        scores.rescore(products, supplier, rules, platformMean);
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
