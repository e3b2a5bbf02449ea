package com.kinshop.ordering;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.Money;

import java.time.Instant;
import java.util.List;

/**
 * What happens to an order, published in the transaction that made it happen (so through the event publication
 * registry to every {@code @ApplicationModuleListener}: notifications now, commission next).
 */
public final class OrderEvents {

    private OrderEvents() {
    }

    /**
     * {@code kind}, {@code promotionRef} and {@code lines} are null in events stored before issue 10 (read them as a normal
     * sale whose lines the listener does not need), {@code discount} in events stored before issue 12. {@code lines}
     * carry what the buyer paid for each line, after discounts; {@code discount} is the order's discounts together.
     */
    public record OrderPaid(long orderId, String orderNumber, AccountId buyer, SupplierId supplier, Money total, Money discount, OrderKind kind,
                            String promotionRef, Instant at, List<PaidLine> lines) {

        /**
         * Whether a listener about discounts (coupons) has anything to do: lets it declare a condition, so a sale without
         * one stores no event publication for it (and costs no transaction). Unknown (an old event) counts as discounted.
         */
        public boolean discounted() {
            return discount == null || discount.isPositive();
        }

        /** Whether this is a sale of the given kind: for a play's listener condition, like {@link #discounted()}. */
        public boolean is(OrderKind ofKind) {
            return kind == ofKind;
        }
    }

    /** One line of a paid order: {@code paid} is its stored paid amount (unit price × quantity − its discounts). */
    public record PaidLine(long lineId, SkuId sku, ProductId product, int quantity, Money paid) {
    }

    /** The module {@code by} released its hold: the order can ship now. */
    public record OrderReleased(long orderId, String orderNumber, SupplierId supplier, String by, Instant at) {
    }

    public record OrderShipped(long orderId, String orderNumber, AccountId buyer, SupplierId supplier, String carrier, String trackingNumber,
                               Instant at) {
    }

    public record ReceiptReminder(long orderId, String orderNumber, AccountId buyer, Instant autoReceiveAt) {
    }

    public record OrderReceived(long orderId, String orderNumber, AccountId buyer, SupplierId supplier, boolean automatically, Instant at) {
    }

    public record OrderCompleted(long orderId, String orderNumber, AccountId buyer, SupplierId supplier, Instant at) {
    }

    /** {@code kind} and {@code promotionRef} are null in events stored before issue 10. */
    public record OrderCancelled(long orderId, String orderNumber, AccountId buyer, SupplierId supplier, CancelReason reason, Instant at,
                                 OrderKind kind, String promotionRef) {
    }

    /** Money went back to the buyer for an order: part of it ({@code wholeOrder} false) or all that was left. */
    public record OrderRefunded(long orderId, String orderNumber, AccountId buyer, SupplierId supplier, String afterSaleNumber, Money amount,
                                boolean wholeOrder, Instant at) {
    }

    /**
     * Units of a line were granted a refund (published in the granting transaction, before the order's escrow is
     * settled): {@code refundedQuantity} of {@code quantity} are now refunded in total; {@code goods}: what this refund
     * gave back of the goods themselves (not shipping); null in events stored before it was added.
     */
    public record RefundGranted(long orderId, long orderLineId, int refundedQuantity, int quantity, boolean orderCompleted, Instant at,
                                Money goods) {
    }

    /** A supplier or the operator decided an after-sales request (for the buyer to hear about it). */
    public record AfterSaleDecided(String afterSaleNumber, String orderNumber, AccountId buyer, AfterSaleStatus status, String returnTo, Instant at) {
    }

    /** A buyer asked for after-sales (for the supplier to hear about it). */
    public record AfterSaleRequested(String afterSaleNumber, String orderNumber, SupplierId supplier, Instant at) {
    }

    public enum CancelReason { BUYER, PAYMENT_TIMEOUT }
}
