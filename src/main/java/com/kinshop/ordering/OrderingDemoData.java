package com.kinshop.ordering;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductCard;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductSort;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.payment.Payments;
import com.kinshop.payment.SandboxPayer;
import com.kinshop.shared.DemoDataSeeder;
import com.kinshop.shared.OnDemoOrders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Orders in every state, made the way buyers, the sandbox payer and suppliers make them (through the same services),
 * so every order, after-sales and console page has something real on it. Time-based states (completed) are reached by
 * backdating the order's whole timeline, then letting the normal completion run.
 */
@Component
@Order(40)
@OnDemoOrders
class OrderingDemoData implements DemoDataSeeder {

    private static final List<String> BUYERS = List.of("13800000004", "13800000005", "13800000002");
    /** The shop each demo buyer buys through (the third buys from the platform directly). */
    private static final String[] SHOPS = {"xiaoyu", "dachui", null};
    private static final int PAST_ORDERS_PER_SUPPLIER = 10;

    private final Accounts accounts;
    private final Catalog catalog;
    private final Addresses addresses;
    private final Cart cart;
    private final Checkouts checkouts;
    private final OrderPayments orderPayments;
    private final Payments payments;
    private final ObjectProvider<SandboxPayer> sandbox;
    private final OrderLifecycle lifecycle;
    private final AfterSales afterSales;
    private final JdbcClient jdbc;
    private final boolean withPastOrders;

    OrderingDemoData(Accounts accounts, Catalog catalog, Addresses addresses, Cart cart, Checkouts checkouts,
                     OrderPayments orderPayments, Payments payments, ObjectProvider<SandboxPayer> sandbox, OrderLifecycle lifecycle,
                     AfterSales afterSales, JdbcClient jdbc, @Value("${kinshop.demo.order-history:true}") boolean withPastOrders) {
        this.withPastOrders = withPastOrders;
        this.accounts = accounts;
        this.catalog = catalog;
        this.addresses = addresses;
        this.cart = cart;
        this.checkouts = checkouts;
        this.orderPayments = orderPayments;
        this.payments = payments;
        this.sandbox = sandbox;
        this.lifecycle = lifecycle;
        this.afterSales = afterSales;
        this.jdbc = jdbc;
    }

    @Override
    public void seed() {
        SandboxPayer payer = sandbox.getIfAvailable();
        if (payer == null || jdbc.sql("select exists (select 1 from orders)").query(Boolean.class).single()) {
            return;
        }
        List<ProductCard> products = catalog.search("", null, ProductSort.SALES, 30);
        List<AccountId> buyers = new ArrayList<>();
        List<Addresses.AddressId> buyersAddresses = new ArrayList<>();
        for (int b = 0; b < BUYERS.size(); b++) {
            AccountId buyer = accounts.findByPhone(BUYERS.get(b)).orElseThrow().id();
            String phone = "1380000123" + b; // each buyer ships to their own phone (a shared one would look like one person's accounts)
            Addresses.AddressId address = addresses.of(buyer).stream().findFirst().map(Addresses.Address::id)
                    .orElseGet(() -> addresses.add(buyer, new AddressForm("演示收货人", phone, "浙江省杭州市西湖区", "文三路 90 号")).id());
            buyers.add(buyer);
            buyersAddresses.add(address);
            int offset = b * 7;
            String shop = SHOPS[b];
            place(buyer, address, products.get(offset), 1, shop);
            String cancelled = place(buyer, address, products.get(offset + 1), 1, shop);
            lifecycle.cancelByBuyer(buyer, cancelled);
            String toShip = paid(payer, buyer, address, products.get(offset + 2), 2, shop,
                    b == 2 ? sameSupplierAs(products.get(offset + 2), products) : null); // one to-ship order of two products
            String shipped = paid(payer, buyer, address, products.get(offset + 3), 1, shop);
            ship(shipped, "顺丰速运", "SF" + (1_400_000_000L + b * 1000));
            String received = paid(payer, buyer, address, products.get(offset + 4), 1, shop);
            ship(received, "中通快递", "ZT" + (7_700_000_000L + b * 1000));
            lifecycle.confirmReceipt(buyer, received);
            String completed = paid(payer, buyer, address, products.get(offset + 5), 3, shop);
            ship(completed, "圆通速递", "YT" + (8_800_000_000L + b * 1000));
            lifecycle.confirmReceipt(buyer, completed);
            backdate(completed, 10);
            lifecycle.complete(orderId(completed));
            String refunded = paid(payer, buyer, address, products.get(offset + 6), 1, shop);
            String refund = afterSales.request(buyer, refunded, new AfterSales.Request(lineOf(refunded), AfterSaleKind.REFUND_ONLY, 1, "拍错了规格"));
            afterSales.approve(supplierOf(refunded), refund);
            if (b == 0) {
                afterSales.request(buyer, toShip, new AfterSales.Request(lineOf(toShip), AfterSaleKind.REFUND_ONLY, 1, "买多了一件"));
                String dispute = afterSales.request(buyer, received, new AfterSales.Request(lineOf(received), AfterSaleKind.REFUND_ONLY, 1,
                        "收到时外包装破损，里面有划痕"));
                afterSales.reject(supplierOf(received), dispute, "发货前检查完好，请提供开箱视频");
                afterSales.escalate(buyer, dispute);
            }
            if (b == 1) {
                String back = afterSales.request(buyer, shipped, new AfterSales.Request(lineOf(shipped), AfterSaleKind.RETURN_AND_REFUND, 1, "尺码不合适"));
                afterSales.approve(supplierOf(shipped), back);
            }
        }
        if (withPastOrders) {
            pastOrders(payer, buyers, buyersAddresses, products);
        }
    }

    /**
     * Orders of the last two months, received and completed, a few of each supplier's best sellers in turn: what the
     * demo reviews, sales figures and the suppliers' credit rest on.
     */
    private void pastOrders(SandboxPayer payer, List<AccountId> buyers, List<Addresses.AddressId> buyersAddresses, List<ProductCard> products) {
        Map<String, List<ProductCard>> bySupplier = products.stream()
                .collect(Collectors.groupingBy(ProductCard::supplierName, LinkedHashMap::new, Collectors.toList()));
        List<List<ProductCard>> suppliersSellers = List.copyOf(bySupplier.values());
        int n = 0;
        for (int i = 0; i < PAST_ORDERS_PER_SUPPLIER; i++) {
            for (List<ProductCard> sellers : suppliersSellers) {
                int b = n % buyers.size();
                String order = paid(payer, buyers.get(b), buyersAddresses.get(b), sellers.get(i % Math.min(4, sellers.size())), 1, SHOPS[b]);
                ship(order, "中通快递", "ZT" + (7_800_000_000L + n));
                lifecycle.confirmReceipt(buyers.get(b), order);
                backdate(order, 12 + n * 2);
                lifecycle.complete(orderId(order));
                n++;
            }
        }
    }

    private String place(AccountId buyer, Addresses.AddressId address, ProductCard product, int quantity, String shop) {
        return place(buyer, address, product, quantity, shop, null);
    }

    /** One order; with a second product of the same supplier (its last SKU, one unit) it has two lines. */
    private String place(AccountId buyer, Addresses.AddressId address, ProductCard product, int quantity, String shop, ProductCard second) {
        ProductDetail detail = catalog.product(product.id()).orElseThrow();
        cart.add(buyer, detail.skus().get(0).id(), quantity, shop);
        if (second != null) {
            List<ProductDetail.SkuView> skus = catalog.product(second.id()).orElseThrow().skus();
            cart.add(buyer, skus.get(skus.size() - 1).id(), 1, shop);
        }
        // the best coupons the buyer holds, as at a real checkout (the demo members' claims; none in the tests)
        return checkouts.checkOut(buyer, address, CheckoutParticipant.Selection.AUTOMATIC).orderNumbers().get(0);
    }

    private static ProductCard sameSupplierAs(ProductCard product, List<ProductCard> products) {
        return products.stream().filter(other -> other.supplierName().equals(product.supplierName()) && !other.id().equals(product.id()))
                .reduce((first, last) -> last).orElse(null);
    }

    private String paid(SandboxPayer payer, AccountId buyer, Addresses.AddressId address, ProductCard product, int quantity, String shop) {
        return paid(payer, buyer, address, product, quantity, shop, null);
    }

    private String paid(SandboxPayer payer, AccountId buyer, Addresses.AddressId address, ProductCard product, int quantity, String shop,
                        ProductCard second) {
        String order = place(buyer, address, product, quantity, shop, second);
        String payment = orderPayments.pay(buyer, orderPayments.checkoutOf(buyer, order)).paymentNumber();
        payer.pay(payment);
        payments.recover(payment);
        return order;
    }

    /**
     * Moves a received order's whole timeline back (placed and paid {@code days} ago, shipped a day later, received two
     * days later: with 10 or more, past its after-sales window) so it can complete now. Each later step moves back less,
     * so the steps stay in order; moving only the receipt put it before the shipment.
     */
    private void backdate(String order, int days) {
        jdbc.sql("""
                        update orders set created_at = created_at - make_interval(days => :days), pay_deadline = pay_deadline - make_interval(days => :days),
                               paid_at = paid_at - make_interval(days => :days), shipped_at = shipped_at - make_interval(days => :days - 1),
                               receive_deadline = receive_deadline - make_interval(days => :days - 1),
                               received_at = received_at - make_interval(days => :days - 2)
                        where number = :number""")
                .param("days", days).param("number", order).update();
    }

    private void ship(String order, String carrier, String tracking) {
        lifecycle.ship(supplierOf(order), order, carrier, tracking);
    }

    private com.kinshop.catalog.SupplierId supplierOf(String order) {
        return new com.kinshop.catalog.SupplierId(jdbc.sql("select supplier_id from orders where number = ?").param(order).query(Long.class).single());
    }

    private long orderId(String order) {
        return jdbc.sql("select id from orders where number = ?").param(order).query(Long.class).single();
    }

    private long lineOf(String order) {
        return jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ? order by l.id limit 1").param(order)
                .query(Long.class).single();
    }
}
