package com.kinshop.ordering;

import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.StateNames;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Holds keep a paid order from shipping until the module that placed the hold releases it (a group buy until the group
 * fills). A hold is a condition beside the status, not a status: the order stays PAID, so payment, refunds and timers
 * need not know about plays. Each change is a guarded update; only the holder can release.
 */
@Service
public class OrderHolds {

    /** An order can be held only before it ships. */
    private static final Set<OrderStatus> HOLDABLE = EnumSet.of(OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderHolds(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Holds the order for module {@code by}. Holding again for the same module changes nothing; an order held by
     * another module, shipped or closed is refused.
     */
    @Transactional
    public void hold(String orderNumber, String by) {
        String holder = holder(by);
        int held = jdbc.sql("update orders set held_by = :by where number = :number and status in (:holdable) and (held_by is null or held_by = :by)")
                .param("by", holder).param("number", orderNumber).param("holdable", StateNames.of(HOLDABLE)).update();
        if (held != 1) {
            requireExists(orderNumber);
            throw BusinessException.conflict(null, "order.hold.refused");
        }
    }

    /**
     * Releases the hold module {@code by} placed; true if this call released it, false if it was not held by that
     * module (already released, or never held), so a retried release changes nothing twice.
     */
    @Transactional
    public boolean release(String orderNumber, String by) {
        return jdbc.sql("update orders set held_by = null where number = ? and held_by = ? returning id, supplier_id")
                .params(orderNumber, holder(by))
                .query((rs, n) -> new OrderEvents.OrderReleased(rs.getLong(1), orderNumber,
                        new SupplierId(rs.getLong(2)), holder(by), clock.instant()))
                .optional().map(released -> {
                    events.publishEvent(released);
                    return true;
                }).orElseGet(() -> {
                    requireExists(orderNumber);
                    return false;
                });
    }

    /** The module holding the order, if any. */
    @Transactional(readOnly = true)
    public Optional<String> heldBy(String orderNumber) {
        requireExists(orderNumber);
        return jdbc.sql("select held_by from orders where number = ? and held_by is not null").param(orderNumber).query(String.class).optional();
    }

    private void requireExists(String orderNumber) {
        if (!jdbc.sql("select exists (select 1 from orders where number = ?)").param(orderNumber).query(Boolean.class).single()) {
            throw BusinessException.notFound("order.not-found");
        }
    }

    private static String holder(String by) {
        String name = by == null ? "" : by.strip();
        if (name.isEmpty() || name.length() > 40) {
            throw new IllegalArgumentException("A hold names the module that holds it (1-40 characters): " + by);
        }
        return name;
    }
}
