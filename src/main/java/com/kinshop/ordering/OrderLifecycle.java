package com.kinshop.ordering;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.Stock;
import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderEvents.CancelReason;
import com.kinshop.ordering.OrderMoves.Change;
import com.kinshop.ordering.OrderMoves.Moved;
import com.kinshop.ordering.OrderStatus.Move;
import com.kinshop.payment.PaymentSucceeded;
import com.kinshop.payment.Payments;
import com.kinshop.payment.Refunds;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.shared.StateNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Moves orders through their states: the rules of each step (who may, what else happens) here; the move itself, its
 * guarded UPDATE and its event, through {@link OrderMoves}.
 */
@Service
@EnableConfigurationProperties(OrderProperties.class)
public class OrderLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{6,40}");

    private final JdbcClient jdbc;
    private final Stock stock;
    private final OrderBooks books;
    private final Payments payments;
    private final Refunds refunds;
    private final OrderMoves moves;
    private final ApplicationEventPublisher events;
    private final OrderProperties properties;
    private final CheckoutOffers offers;
    private final Clock clock;

    OrderLifecycle(JdbcClient jdbc, Stock stock, OrderBooks books, Payments payments, Refunds refunds, OrderMoves moves, ApplicationEventPublisher events,
                   OrderProperties properties, CheckoutOffers offers, Clock clock) {
        this.offers = offers;
        this.jdbc = jdbc;
        this.stock = stock;
        this.books = books;
        this.payments = payments;
        this.refunds = refunds;
        this.moves = moves;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Money for a checkout arrived (same transaction as the payment record). Orders still awaiting payment become paid;
     * whatever the payment brought beyond them (orders cancelled meanwhile, or already paid by another attempt) goes
     * back to the buyer — once, because the refund number is derived from the payment number.
     */
    @EventListener
    void onPaymentSucceeded(PaymentSucceeded payment) {
        Optional<Long> checkout = jdbc.sql("select id from checkout where number = ?").param(payment.reference()).query(Long.class).optional();
        if (checkout.isEmpty()) {
            return;
        }
        Change ofCheckout = new Change("checkout_id = :checkout", "paid_at = :at, payment_number = :payment",
                Map.of("checkout", checkout.get(), "at", now(), "payment", payment.paymentNumber()));
        Map<Long, List<LineUnits>> linesOf = new HashMap<>();
        List<Moved> paid = moves.move(Move.PAY, ofCheckout, order -> {
            List<LineUnits> lines = linesOf.computeIfAbsent(order.id(), this::lines);
            lines.forEach(line -> stock.sell(line.sku(), line.quantity()));
            books.paid(order.id(), order.number(), order.total());
        }, order -> new OrderEvents.OrderPaid(order.id(), order.number(), order.buyer(), order.supplier(), order.total(), order.discount(), order.kind(),
                order.promotionRef(), clock.instant(), linesOf.get(order.id()).stream()
                .map(line -> new OrderEvents.PaidLine(line.id(), line.sku(), line.product(), line.quantity(), line.paid())).toList()));
        Money accepted = paid.stream().map(Moved::total).reduce(Money.ZERO, Money::plus);
        Money surplus = payment.amount().minus(accepted);
        if (surplus.fen() < 0) {
            throw new IllegalStateException("Payment " + payment.paymentNumber() + " is less than the orders it paid");
        }
        if (surplus.isPositive()) {
            log.info("Payment {} brought {} beyond its awaiting orders; refunding it", payment.paymentNumber(), surplus);
            refunds.refund("RL" + payment.paymentNumber(), payment.paymentNumber(), surplus, "订单已关闭或已支付，自动退回");
        }
    }

    /** The buyer cancels an unpaid order. */
    @Transactional
    public void cancelByBuyer(AccountId buyer, String orderNumber) {
        long id = orderOf(orderNumber, "buyer_id", buyer.value());
        if (!cancel(id, CancelReason.BUYER)) {
            throw BusinessException.conflict(null, "order.not-cancellable");
        }
    }

    /** Cancels an order still awaiting payment and gives its units back; false if it had moved on. */
    @Transactional
    public boolean cancel(long orderId, CancelReason reason) {
        List<Moved> cancelled = moves.move(Move.CANCEL,
                Change.of(orderId).set("cancelled_at = :at, cancel_reason = :reason", Map.of("at", now(), "reason", reason.name())),
                order -> {
                    // the plays' rows (a group, a bargain, their campaign) before the SKU rows: the order a play's own
                    // checkout locks them in, so a cancellation and a checkout of the same campaign never deadlock
                    offers.release(order, reason);
                    // units a play set aside stay with the play: its release above took them back
                    lines(orderId).stream().filter(line -> !line.unitsSetAside()).forEach(line -> stock.release(line.sku(), line.quantity()));
                },
                order -> new OrderEvents.OrderCancelled(order.id(), order.number(), order.buyer(), order.supplier(), reason, clock.instant(),
                        order.kind(), order.promotionRef()));
        if (cancelled.isEmpty()) {
            return false;
        }
        String checkout = jdbc.sql("select c.number from checkout c join orders o on o.checkout_id = c.id where o.id = ?").param(orderId)
                .query(String.class).single();
        // after commit, and in its own transaction: the payment row is locked by notifications in the other order
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    payments.closeOpen(checkout);
                } catch (RuntimeException e) {
                    log.warn("Could not close the open payment of {}: {}", checkout, e.toString());
                }
            }
        });
        return true;
    }

    /** The supplier hands an order to a carrier. Only its own paid orders, not while a refund request is open nor while a module holds it. */
    @Transactional
    public void ship(SupplierId supplier, String orderNumber, String carrier, String trackingNumber) {
        String carrierName = carrier == null ? "" : carrier.strip();
        if (carrierName.isEmpty() || carrierName.length() > 20) {
            throw BusinessException.invalid("carrier", "shipment.carrier.invalid");
        }
        String tracking = trackingNumber == null ? "" : trackingNumber.strip();
        if (!TRACKING.matcher(tracking).matches()) {
            throw BusinessException.invalid("trackingNumber", "shipment.tracking.invalid");
        }
        long id = orderOf(orderNumber, "supplier_id", supplier.value());
        boolean refundAsked = jdbc.sql("select exists (select 1 from after_sale a where a.order_id = :id and " + Orders.OPEN_REFUND_REQUEST + ")")
                .param("id", id).params(Orders.OPEN_REFUND_REQUEST_PARAMS).query(Boolean.class).single();
        if (refundAsked) {
            throw BusinessException.conflict(null, "shipment.refund-open");
        }
        boolean held = jdbc.sql("select held_by is not null from orders where id = ?").param(id).query(Boolean.class).single();
        if (held) {
            throw BusinessException.conflict(null, "shipment.held");
        }
        // the guard again in the update: a hold placed meanwhile wins over the shipment
        Change shipment = Change.of(id).where("held_by is null", Map.of()).set("carrier = :carrier, tracking_number = :tracking, shipped_at = :at, receive_deadline = :deadline",
                Map.of("carrier", carrierName, "tracking", tracking, "at", now(), "deadline", now().plus(properties.autoReceiveAfter())));
        moves.move(Move.SHIP, shipment, order -> new OrderEvents.OrderShipped(order.id(), order.number(), order.buyer(), order.supplier(), carrierName,
                        tracking, clock.instant()))
                .orElseThrow(() -> BusinessException.conflict(null, "order.not-shippable"));
    }

    /** The buyer confirms receipt. */
    @Transactional
    public void confirmReceipt(AccountId buyer, String orderNumber) {
        if (!receive(orderOf(orderNumber, "buyer_id", buyer.value()), false)) {
            throw BusinessException.conflict(null, "order.not-receivable");
        }
    }

    @Transactional
    public boolean receive(long orderId, boolean automatically) {
        return moves.move(Move.RECEIVE, Change.of(orderId).set("received_at = :at", Map.of("at", now())),
                order -> new OrderEvents.OrderReceived(order.id(), order.number(), order.buyer(), order.supplier(), automatically, clock.instant()))
                .isPresent();
    }

    /** Reminds the buyer, once, that a shipped order will count as received soon. */
    @Transactional
    public boolean remindReceipt(long orderId) {
        return jdbc.sql("""
                        update orders set receipt_reminded_at = ? where id = ? and status = ? and receipt_reminded_at is null
                        returning id, number, buyer_id, receive_deadline""")
                .params(now(), orderId, OrderStatus.SHIPPED.name())
                .query((rs, n) -> new OrderEvents.ReceiptReminder(rs.getLong(1), rs.getString(2), new AccountId(rs.getLong(3)),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional().map(reminder -> {
                    events.publishEvent(reminder);
                    return true;
                }).orElse(false);
    }

    /** The after-sales window closed with nothing open: the order completes and its escrow is split. */
    @Transactional
    public boolean complete(long orderId) {
        Change windowClosed = Change.of(orderId).set("completed_at = :at", Map.of("at", now()))
                .where("received_at <= :windowStart and not exists (select 1 from after_sale a where a.order_id = orders.id and a.status in (:open))",
                        Map.of("windowStart", now().minus(properties.afterSalesWindow()), "open", StateNames.of(AfterSaleStatus.OPEN)));
        // the event first, so that commission settles out of escrow before the rest of it is split
        Optional<Moved> completed = moves.move(Move.COMPLETE, windowClosed,
                order -> new OrderEvents.OrderCompleted(order.id(), order.number(), order.buyer(), order.supplier(), clock.instant()));
        completed.ifPresent(order -> books.settle(order.id()));
        return completed.isPresent();
    }

    record LineUnits(long id, SkuId sku, ProductId product, int quantity, Money paid, boolean unitsSetAside) {
    }

    /** An order's lines in SKU order, so two transactions touching the same SKUs lock them in the same order. */
    private List<LineUnits> lines(long orderId) {
        return jdbc.sql("select id, sku_id, product_id, quantity, paid_fen, units_set_aside from order_line where order_id = ? order by sku_id")
                .param(orderId).query((rs, n) -> new LineUnits(rs.getLong(1), new SkuId(rs.getLong(2)), new ProductId(rs.getLong(3)), rs.getInt(4),
                        Money.fen(rs.getLong(5)), rs.getBoolean(6))).list();
    }

    /** The id of an order that belongs to this buyer or supplier; anyone else's is simply not found. */
    long orderOf(String orderNumber, String ownerColumn, long owner) {
        return jdbc.sql("select id from orders where number = ? and " + ownerColumn + " = ?").params(orderNumber, owner).query(Long.class)
                .optional().orElseThrow(() -> BusinessException.notFound("order.not-found"));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
