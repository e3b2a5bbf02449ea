package com.kinshop.coupon;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.pricing.Funder;
import com.kinshop.shared.Allocation;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stacking rules, written once (plain Java). On each supplier order of a checkout: at most one supplier coupon
 * (funded by that supplier; red packets are supplier coupons) and at most one platform coupon; a coupon goes on one
 * order only. The supplier's coupon applies first, the platform's on what the lines still pay after it (as the pricing
 * pipeline allocates them, in that order). A threshold is met by the goods in the coupon's scope at their price
 * before any coupon. Left to the server, the pick is the valid combination with the largest total saving (ties: the
 * coupons that expire first); chosen by the buyer, every coupon must be usable, or the choice is refused naming it.
 */
public final class CouponPicker {

    /** A line of a draft order: what it pays before coupons, and the categories its product is in (its own and its parents). */
    public record Line(SkuId sku, ProductId product, Set<Long> categories, Money paid) {
    }

    public record Order(SupplierId supplier, List<Line> lines) {
    }

    /** A coupon applied to the {@code order}-th order, taking {@code saving} off the lines of {@code scope}. */
    public record Use(Coupon coupon, int order, Money saving, Set<SkuId> scope) {
    }

    public record Pick(List<Use> uses) {

        public static final Pick NONE = new Pick(List.of());

        public Money total() {
            return uses.stream().map(Use::saving).reduce(Money.ZERO, Money::plus);
        }
    }

    /** Why a coupon cannot be used here, as the message key that says so (naming the coupon). */
    public enum Refusal {
        NOT_YOURS("coupon.not-yours"), ALREADY_USED("coupon.already-used"), NOT_YET_VALID("coupon.not-yet-valid"), EXPIRED("coupon.expired"),
        OUT_OF_SCOPE("coupon.out-of-scope"), THRESHOLD_NOT_REACHED("coupon.threshold-not-reached"), NO_SAVING("coupon.no-saving"),
        NOT_FOR_PROMOTION("coupon.not-for-promotion"), TWO_PLATFORM_COUPONS("coupon.two-platform-coupons"),
        TWO_SUPPLIER_COUPONS("coupon.two-supplier-coupons");

        public final String key;

        Refusal(String key) {
            this.key = key;
        }
    }

    /** The field of the checkout request a refusal names. */
    public static final String FIELD = "couponIds";

    private static final Comparator<Coupon> EXPIRING_FIRST = Comparator.comparing(Coupon::validUntil).thenComparingLong(Coupon::id);

    private final List<Order> orders;
    private final Instant now;

    public CouponPicker(List<Order> orders, Instant now) {
        this.orders = List.copyOf(orders);
        this.now = now;
    }

    /** The best valid combination of the coupons held (any state: only usable ones are considered). */
    public Pick best(List<Coupon> held) {
        List<Coupon> usable = held.stream().filter(coupon -> coupon.refusalAt(now) == null).sorted(EXPIRING_FIRST).toList();
        List<Coupon> platform = usable.stream().filter(coupon -> coupon.funder() == Funder.PLATFORM).toList();
        List<List<Plan>> options = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            SupplierId supplier = orders.get(i).supplier();
            List<Coupon> ofSupplier = usable.stream().filter(coupon -> supplier.equals(coupon.issuer())).toList();
            // only an order's best |orders| platform coupons can be in the best assignment: the other orders take at most |orders| - 1
            options.add(plans(i, withNone(ofSupplier), platform, orders.size()));
        }
        return search(options, Set.of());
    }

    /** Exactly the coupons with these ids, on the orders where they save the most together; refused naming the first unusable one. */
    public Pick chosen(List<Coupon> found, Set<Long> ids, AccountId buyer) {
        Map<Long, Coupon> byId = found.stream().collect(Collectors.toMap(Coupon::id, coupon -> coupon));
        List<Coupon> chosen = new ArrayList<>();
        for (long id : ids.stream().sorted().toList()) {
            Coupon coupon = byId.get(id);
            if (coupon == null || !coupon.owner().equals(buyer)) {
                throw refusal(Refusal.NOT_YOURS, "#" + id); // someone else's coupon is reported as not found, never described
            }
            Refusal refusal = coupon.refusalAt(now) != null ? coupon.refusalAt(now) : refusalAlone(coupon);
            if (refusal != null) {
                throw refusal(refusal, coupon.title(), coupon.terms().threshold().toPlainString());
            }
            chosen.add(coupon);
        }
        chosen.sort(EXPIRING_FIRST);
        List<Coupon> platform = chosen.stream().filter(coupon -> coupon.funder() == Funder.PLATFORM).toList();
        List<List<Plan>> options = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            SupplierId supplier = orders.get(i).supplier();
            List<Coupon> ofSupplier = chosen.stream().filter(coupon -> supplier.equals(coupon.issuer())).toList();
            if (ofSupplier.size() > 1) {
                throw refusal(Refusal.TWO_SUPPLIER_COUPONS, ofSupplier.get(0).title(), ofSupplier.get(1).title());
            }
            // the supplier coupon chosen for this order must be on it
            options.add(plans(i, ofSupplier.isEmpty() ? withNone(List.of()) : ofSupplier, platform, platform.size()));
        }
        Pick pick = search(options, platform.stream().map(Coupon::id).collect(Collectors.toSet()));
        if (pick == null) {
            throw platform.size() == 1 ? refusal(Refusal.NO_SAVING, platform.get(0).title())
                    : refusal(Refusal.TWO_PLATFORM_COUPONS, platform.get(0).title(), platform.get(1).title());
        }
        return pick;
    }

    /** Why this coupon cannot be used on this checkout on its own, or null if it can. */
    public Refusal refusal(Coupon coupon) {
        return coupon.refusalAt(now) != null ? coupon.refusalAt(now) : refusalAlone(coupon);
    }

    /** What the coupon would take off on its own, on the order where it saves the most (zero if it cannot be used). */
    public Money savingAlone(Coupon coupon) {
        Money best = Money.ZERO;
        for (int i = 0; i < orders.size(); i++) {
            Plan plan = coupon.funder() == Funder.PLATFORM ? plan(i, null, coupon) : plan(i, coupon, null);
            if (plan != null && plan.saving().compareTo(best) > 0) {
                best = plan.saving();
            }
        }
        return best;
    }

    private Refusal refusalAlone(Coupon coupon) {
        boolean covers = false;
        boolean reached = false;
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            List<Line> covered = order.lines().stream().filter(line -> coupon.covers(line, order.supplier())).toList();
            covers |= !covered.isEmpty();
            reached |= !covered.isEmpty() && coupon.terms().reached(sum(covered.stream().map(Line::paid)));
        }
        if (!covers) {
            return Refusal.OUT_OF_SCOPE;
        }
        if (!reached) {
            return Refusal.THRESHOLD_NOT_REACHED;
        }
        return savingAlone(coupon).isPositive() ? null : Refusal.NO_SAVING;
    }

    /** One order's coupons: a supplier coupon (or none) and a platform coupon (or none), the saving, and which platform coupon. */
    private record Plan(List<Use> uses, Money saving, Long platformCoupon) {
    }

    /**
     * For each platform coupon (and none), the best of {@code supplierChoices} (null: none) with it on this order: the
     * plan without a platform coupon and the best {@code keep} with one.
     */
    private List<Plan> plans(int order, List<Coupon> supplierChoices, List<Coupon> platformCoupons, int keep) {
        List<Plan> withPlatform = new ArrayList<>();
        Plan withoutPlatform = null;
        for (Coupon platform : withNone(platformCoupons)) {
            Plan best = null;
            for (Coupon supplier : supplierChoices) {
                Plan plan = plan(order, supplier, platform);
                if (plan != null && (best == null || plan.saving().compareTo(best.saving()) > 0)) {
                    best = plan;
                }
            }
            if (best != null && platform == null) {
                withoutPlatform = best;
            } else if (best != null) {
                withPlatform.add(best);
            }
        }
        List<Plan> plans = new ArrayList<>(withPlatform.stream().sorted(Comparator.comparing(Plan::saving).reversed()).limit(keep).toList());
        if (withoutPlatform != null) {
            plans.add(withoutPlatform);
        }
        plans.sort(Comparator.comparing(Plan::saving).reversed()); // stable: among equal savings the coupon expiring first stays first
        return plans;
    }

    /** The coupons applied in stacking order on one order, or null if one of them cannot be used there. */
    private Plan plan(int index, Coupon supplierCoupon, Coupon platformCoupon) {
        Order order = orders.get(index);
        long[] stillPays = order.lines().stream().mapToLong(line -> line.paid().fen()).toArray();
        List<Use> uses = new ArrayList<>();
        for (Coupon coupon : Stream.of(supplierCoupon, platformCoupon).filter(java.util.Objects::nonNull).toList()) {
            List<Integer> covered = new ArrayList<>();
            for (int i = 0; i < stillPays.length; i++) {
                if (coupon.covers(order.lines().get(i), order.supplier())) {
                    covered.add(i);
                }
            }
            if (covered.isEmpty() || !coupon.terms().reached(sum(covered.stream().map(i -> order.lines().get(i).paid())))) {
                return null;
            }
            List<Money> still = covered.stream().map(i -> Money.fen(stillPays[i])).toList();
            Money saving = coupon.terms().saving(sum(still.stream()));
            if (!saving.isPositive()) {
                return null;
            }
            List<Money> shares = Allocation.proRata(saving, still); // as ordering's pipeline will allocate it
            for (int k = 0; k < covered.size(); k++) {
                stillPays[covered.get(k)] -= shares.get(k).fen();
            }
            Set<SkuId> scope = covered.stream().map(i -> order.lines().get(i).sku()).collect(Collectors.toCollection(LinkedHashSet::new));
            uses.add(new Use(coupon, index, saving, scope));
        }
        return new Plan(List.copyOf(uses), sum(uses.stream().map(Use::saving)), platformCoupon == null ? null : platformCoupon.id());
    }

    /** The best assignment of the orders' plans (see {@link PlanSearch}), as the coupons it uses; null if none is valid. */
    private static Pick search(List<List<Plan>> options, Set<Long> mustUse) {
        List<Plan> best = PlanSearch.best(options, Plan::saving, Plan::platformCoupon, mustUse);
        return best == null ? null : new Pick(best.stream().flatMap(plan -> plan.uses().stream()).toList());
    }

    private static List<Coupon> withNone(List<Coupon> coupons) {
        List<Coupon> all = new ArrayList<>(coupons);
        all.add(null);
        return all;
    }

    private static Money sum(Stream<Money> amounts) {
        return amounts.reduce(Money.ZERO, Money::plus);
    }

    private static BusinessException refusal(Refusal refusal, Object... args) {
        return refusal == Refusal.ALREADY_USED ? BusinessException.conflict(FIELD, refusal.key, args)
                : BusinessException.invalid(FIELD, refusal.key, args);
    }
}
