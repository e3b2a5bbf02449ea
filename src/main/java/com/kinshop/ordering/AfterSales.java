package com.kinshop.ordering;

import com.kinshop.catalog.ReturnAddress;
import com.kinshop.catalog.ReturnAddresses;
import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.AfterSaleStatus.Move;
import com.kinshop.payment.RefundSucceeded;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.BusinessNumbers;
import com.kinshop.shared.UniqueConstraints;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/**
 * After-sales (售后), per order line and quantity. A request locks its order, so the units still refundable are
 * counted once; one open request per line is a database rule. A granted refund is worked out and paid by
 * {@link RefundGrants}.
 */
@Service
public class AfterSales {

    private static final Set<OrderStatus> REFUNDABLE = EnumSet.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.RECEIVED);
    private static final Set<OrderStatus> RETURNABLE = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.RECEIVED);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AfterSaleMoves moves;
    private final RefundGrants refunds;
    private final OrderProperties properties;
    private final ReturnAddresses returnAddresses;
    private final Clock clock;

    AfterSales(JdbcClient jdbc, ApplicationEventPublisher events, AfterSaleMoves moves, RefundGrants refunds, OrderProperties properties,
               ReturnAddresses returnAddresses, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.moves = moves;
        this.refunds = refunds;
        this.properties = properties;
        this.returnAddresses = returnAddresses;
        this.clock = clock;
    }

    public record Request(long lineId, AfterSaleKind kind, int quantity, String reason) {
    }

    private record LockedOrder(long id, String number, long supplierId, OrderStatus status, OffsetDateTime receivedAt, String paymentNumber,
                               boolean shipped) {
    }

    record AfterSale(long id, String number, long orderId, long lineId, long buyerId, long supplierId, AfterSaleKind kind, int quantity,
                             AfterSaleStatus status) {
    }

    @Transactional
    public String request(AccountId buyer, String orderNumber, Request request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > 200) {
            throw BusinessException.invalid("reason", "aftersale.reason.required");
        }
        if (request.kind() == null) {
            throw BusinessException.invalid("kind", "aftersale.kind.required");
        }
        LockedOrder order = lockOrder("number = ? and buyer_id = ?", orderNumber, buyer.value());
        if (!(request.kind() == AfterSaleKind.REFUND_ONLY ? REFUNDABLE : RETURNABLE).contains(order.status())) {
            throw BusinessException.conflict("kind", request.kind() == AfterSaleKind.REFUND_ONLY ? "aftersale.not-allowed" : "aftersale.return.not-shipped");
        }
        if (order.receivedAt() != null && order.receivedAt().plus(properties.afterSalesWindow()).isBefore(now())) {
            throw BusinessException.conflict(null, "aftersale.window-closed");
        }
        requireRefundable(order, request.lineId(), request.quantity());
        String number = insertRequest(order, request.lineId(), buyer.value(), request.kind(), request.quantity(), reason, AfterSaleStatus.REQUESTED);
        events.publishEvent(new OrderEvents.AfterSaleRequested(number, order.number(), new SupplierId(order.supplierId()), clock.instant()));
        return number;
    }

    /** The supplier agrees: a refund-only request is refunded now; a return waits for the goods to come back. */
    @Transactional
    public void approve(SupplierId supplier, String number) {
        AfterSale request = lock(number, "supplier_id", supplier.value());
        require(request, AfterSaleStatus.REQUESTED);
        if (request.kind() == AfterSaleKind.REFUND_ONLY) {
            refunds.grant(request, null);
        } else {
            // the buyer is told where to send the goods, and keeps that address even if the supplier changes it later
            ReturnAddress returnTo = returnAddresses.of(supplier).orElseThrow(() -> BusinessException.conflict(null, "return-address.missing"));
            jdbc.sql("update after_sale set return_to_name = ?, return_to_phone = ?, return_to_address = ? where id = ?")
                    .params(returnTo.name(), returnTo.phone(), returnTo.address(), request.id()).update();
            moves.move(request.id(), Move.AWAIT_RETURN, null);
        }
    }

    @Transactional
    public void reject(SupplierId supplier, String number, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw BusinessException.invalid("reason", "aftersale.reject-reason.required");
        }
        AfterSale request = lock(number, "supplier_id", supplier.value());
        require(request, AfterSaleStatus.REQUESTED, AfterSaleStatus.RETURN_SHIPPED);
        jdbc.sql("update after_sale set reject_reason = ? where id = ?").params(why, request.id()).update();
        moves.move(request.id(), Move.REJECT, null);
    }

    @Transactional
    public void shipReturn(AccountId buyer, String number, String carrier, String tracking) {
        if (carrier == null || carrier.isBlank() || carrier.strip().length() > 20) {
            throw BusinessException.invalid("carrier", "shipment.carrier.invalid");
        }
        if (tracking == null || !tracking.strip().matches("[A-Za-z0-9-]{6,40}")) {
            throw BusinessException.invalid("trackingNumber", "shipment.tracking.invalid");
        }
        AfterSale request = lock(number, "buyer_id", buyer.value());
        require(request, AfterSaleStatus.AWAITING_RETURN);
        jdbc.sql("update after_sale set return_carrier = ?, return_tracking = ? where id = ?").params(carrier.strip(), tracking.strip(), request.id()).update();
        moves.move(request.id(), Move.SHIP_RETURN, null);
    }

    /** The supplier has the returned goods: the refund goes out. */
    @Transactional
    public void confirmReturn(SupplierId supplier, String number) {
        AfterSale request = lock(number, "supplier_id", supplier.value());
        require(request, AfterSaleStatus.RETURN_SHIPPED);
        refunds.grant(request, null);
    }

    @Transactional
    public void escalate(AccountId buyer, String number) {
        AfterSale request = lock(number, "buyer_id", buyer.value());
        require(request, AfterSaleStatus.REJECTED);
        moves.move(request.id(), Move.ESCALATE, null);
    }

    @Transactional
    public void withdraw(AccountId buyer, String number) {
        AfterSale request = lock(number, "buyer_id", buyer.value());
        require(request, AfterSaleStatus.REQUESTED, AfterSaleStatus.AWAITING_RETURN, AfterSaleStatus.REJECTED);
        moves.move(request.id(), Move.WITHDRAW, null);
    }

    /** The operator settles an escalated dispute: refund (the goods stay with the buyer) or close. */
    @Transactional
    public void decide(String number, boolean refund, String note) {
        String why = note == null ? "" : note.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw BusinessException.invalid("note", "aftersale.decision-note.required");
        }
        AfterSale request = lock(number, null, 0);
        require(request, AfterSaleStatus.ESCALATED);
        if (refund) {
            refunds.grant(request, why);
        } else {
            moves.move(request.id(), Move.CLOSE, why);
        }
    }

    /**
     * The operator refunds units of a completed order (a late quality claim, a court order): the money comes back out of
     * the supplier's payable and platform revenue, and commission already settled on those units is clawed back.
     */
    @Transactional
    public String refundCompleted(String orderNumber, long lineId, int quantity, String note) {
        String why = note == null ? "" : note.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw BusinessException.invalid("note", "aftersale.decision-note.required");
        }
        LockedOrder order = lockOrder("number = ?", orderNumber);
        if (order.status() != OrderStatus.COMPLETED) {
            throw BusinessException.conflict(null, "aftersale.operator.completed-only");
        }
        requireRefundable(order, lineId, quantity);
        long buyer = jdbc.sql("select buyer_id from orders where id = ?").param(order.id()).query(Long.class).single();
        // recorded as escalated: the operator's own decision, granted at once
        String number = insertRequest(order, lineId, buyer, AfterSaleKind.REFUND_ONLY, quantity, why, AfterSaleStatus.ESCALATED);
        refunds.grant(lock(number, null, 0), why);
        return number;
    }

    /** The provider sent the money back: the request is done, and the buyer hears about it. */
    @EventListener
    void onRefundSucceeded(RefundSucceeded refund) {
        moves.confirmRefund(refund.refundNumber());
    }

    private void requireRefundable(LockedOrder order, long lineId, int quantity) {
        int refundable = jdbc.sql("select quantity - refunded_quantity from order_line where id = ? and order_id = ?").params(lineId, order.id())
                .query(Integer.class).optional().orElseThrow(() -> BusinessException.invalid("lineId", "aftersale.line.not-found"));
        if (quantity < 1 || quantity > refundable) {
            throw refundable == 0 ? BusinessException.conflict("quantity", "aftersale.line.refunded")
                    : BusinessException.invalid("quantity", "aftersale.quantity.range", refundable);
        }
    }

    /** A new request; the partial unique index refuses a second open one on the same line. */
    private String insertRequest(LockedOrder order, long lineId, long buyer, AfterSaleKind kind, int quantity, String reason, AfterSaleStatus status) {
        String number = BusinessNumbers.next(jdbc, "A", clock.instant(), clock.getZone());
        try {
            jdbc.sql("""
                            insert into after_sale (number, order_id, order_line_id, buyer_id, supplier_id, kind, quantity, amount_fen, reason, status,
                                                    created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(number, order.id(), lineId, buyer, order.supplierId(), kind.name(), quantity, refunds.refundFor(order.shipped(), lineId, quantity).total().fen(), reason,
                            status.name(), now(), now())
                    .update();
        } catch (DuplicateKeyException e) {
            if (UniqueConstraints.violated(e, "after_sale_one_open_per_line")) {
                throw BusinessException.conflict("lineId", "aftersale.already-open");
            }
            throw e;
        }
        return number;
    }

    private static void require(AfterSale request, AfterSaleStatus... allowed) {
        for (AfterSaleStatus status : allowed) {
            if (request.status() == status) {
                return;
            }
        }
        throw BusinessException.conflict(null, "aftersale.changed");
    }

    private AfterSale lock(String number, String ownerColumn, long owner) {
        String where = ownerColumn == null ? "number = ?" : "number = ? and " + ownerColumn + " = ?";
        var query = jdbc.sql("select id, number, order_id, order_line_id, buyer_id, supplier_id, kind, quantity, status from after_sale where "
                + where + " for update").param(number);
        if (ownerColumn != null) {
            query = query.param(owner);
        }
        return query.query((rs, n) -> new AfterSale(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        AfterSaleKind.valueOf(rs.getString(7)), rs.getInt(8), AfterSaleStatus.valueOf(rs.getString(9))))
                .optional().orElseThrow(() -> BusinessException.notFound("aftersale.not-found"));
    }

    private LockedOrder lockOrder(String where, Object... params) {
        return jdbc.sql("select id, number, supplier_id, status, received_at, payment_number, shipped_at is not null from orders where " + where + " for update")
                .params(params)
                .query((rs, n) -> new LockedOrder(rs.getLong(1), rs.getString(2), rs.getLong(3), OrderStatus.valueOf(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getBoolean(7)))
                .optional().orElseThrow(() -> BusinessException.notFound("order.not-found"));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
