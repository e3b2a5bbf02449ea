package com.kinshop.ordering;

import com.kinshop.ordering.OrderEvents.CancelReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The order timers. Deadlines are columns on the orders, so they survive restarts and need no in-memory schedule;
 * one node at a time sweeps what is due (a ShedLock row), claiming rows with {@code FOR UPDATE SKIP LOCKED} (two
 * nodes never take the same order even without the lock), and each move is a guarded update, so a timer racing a
 * buyer or a payment changes the order once.
 */
@Component
public class OrderTimers {

    private static final Logger log = LoggerFactory.getLogger(OrderTimers.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final OrderLifecycle lifecycle;
    private final com.kinshop.payment.Payments payments;
    private final OrderProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderTimers(JdbcClient jdbc, OrderLifecycle lifecycle, com.kinshop.payment.Payments payments, OrderProperties properties,
                TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every node sweeps: each due row is claimed with SKIP LOCKED and moved by a guarded update, so it is handled once. Tests call {@link #runDue} directly. */
    @Scheduled(fixedDelayString = "${kinshop.orders.timer-interval}", initialDelayString = "${kinshop.orders.timer-interval}")
    void scheduled() {
        runDue();
    }

    public void runDue() {
        int cancelled = sweep(OrderStatus.AWAITING_PAYMENT, "pay_deadline <= ?", now(),
                id -> lifecycle.cancel(id, CancelReason.PAYMENT_TIMEOUT), this::askProviderFirst);
        int reminded = sweep(OrderStatus.SHIPPED, "receipt_reminded_at is null and receive_deadline <= ?",
                now().plus(properties.receiptReminderBefore()), lifecycle::remindReceipt, id -> { });
        int received = sweep(OrderStatus.SHIPPED, "receive_deadline <= ?", now(), id -> lifecycle.receive(id, true),
                id -> { });
        int completed = sweep(OrderStatus.RECEIVED, "received_at <= ?", now().minus(properties.afterSalesWindow()),
                lifecycle::complete, id -> { });
        if (cancelled + reminded + received + completed > 0) {
            log.info("Order timers: {} cancelled unpaid, {} reminded, {} received automatically, {} completed", cancelled, reminded, received, completed);
        }
    }

    /** Claims orders in a state and due, in batches, each order in its own transaction (one failure does not hold up the rest). */
    private int sweep(OrderStatus state, String dueCondition, OffsetDateTime due, LongPredicate move, java.util.function.LongConsumer first) {
        int moved = 0;
        while (true) {
            List<Long> batch = transactions.execute(status -> jdbc.sql("select id from orders where status = ? and " + dueCondition + " order by id limit " + BATCH)
                    .params(state.name(), due).query(Long.class).list());
            int before = moved;
            for (long id : batch) {
                try {
                    first.accept(id);
                    Boolean done = transactions.execute(status -> lockUnlessTaken(id) && move.test(id));
                    moved += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("Order timer could not move order {}: {}", id, e.toString());
                }
            }
            if (batch.size() < BATCH || moved == before) {
                return moved;
            }
        }
    }

    /**
     * Before an unpaid order is given up, the provider is asked about its open payments (each in its own transaction):
     * one paid meanwhile whose notification is late is recorded now — the order is then paid, not cancelled and refunded.
     */
    private void askProviderFirst(long orderId) {
        String checkout = jdbc.sql("select c.number from checkout c join orders o on o.checkout_id = c.id where o.id = ?").param(orderId)
                .query(String.class).single();
        payments.openPayments(checkout).forEach(payments::recover);
    }

    /** Another node (or a buyer, a payment) working on this order right now: leave it to them. */
    private boolean lockUnlessTaken(long id) {
        return jdbc.sql("select id from orders where id = ? for update skip locked").param(id).query(Long.class).optional().isPresent();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
