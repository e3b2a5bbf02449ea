package com.kinshop.support;

import com.kinshop.ordering.CheckoutParticipant;
import com.kinshop.ordering.pricing.Discount;
import com.kinshop.ordering.pricing.Funder;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A checkout participant for the seam's own tests, standing where a play module will: it acts only for the buyers a
 * test enrols (every other checkout sees nothing of it), gives each of their supplier orders the discounts the test
 * set, records what checkout asked it to reserve and counts every release per order.
 */
public class ProbeParticipant implements CheckoutParticipant {

    /** What the probe does for one buyer: platform and supplier discounts per supplier order, or refuse to reserve. */
    public record Plan(long platformFen, long supplierFen, boolean refuseReservation) {
    }

    private final Map<Long, Plan> plans = new ConcurrentHashMap<>();
    public final List<Placed> reserved = new CopyOnWriteArrayList<>();
    public final Map<String, AtomicInteger> releases = new ConcurrentHashMap<>();
    public final List<Released> released = new CopyOnWriteArrayList<>();

    public void enrol(long buyerId, Plan plan) {
        plans.put(buyerId, plan);
    }

    @Override
    public Offers offer(Draft draft) {
        Plan plan = plans.get(draft.buyer().value());
        if (plan == null) {
            return Offers.NONE;
        }
        List<Applied> applied = new CopyOnWriteArrayList<>();
        for (DraftOrder order : draft.orders()) {
            Set<com.kinshop.catalog.SkuId> skus = order.lines().stream().map(DraftLine::sku).collect(Collectors.toSet());
            if (plan.platformFen() > 0) {
                applied.add(new Applied(order.supplier(), "probe:platform:" + order.supplier().value(), "平台立减",
                        new Discount(Money.fen(plan.platformFen()), skus, Funder.PLATFORM)));
            }
            if (plan.supplierFen() > 0) {
                applied.add(new Applied(order.supplier(), "probe:supplier:" + order.supplier().value(), "店铺立减",
                        new Discount(Money.fen(plan.supplierFen()), skus, Funder.SUPPLIER)));
            }
        }
        return new Offers(applied, List.of());
    }

    @Override
    public void reserve(Placed order) {
        Plan plan = plans.get(order.buyer().value());
        if (plan == null) {
            return;
        }
        if (plan.refuseReservation()) {
            throw BusinessException.conflict("couponIds", "order.not-cancellable");
        }
        reserved.add(order);
    }

    @Override
    public void release(Released order) {
        if (plans.containsKey(order.buyer().value())) {
            releases.computeIfAbsent(order.orderNumber(), number -> new AtomicInteger()).incrementAndGet();
            released.add(order);
        }
    }
}
