package com.kinshop.ordering;

import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.Stock;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the cart into orders awaiting payment: one per supplier, priced by {@link CheckoutPricing} from the catalog,
 * the address copied, each line's units reserved. All of it is one transaction: if any unit cannot be reserved,
 * nothing is created and nothing stays reserved. Cancelling before payment releases the units, once.
 */
@Service
public class Checkouts {

    private static final DateTimeFormatter NUMBER_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private final Cart cart;
    private final Addresses addresses;
    private final Stock stock;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Checkouts(Cart cart, Addresses addresses, Stock stock, JdbcClient jdbc, Clock clock) {
        this.cart = cart;
        this.addresses = addresses;
        this.stock = stock;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Placed(String checkoutNumber, Money payable, List<String> orderNumbers) {
    }

    @Transactional
    public Placed checkOut(AccountId buyer, Addresses.AddressId addressId) {
        // one checkout per buyer at a time: a second one (another key, another tab) finds the cart already emptied
        jdbc.sql("select id from account where id = ? for update").param(buyer.value()).query(Long.class).single();
        Addresses.Address address = addresses.get(buyer, addressId);
        Cart.View view = cart.view(buyer);
        if (view.items().isEmpty()) {
            throw BusinessException.invalid(null, "checkout.cart-empty");
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        CheckoutPricing.Quote quote = view.quote();
        String checkoutNumber = number("C", now);
        long checkout = jdbc.sql("insert into checkout (number, buyer_id, payable_fen, created_at) values (?, ?, ?, ?) returning id")
                .params(checkoutNumber, buyer.value(), quote.payable().fen(), now).query(Long.class).single();
        List<String> orders = new ArrayList<>();
        for (CheckoutPricing.SupplierOrder supplierOrder : quote.orders()) {
            String number = number("K", now);
            long order = jdbc.sql("""
                            insert into orders (number, checkout_id, buyer_id, supplier_id, status, goods_fen, shipping_fen, receiver, phone, address, created_at)
                            values (?, ?, ?, ?, 'AWAITING_PAYMENT', ?, ?, ?, ?, ?, ?) returning id""")
                    .params(number, checkout, buyer.value(), supplierOrder.supplier().value(), supplierOrder.goods().fen(),
                            supplierOrder.shipping().fen(), address.receiver(), address.phone(), address.region() + " " + address.detail(), now)
                    .query(Long.class).single();
            for (CheckoutPricing.PricedLine priced : supplierOrder.lines()) {
                CheckoutPricing.Line line = priced.line();
                stock.reserve(line.sku(), line.quantity());
                jdbc.sql("""
                                insert into order_line (order_id, sku_id, product_id, product_name, spec, unit_price_fen, quantity, amount_fen,
                                                        commission_budget_fen, shop_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(order, line.sku().value(), line.product().value(), line.productName(), line.spec(), line.unitPrice().fen(),
                                line.quantity(), priced.amount().fen(), priced.commissionBudget().fen(), view.item(line.sku()).shopCode())
                        .update();
                cart.remove(buyer, line.sku());
            }
            orders.add(number);
        }
        return new Placed(checkoutNumber, quote.payable(), orders);
    }

    /** The buyer cancels an unpaid order: a guarded status change, then its units go back to stock. */
    @Transactional
    public void cancel(AccountId buyer, String orderNumber) {
        Long order = jdbc.sql("""
                        update orders set status = 'CANCELLED', cancelled_at = ?
                        where number = ? and buyer_id = ? and status = 'AWAITING_PAYMENT' returning id""")
                .params(clock.instant().atOffset(ZoneOffset.UTC), orderNumber, buyer.value()).query(Long.class).optional().orElse(null);
        if (order == null) {
            boolean mine = jdbc.sql("select exists (select 1 from orders where number = ? and buyer_id = ?)").params(orderNumber, buyer.value())
                    .query(Boolean.class).single();
            throw mine ? BusinessException.conflict(null, "order.not-cancellable") : BusinessException.notFound("order.not-found");
        }
        jdbc.sql("select sku_id, quantity from order_line where order_id = ?").param(order)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getInt(2)}).list()
                .forEach(line -> stock.release(new SkuId((Long) line[0]), (Integer) line[1]));
    }

    public record OrderSummary(String number, OrderStatus status, Money goods, Money shipping, Money total) {
    }

    public List<OrderSummary> ordersOf(AccountId buyer) {
        return jdbc.sql("select number, status, goods_fen, shipping_fen from orders where buyer_id = ? order by id desc").param(buyer.value())
                .query((rs, n) -> new OrderSummary(rs.getString(1), OrderStatus.valueOf(rs.getString(2)), Money.fen(rs.getLong(3)),
                        Money.fen(rs.getLong(4)), Money.fen(rs.getLong(3) + rs.getLong(4))))
                .list();
    }

    /** Readable and unique: a prefix, the time, six random digits (the unique index decides, never a prior lookup). */
    private String number(String prefix, OffsetDateTime now) {
        return prefix + NUMBER_TIME.format(now) + "%06d".formatted(random.nextInt(1_000_000));
    }
}
