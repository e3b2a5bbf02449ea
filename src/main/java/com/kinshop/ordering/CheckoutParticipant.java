package com.kinshop.ordering;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.pricing.Discount;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * How a module that ordering never imports (coupons, group buy, flash sale) takes part in checkout. Ordering finds
 * every Spring bean implementing this and, for each checkout: asks it for discounts on the draft (before anything is
 * written), then — inside the checkout's transaction, after the orders are written — lets it reserve what it gave
 * (lock a coupon, take a seat, a quota unit); throwing a {@link com.kinshop.shared.BusinessException} there refuses
 * the whole checkout and nothing stays. When an order is cancelled (by the buyer or because payment timed out), the
 * transaction that cancelled it calls {@link #release} exactly once for it: the guarded move lets only one
 * cancellation happen, and a participant's own release is a guarded update too.
 */
public interface CheckoutParticipant {

    /** Discounts this participant applies to the draft, and the choices the buyer could make instead. */
    default Offers offer(Draft draft) {
        return Offers.NONE;
    }

    /** Inside the checkout transaction, once per order written, with the discounts of this participant it carries. */
    default void reserve(Placed order) {
    }

    /** Inside the transaction that cancelled the order: give back what {@link #reserve} took for it. */
    default void release(Released order) {
    }

    /**
     * What the buyer chose: {@code automatic} lets participants pick the best valid combination; otherwise exactly
     * {@code couponIds} (none when empty).
     */
    record Selection(boolean automatic, Set<Long> couponIds) {

        public static final Selection AUTOMATIC = new Selection(true, Set.of());

        public Selection {
            couponIds = couponIds == null ? Set.of() : Set.copyOf(couponIds);
        }

        /** From a request: an absent list means "pick for me", a list (even empty) means exactly those, each once. */
        public static Selection of(List<Long> couponIds) {
            if (couponIds == null) {
                return AUTOMATIC;
            }
            if (couponIds.stream().anyMatch(java.util.Objects::isNull) || Set.copyOf(couponIds).size() != couponIds.size()) {
                // a coupon named twice is a mistake the buyer should hear about, not something to quietly merge
                throw com.kinshop.shared.BusinessException.invalid("couponIds", "coupon.twice");
            }
            return new Selection(false, Set.copyOf(couponIds));
        }
    }

    /** A checkout being priced: one draft order per supplier, lines at the unit price charged before discounts. */
    record Draft(AccountId buyer, OrderKind kind, String promotionRef, List<DraftOrder> orders, Selection selection, Instant at) {
    }

    record DraftOrder(SupplierId supplier, List<DraftLine> lines) {

        public Money goods() {
            return lines.stream().map(DraftLine::gross).reduce(Money.ZERO, Money::plus);
        }
    }

    record DraftLine(SkuId sku, ProductId product, Money unitPrice, int quantity) {

        public Money gross() {
            return unitPrice.times(quantity);
        }
    }

    /**
     * A discount applied to one supplier's order: {@code ref} names what gives it (e.g. {@code coupon:42}) and is what
     * {@link #reserve} receives back; {@code label} is shown to the buyer.
     */
    record Applied(SupplierId supplier, String ref, String label, Discount discount) {
    }

    /** One choice the buyer could make at checkout (a coupon they hold), with the saving it would bring, or why it cannot be used. */
    @Schema(name = "CheckoutOption")
    record Option(long couponId, String title, SupplierId supplier, Money saving, boolean usable, String unusableReason, boolean chosen) {
    }

    record Offers(List<Applied> applied, List<Option> options) {

        public static final Offers NONE = new Offers(List.of(), List.of());
    }

    /** An order written by checkout, with the refs of this participant's discounts it carries. */
    record Placed(long orderId, String orderNumber, AccountId buyer, SupplierId supplier, OrderKind kind, String promotionRef,
                  List<String> refs, Instant payDeadline) {
    }

    /** An order cancelled before payment, with the refs of all the discounts it carried (pick yours by their prefix). */
    record Released(long orderId, String orderNumber, AccountId buyer, OrderKind kind, String promotionRef, List<String> refs,
                    OrderEvents.CancelReason reason) {
    }
}
