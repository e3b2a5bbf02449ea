package com.kinshop.ordering;

import com.kinshop.catalog.ReturnAddress;
import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.pricing.Funder;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.shared.StateNames;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reading orders: a buyer sees their own, a supplier the ones it must fulfil, the operator all. Whoever asks for an
 * order that is not theirs gets "not found", never a hint that it exists.
 */
@Service
@Transactional(readOnly = true) // reads of several statements take one snapshot: see snapshot()
public class Orders {

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(name = "OrderSummary")
    /** {@code held}: a promotion module holds the order (paid, not shippable yet; see {@link OrderHolds}). */
    public record Summary(String number, String checkoutNumber, OrderStatus status, String supplierName, Money goods, Money discount, Money shipping,
                          Money total, Money refunded, int units, String firstProduct, long firstProductId, Instant createdAt, Instant payDeadline,
                          boolean held) {
    }

    @Schema(name = "OrderLine")
    /** {@code paid} is what the buyer paid for the line (unit price × quantity − {@code discount}), as stored at checkout. */
    public record Line(long id, long productId, String productName, String spec, Money unitPrice, int quantity, Money paid, Money discount,
                       int refundedQuantity, String shopCode) {

        public int refundable() {
            return quantity - refundedQuantity;
        }
    }

    public record AfterSaleView(String number, String orderNumber, long lineId, String productName, AfterSaleKind kind, int quantity, Money amount,
                                String reason, AfterSaleStatus status, String rejectReason, String returnCarrier, String returnTracking,
                                String decisionNote, Instant createdAt, Instant updatedAt, ReturnAddress returnTo) {
    }

    public record Detail(Summary summary, long buyerId, String receiver, String phone, String address, String carrier, String trackingNumber,
                         String paymentNumber, Instant paidAt, Instant shippedAt, Instant receiveDeadline, Instant receivedAt, Instant completedAt,
                         Instant cancelledAt, String cancelReason, List<Line> lines, List<AfterSaleView> afterSales, List<DiscountLine> discounts) {

        public boolean payable() {
            return summary.status() == OrderStatus.AWAITING_PAYMENT;
        }
    }

    /** A discount the order carries (a coupon, a red packet), named as the buyer saw it at checkout, and who funds it. */
    @Schema(name = "OrderDiscount")
    public record DiscountLine(String label, Funder funder, Money amount) {
    }

    /** A buyer's refund request (before shipment) the supplier has not settled: the order may not ship meanwhile. */
    static final String OPEN_REFUND_REQUEST = "a.kind = :refundOnly and a.status in (:openRefundStates)";
    static final Map<String, ?> OPEN_REFUND_REQUEST_PARAMS = Map.of("refundOnly", AfterSaleKind.REFUND_ONLY.name(),
            "openRefundStates", StateNames.of(EnumSet.of(AfterSaleStatus.REQUESTED, AfterSaleStatus.ESCALATED, AfterSaleStatus.REJECTED)));

    private static final String SUMMARY = """
            select o.number, c.number, o.status, s.name, o.goods_fen, o.discount_fen, o.shipping_fen, o.total_fen, o.refunded_fen,
                   (select sum(quantity) from order_line l where l.order_id = o.id),
                   (select product_name from order_line l where l.order_id = o.id order by l.id limit 1),
                   (select product_id from order_line l where l.order_id = o.id order by l.id limit 1), o.created_at, o.pay_deadline,
                   o.held_by is not null
            from orders o join checkout c on c.id = o.checkout_id join supplier s on s.id = o.supplier_id
            """;

    public List<Summary> ofBuyer(AccountId buyer, OrderStatus status, int limit) {
        return jdbc.sql(SUMMARY + " where o.buyer_id = :owner and (:status::text is null or o.status = :status) order by o.id desc limit :limit")
                .param("owner", buyer.value()).param("status", status == null ? null : status.name()).param("limit", limit)
                .query(Orders::summary).list();
    }

    public List<Summary> ofSupplier(SupplierId supplier, OrderStatus status, int limit) {
        return jdbc.sql(SUMMARY + " where o.supplier_id = :owner and (:status::text is null or o.status = :status) order by o.id desc limit :limit")
                .param("owner", supplier.value()).param("status", status == null ? null : status.name()).param("limit", limit)
                .query(Orders::summary).list();
    }

    /**
     * What a supplier packs for one order: each line still to send as "product · spec × units", whether a refund request
     * holds it (whether a promotion holds it is {@link Summary#held()}).
     */
    public record Packing(List<String> lines, boolean refundRequested) {
    }

    /** The packing of the supplier's listed orders, in two queries whatever their number. */
    public Map<String, Packing> packing(SupplierId supplier, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        snapshot();
        Map<String, List<String>> lines = new HashMap<>();
        jdbc.sql("""
                        select o.number, l.product_name || ' · ' || l.spec || ' × ' || (l.quantity - l.refunded_quantity)
                        from orders o join order_line l on l.order_id = o.id
                        where o.supplier_id = :supplier and o.number in (:numbers) and l.refunded_quantity < l.quantity order by l.id""")
                .param("supplier", supplier.value()).param("numbers", numbers)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getString(1), number -> new ArrayList<>()).add(rs.getString(2));
                });
        Set<String> held = new HashSet<>(jdbc.sql("select o.number from orders o where o.supplier_id = :supplier and o.number in (:numbers) and exists ("
                        + "select 1 from after_sale a where a.order_id = o.id and " + OPEN_REFUND_REQUEST + ")")
                .param("supplier", supplier.value()).param("numbers", numbers).params(OPEN_REFUND_REQUEST_PARAMS).query(String.class).list());
        Map<String, Packing> packing = new HashMap<>();
        numbers.forEach(number -> packing.put(number, new Packing(lines.getOrDefault(number, List.of()), held.contains(number))));
        return packing;
    }

    public List<Summary> ofCheckout(AccountId buyer, String checkoutNumber) {
        return jdbc.sql(SUMMARY + " where o.buyer_id = ? and c.number = ? order by o.id").params(buyer.value(), checkoutNumber)
                .query(Orders::summary).list();
    }

    public Detail forBuyer(AccountId buyer, String number) {
        return detail("o.number = ? and o.buyer_id = ?", number, buyer.value());
    }

    public Detail forSupplier(SupplierId supplier, String number) {
        return detail("o.number = ? and o.supplier_id = ?", number, supplier.value());
    }

    public List<AfterSaleView> afterSalesOfBuyer(AccountId buyer) {
        return afterSales("a.buyer_id = ?", buyer.value());
    }

    public List<AfterSaleView> afterSalesOfSupplier(SupplierId supplier) {
        return afterSales("a.supplier_id = ?", supplier.value());
    }

    /**
     * A line as distribution sees it: who bought it, through which shop, and the commission budget it carries;
     * {@code refundedGoods}: what was refunded of the goods themselves (not shipping); {@code completedAt}: null until
     * the order completes.
     */
    public record SoldLine(long orderId, String orderNumber, long lineId, AccountId buyer, String shopCode, Money budget, int quantity,
                           int refundedQuantity, String productName, Money paid, Money refundedGoods, Instant completedAt) {
    }

    private static final String SOLD_LINES = """
            select o.id, o.number, l.id, o.buyer_id, l.shop_code, l.commission_budget_fen, l.quantity, l.refunded_quantity, l.product_name, l.paid_fen,
                   l.refunded_goods_fen, o.completed_at
            from order_line l join orders o on o.id = l.order_id
            """;

    public List<SoldLine> soldLines(long orderId) {
        return jdbc.sql(SOLD_LINES + " where o.id = ? order by l.id").param(orderId).query(Orders::soldLine).list();
    }

    public SoldLine soldLine(long lineId) {
        return jdbc.sql(SOLD_LINES + " where l.id = ?").param(lineId).query(Orders::soldLine).single();
    }

    private static SoldLine soldLine(ResultSet rs, int row) throws SQLException {
        return new SoldLine(rs.getLong(1), rs.getString(2), rs.getLong(3), new AccountId(rs.getLong(4)), rs.getString(5), Money.fen(rs.getLong(6)),
                rs.getInt(7), rs.getInt(8), rs.getString(9), Money.fen(rs.getLong(10)), Money.fen(rs.getLong(11)),
                instant(rs, 12));
    }

    /**
     * Orders that are done (completed, refunded, cancelled) but still hold money in escrow — should never happen; the
     * tests check it after every money scenario, and the operator's ledger page can too.
     */
    public List<String> finishedWithEscrowLeft() {
        return jdbc.sql("""
                        select o.number || ': ' || b.balance_fen from orders o
                        join ledger_account a on a.code = 'order:' || o.id || ':escrow' join ledger_balance b on b.account_id = a.id
                        where o.status in (:finished) and b.balance_fen <> 0 order by o.id""")
                .param("finished", StateNames.of(EnumSet.of(OrderStatus.COMPLETED, OrderStatus.REFUNDED, OrderStatus.CANCELLED)))
                .query(String.class).list();
    }

    /** Disputes the operator must decide, oldest first, then the ones already decided. */
    public List<AfterSaleView> escalated() {
        return jdbc.sql(AFTER_SALES + " where a.status = ? or a.decision_note is not null order by (a.status = ?) desc, a.id limit 200")
                .params(AfterSaleStatus.ESCALATED.name(), AfterSaleStatus.ESCALATED.name()).query(Orders::afterSale).list();
    }

    public AfterSaleView afterSaleOfBuyer(AccountId buyer, String number) {
        return afterSales("a.buyer_id = ? and a.number = ?", buyer.value(), number).stream().findFirst()
                .orElseThrow(() -> BusinessException.notFound("aftersale.not-found"));
    }

    private static final String AFTER_SALES = """
            select a.number, o.number, a.order_line_id, l.product_name, a.kind, a.quantity, a.amount_fen, a.reason, a.status, a.reject_reason,
                   a.return_carrier, a.return_tracking, a.decision_note, a.created_at, a.updated_at, a.return_to_name, a.return_to_phone,
                   a.return_to_address
            from after_sale a join orders o on o.id = a.order_id join order_line l on l.id = a.order_line_id
            """;

    private List<AfterSaleView> afterSales(String where, Object... params) {
        return jdbc.sql(AFTER_SALES + " where " + where + " order by a.id desc limit 200").params(params).query(Orders::afterSale).list();
    }

    /**
     * The rest of this read sees one snapshot (repeatable read), when the read began its own transaction (called inside
     * a caller's, it reads what the caller sees, as before). Said inside the transaction: Spring's isolation attribute
     * would instead ask for, set and reset the connection's level, three more round trips (and commits) per read.
     */
    private void snapshot() {
        if (TransactionAspectSupport.currentTransactionStatus().isNewTransaction()) {
            jdbc.sql("set transaction isolation level repeatable read").update();
        }
    }

    private Detail detail(String where, Object... params) {
        snapshot();
        record Head(long id, long buyerId, String receiver, String phone, String address, String carrier, String tracking, String payment,
                    Instant paidAt, Instant shippedAt, Instant receiveDeadline, Instant receivedAt, Instant completedAt, Instant cancelledAt,
                    String cancelReason) {
        }
        Head head = jdbc.sql("""
                        select o.id, o.buyer_id, o.receiver, o.phone, o.address, o.carrier, o.tracking_number, o.payment_number, o.paid_at, o.shipped_at,
                               o.receive_deadline, o.received_at, o.completed_at, o.cancelled_at, o.cancel_reason
                        from orders o where\s""" + where)
                .params(params)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), instant(rs, 9), instant(rs, 10), instant(rs, 11), instant(rs, 12), instant(rs, 13),
                        instant(rs, 14), rs.getString(15)))
                .optional().orElseThrow(() -> BusinessException.notFound("order.not-found"));
        Summary summary = jdbc.sql(SUMMARY + " where o.id = ?").param(head.id()).query(Orders::summary).single();
        List<Line> lines = jdbc.sql("""
                        select id, product_id, product_name, spec, unit_price_fen, quantity, paid_fen, discount_fen, refunded_quantity, shop_code
                        from order_line where order_id = ? order by id""")
                .param(head.id())
                .query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Money.fen(rs.getLong(5)), rs.getInt(6),
                        Money.fen(rs.getLong(7)), Money.fen(rs.getLong(8)), rs.getInt(9), rs.getString(10)))
                .list();
        return new Detail(summary, head.buyerId(), head.receiver(), head.phone(), head.address(), head.carrier(), head.tracking(), head.payment(),
                head.paidAt(), head.shippedAt(), head.receiveDeadline(), head.receivedAt(), head.completedAt(), head.cancelledAt(), head.cancelReason(),
                lines, afterSales("a.order_id = ?", head.id()), jdbc.sql("select label, funder, amount_fen from order_discount where order_id = ? order by id")
                .param(head.id()).query((rs, n) -> new DiscountLine(rs.getString(1), Funder.valueOf(rs.getString(2)), Money.fen(rs.getLong(3)))).list());
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        return new Summary(rs.getString(1), rs.getString(2), OrderStatus.valueOf(rs.getString(3)), rs.getString(4), Money.fen(rs.getLong(5)),
                Money.fen(rs.getLong(6)), Money.fen(rs.getLong(7)), Money.fen(rs.getLong(8)), Money.fen(rs.getLong(9)), rs.getInt(10),
                rs.getString(11), rs.getLong(12), instant(rs, 13), instant(rs, 14), rs.getBoolean(15));
    }

    private static AfterSaleView afterSale(ResultSet rs, int row) throws SQLException {
        return new AfterSaleView(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), AfterSaleKind.valueOf(rs.getString(5)),
                rs.getInt(6), Money.fen(rs.getLong(7)), rs.getString(8), AfterSaleStatus.valueOf(rs.getString(9)), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), instant(rs, 14), instant(rs, 15),
                rs.getString(16) == null ? null : new ReturnAddress(rs.getString(16), rs.getString(17), rs.getString(18)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
