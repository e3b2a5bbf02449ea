package com.kinshop.coupon;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.Categories;
import com.kinshop.catalog.ProductId;
import com.kinshop.ordering.CheckoutParticipant;
import com.kinshop.ordering.OrderKind;
import com.kinshop.ordering.pricing.Discount;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.kinshop.coupon.CouponTemplates.utc;

/**
 * Coupons at checkout, through ordering's participant seam: offers the best combination (or exactly the buyer's
 * choice) as discounts, locks the coupons to the orders inside the checkout's transaction (UNUSED → LOCKED, guarded:
 * of two checkouts racing for one coupon, the second is refused), and gives them back when an unpaid order is
 * cancelled (LOCKED → UNUSED for that order only, so a cancellation and a payment timeout release it once).
 */
@Component
class CouponCheckout implements CheckoutParticipant {

    static final String REF = "coupon:";
    private static final Object OFFERED = new Object();

    private final HeldCoupons held;
    private final CouponMoves moves;
    private final Catalog catalog;
    private final Categories categories;
    private final MessageSource messages;
    private final Clock clock;

    CouponCheckout(HeldCoupons held, CouponMoves moves, Catalog catalog, Categories categories, MessageSource messages, Clock clock) {
        this.held = held;
        this.moves = moves;
        this.catalog = catalog;
        this.categories = categories;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Offers offer(Draft draft) {
        Selection selection = draft.selection() == null ? Selection.AUTOMATIC : draft.selection();
        if (draft.kind() != null && draft.kind() != OrderKind.NORMAL) {
            if (!selection.automatic() && !selection.couponIds().isEmpty()) {
                throw BusinessException.invalid(CouponPicker.FIELD, CouponPicker.Refusal.NOT_FOR_PROMOTION.key);
            }
            return Offers.NONE; // a group, bargain or flash price is already the promotion: no coupon on top
        }
        Instant now = draft.at() == null ? clock.instant() : draft.at();
        List<Coupon> mine = held.unusedOf(draft.buyer(), now);
        List<Coupon> named = selection.automatic() ? List.of() : held.byIds(selection.couponIds());
        if (mine.isEmpty() && named.isEmpty() && selection.couponIds().isEmpty()) {
            return Offers.NONE; // most checkouts: nothing held, nothing to price
        }
        // categories are looked up only when a coupon is scoped by one (each lookup reads the product)
        boolean byCategory = java.util.stream.Stream.concat(mine.stream(), named.stream()).anyMatch(c -> c.scope() == CouponScope.CATEGORY);
        CouponPicker picker = new CouponPicker(orders(draft, byCategory), now);
        CouponPicker.Pick pick = selection.automatic() ? picker.best(mine) : picker.chosen(named, selection.couponIds(), draft.buyer());
        List<Applied> applied = new ArrayList<>();
        Map<Long, Money> chosen = new HashMap<>();
        Map<Long, Money> offered = offeredInThisTransaction();
        for (CouponPicker.Use use : pick.uses()) {
            Coupon coupon = use.coupon();
            applied.add(new Applied(draft.orders().get(use.order()).supplier(), REF + coupon.id(), coupon.title(),
                    new Discount(use.saving(), use.scope(), coupon.funder())));
            chosen.put(coupon.id(), use.saving());
            offered.put(coupon.id(), use.saving());
        }
        List<Option> options = mine.stream().map(coupon -> {
            CouponPicker.Refusal refusal = picker.refusal(coupon);
            Money saving = chosen.getOrDefault(coupon.id(), refusal == null ? picker.savingAlone(coupon) : Money.ZERO);
            return new Option(coupon.id(), coupon.title(), coupon.issuer(), saving, refusal == null,
                    refusal == null ? null : reason(refusal, coupon), chosen.containsKey(coupon.id()));
        }).toList();
        return new Offers(applied, options);
    }

    @Override
    public void reserve(Placed order) {
        Map<Long, Money> offered = offeredInThisTransaction();
        Instant now = clock.instant();
        for (long id : ids(order.refs())) {
            Money saving = offered.get(id);
            if (saving == null) {
                throw new IllegalStateException("Coupon " + id + " reserved without being offered in this transaction");
            }
            List<CouponMoves.Moved> locked = moves.move(CouponState.Move.LOCK, List.of(id),
                    "member_id = :buyer and valid_from <= :now and valid_until > :now",
                    "order_id = :order, order_number = :number, discount_fen = :saving",
                    Map.of("buyer", order.buyer().value(), "now", utc(now), "order", order.orderId(), "number", order.orderNumber(),
                            "saving", saving.fen()));
            if (locked.isEmpty()) {
                // another checkout locked it first (or it just expired): this checkout is refused and rolls back whole
                throw BusinessException.conflict(CouponPicker.FIELD, "coupon.taken");
            }
        }
    }

    @Override
    public void release(Released order) {
        moves.move(CouponState.Move.RELEASE, ids(order.refs()), "order_id = :order", "order_id = null, order_number = null, discount_fen = null",
                Map.of("order", order.orderId()));
    }

    /**
     * What each coupon offered in this transaction takes off, kept until reserve (same transaction, after the orders are
     * written) stores it with the lock: ordering tells participants the refs of their discounts, not the amounts, and
     * {@link CouponEvents.CouponUsed} must say what the coupon took off. Outside a transaction (a preview), a throwaway map.
     */
    @SuppressWarnings("unchecked")
    private static Map<Long, Money> offeredInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Map<Long, Money> offered = (Map<Long, Money>) TransactionSynchronizationManager.getResource(OFFERED);
        if (offered == null) {
            Map<Long, Money> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(OFFERED, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(OFFERED);
                }
            });
            offered = fresh;
        }
        return offered;
    }

    /** The draft as the rules see it: each line's product with (when asked) its category and that category's parent. */
    private List<CouponPicker.Order> orders(Draft draft, boolean withCategories) {
        Map<Long, Long> parents = new HashMap<>();
        if (withCategories) {
            categories.tree().forEach(node -> node.children().forEach(child -> parents.put(child.id().value(), node.category().id().value())));
        }
        Map<ProductId, Set<Long>> categoriesOf = new HashMap<>();
        List<CouponPicker.Order> orders = new ArrayList<>();
        for (DraftOrder order : draft.orders()) {
            List<CouponPicker.Line> lines = order.lines().stream().map(line -> new CouponPicker.Line(line.sku(), line.product(),
                    withCategories ? categoriesOf.computeIfAbsent(line.product(), product -> categoriesOf(product, parents)) : Set.<Long>of(),
                    line.gross())).toList();
            orders.add(new CouponPicker.Order(order.supplier(), lines));
        }
        return orders;
    }

    private Set<Long> categoriesOf(ProductId product, Map<Long, Long> parents) {
        Set<Long> ids = new HashSet<>();
        catalog.product(product).ifPresent(detail -> {
            ids.add(detail.categoryId().value());
            if (parents.containsKey(detail.categoryId().value())) {
                ids.add(parents.get(detail.categoryId().value()));
            }
        });
        return ids;
    }

    private String reason(CouponPicker.Refusal refusal, Coupon coupon) {
        return messages.getMessage(refusal.key, new Object[]{coupon.title(), coupon.terms().threshold().toPlainString()},
                LocaleContextHolder.getLocale());
    }

    static Set<Long> ids(List<String> refs) {
        Set<Long> ids = new HashSet<>();
        for (String ref : refs == null ? List.<String>of() : refs) {
            if (ref.startsWith(REF)) {
                ids.add(Long.parseLong(ref.substring(REF.length())));
            }
        }
        return ids;
    }
}
