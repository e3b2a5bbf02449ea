package com.kinshop.credit;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.complaint.ComplaintEvents;
import com.kinshop.deposit.DepositEvents;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderEvents;
import com.kinshop.ordering.OrderKind;
import com.kinshop.review.ReviewEvents;
import com.kinshop.shared.Money;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the events the credit module counts, each in its own transaction, the way the review, complaint and deposit
 * modules do (so through the event publication registry); waits until the credit listeners have handled them. Ordering's
 * events about made-up orders are handed to the credit listener the way the registry delivers them (a transaction of
 * their own), not published: ordering's other listeners (commission, in the publishing transaction) need real orders.
 * Real paid orders reach the listener through the registry in {@link CreditScoresIT} too.
 */
class CreditEvents {

    /** Ids far above what the tests' real orders and reviews reach, unique within the run. */
    private static final AtomicLong IDS = new AtomicLong(8_000_000_000L + (System.nanoTime() % 1_000_000) * 1_000);

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CreditCounters counters;

    CreditEvents(ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient jdbc, Clock clock, CreditCounters counters) {
        this.counters = counters;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    void publish(Object event) {
        if (event instanceof OrderEvents.OrderPaid paid) {
            transactions.executeWithoutResult(status -> counters.count(paid));
        } else if (event instanceof OrderEvents.OrderShipped shipped) {
            transactions.executeWithoutResult(status -> counters.count(shipped));
        } else if (event instanceof OrderEvents.RefundGranted granted) {
            transactions.executeWithoutResult(status -> counters.count(granted));
        } else {
            transactions.executeWithoutResult(status -> events.publishEvent(event));
        }
    }

    ReviewEvents.StarsCounted stars(long product, long supplier, int productStars, int logisticsStars, int serviceStars) {
        return new ReviewEvents.StarsCounted(nextId(), nextId(), new ProductId(product), new SupplierId(supplier), productStars, logisticsStars,
                serviceStars, clock.instant());
    }

    /** A paid order of one line: {@code quantity} units of {@code product}. */
    OrderEvents.OrderPaid paid(long supplier, long product, int quantity) {
        long order = nextId();
        return new OrderEvents.OrderPaid(order, "K-CREDIT-" + order, new AccountId(1), new SupplierId(supplier), Money.fen(1_000L * quantity),
                Money.ZERO, OrderKind.NORMAL, null, clock.instant(),
                List.of(new OrderEvents.PaidLine(nextId(), new SkuId(1), new ProductId(product), quantity, Money.fen(1_000L * quantity))));
    }

    OrderEvents.OrderShipped shipped(OrderEvents.OrderPaid paid, Duration after) {
        return new OrderEvents.OrderShipped(paid.orderId(), paid.orderNumber(), paid.buyer(), paid.supplier(), "SF", "SF" + paid.orderId(),
                paid.at().plus(after));
    }

    OrderEvents.RefundGranted refunded(OrderEvents.OrderPaid paid, int refundedInTotal) {
        OrderEvents.PaidLine line = paid.lines().get(0);
        return new OrderEvents.RefundGranted(paid.orderId(), line.lineId(), refundedInTotal, line.quantity(), false, clock.instant(), line.paid());
    }

    ComplaintEvents.ComplaintDecided upheld(long supplier, long product) {
        long number = nextId();
        return new ComplaintEvents.ComplaintDecided("TS" + number, nextId(), "K-C-" + number, new SupplierId(supplier), List.of(new ProductId(product)),
                true, Money.fen(500), clock.instant());
    }

    DepositEvents.DepositDeducted deducted(long supplier) {
        return new DepositEvents.DepositDeducted(new SupplierId(supplier), Money.fen(500), "TS" + nextId(), clock.instant());
    }

    /** Waits until no credit listener has an event left to handle (they run after commit, on the shared executor). */
    void handled() {
        Awaitility.await("credit listeners done").atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null and (listener_id like '%CreditCounters%' or listener_id like '%PriorDrift%')")
                .query(Long.class).single() == 0);
    }
}
