package com.kinshop.ordering;

import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Facts about an order or a line that other modules act on without reading ordering's tables: reviews (a line and its
 * receipt), complaints (who an order is between) and deposits (whether a supplier still has orders in progress).
 */
@Service
public class OrderFacts {

    private final JdbcClient jdbc;

    OrderFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the review module needs to accept a review of a line: whose it is, whether it was received (the order keeps
     * {@code receivedAt} after a later refund), how much was refunded, and where it was delivered (for brushing checks).
     */
    public record ReviewableLine(long lineId, String orderNumber, AccountId buyer, SupplierId supplier, long productId, String productName,
                                 String spec, int quantity, int refundedQuantity, Instant receivedAt, String deliveryPhone, String deliveryAddress) {
    }

    public Optional<ReviewableLine> reviewableLine(long lineId) {
        return jdbc.sql("""
                        select l.id, o.number, o.buyer_id, o.supplier_id, l.product_id, l.product_name, l.spec, l.quantity, l.refunded_quantity,
                               o.received_at, o.phone, o.address
                        from order_line l join orders o on o.id = l.order_id where l.id = ?""")
                .param(lineId)
                .query((rs, n) -> new ReviewableLine(rs.getLong(1), rs.getString(2), new AccountId(rs.getLong(3)), new SupplierId(rs.getLong(4)),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9), instant(rs.getObject(10, OffsetDateTime.class)),
                        rs.getString(11), rs.getString(12)))
                .optional();
    }

    /** Who an order is between and when it was paid (null: never), for modules acting on an order by its number (complaints). */
    public record Parties(long orderId, String number, AccountId buyer, SupplierId supplier, OrderStatus status, Instant paidAt) {
    }

    public Optional<Parties> parties(String orderNumber) {
        return jdbc.sql("select id, number, buyer_id, supplier_id, status, paid_at from orders where number = ?").param(orderNumber)
                .query((rs, n) -> new Parties(rs.getLong(1), rs.getString(2), new AccountId(rs.getLong(3)), new SupplierId(rs.getLong(4)),
                        OrderStatus.valueOf(rs.getString(5)), instant(rs.getObject(6, OffsetDateTime.class))))
                .optional();
    }

    /** Whether the supplier has an order not yet finished (awaiting payment, paid, shipped or received): its deposit may not leave. */
    public boolean hasOrdersInProgress(SupplierId supplier) {
        return jdbc.sql("select exists (select 1 from orders where supplier_id = :supplier and status not in (:finished))")
                .param("supplier", supplier.value())
                .param("finished", StateNames.of(EnumSet.of(OrderStatus.COMPLETED, OrderStatus.REFUNDED, OrderStatus.CANCELLED)))
                .query(Boolean.class).single();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
