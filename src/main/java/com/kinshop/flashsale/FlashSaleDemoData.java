package com.kinshop.flashsale;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.PlatformSettings;
import com.kinshop.catalog.ProductCard;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.ordering.AddressForm;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.OrderPayments;
import com.kinshop.payment.Payments;
import com.kinshop.payment.SandboxPayer;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.DemoDataSeeder;
import com.kinshop.shared.OnDemoOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Three sessions of the second demo supplier, approved: one running with units left, one starting in two hours, and
 * one sold out — its two units won by 林晓雨 and 王大锤 through the gate and paid through the sandbox like the demo
 * orders. Skipped without the sandbox, and with {@code kinshop.demo.flash-sale=false} (the tests: the demo members'
 * order lists stay as other tests expect them).
 */
@Component
@OnDemoOrders
@Order(67)
class FlashSaleDemoData implements DemoDataSeeder {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleDemoData.class);
    private static final String STAFF = "13900000002";

    private final FlashSales sales;
    private final FlashGate gate;
    private final FlashOrders orders;
    private final Accounts accounts;
    private final Suppliers suppliers;
    private final Catalog catalog;
    private final PlatformSettings settings;
    private final Addresses addresses;
    private final OrderPayments orderPayments;
    private final Payments payments;
    private final ObjectProvider<SandboxPayer> sandbox;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;

    FlashSaleDemoData(FlashSales sales, FlashGate gate, FlashOrders orders, Accounts accounts, Suppliers suppliers, Catalog catalog,
                      PlatformSettings settings, Addresses addresses, OrderPayments orderPayments, Payments payments,
                      ObjectProvider<SandboxPayer> sandbox, JdbcClient jdbc, Clock clock, @Value("${kinshop.demo.flash-sale:true}") boolean enabled) {
        this.sales = sales;
        this.gate = gate;
        this.orders = orders;
        this.accounts = accounts;
        this.suppliers = suppliers;
        this.catalog = catalog;
        this.settings = settings;
        this.addresses = addresses;
        this.orderPayments = orderPayments;
        this.payments = payments;
        this.sandbox = sandbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void seed() {
        SandboxPayer payer = sandbox.getIfAvailable();
        if (!enabled || payer == null || jdbc.sql("select exists (select 1 from flash_sale)").query(Boolean.class).single()) {
            return;
        }
        Optional<AccountId> staff = accounts.findByPhone(STAFF).map(account -> account.id());
        Optional<SupplierId> supplier = staff.flatMap(suppliers::supplierOf);
        if (supplier.isEmpty()) {
            return;
        }
        List<FlashSaleForm.Item> offers = offers(supplier.get());
        if (offers.size() < 3) {
            return;
        }
        Instant now = clock.instant();
        FlashSale running = approved(supplier.get(), staff.get(), "限时秒杀 · 纸品专场", offers.get(0), 20, now.minus(Duration.ofMinutes(30)),
                now.plus(Duration.ofHours(6)));
        FlashSale upcoming = approved(supplier.get(), staff.get(), "美妆秒杀 · 预告场", offers.get(1), 50, now.plus(Duration.ofHours(2)),
                now.plus(Duration.ofHours(4)));
        FlashSale soldOut = approved(supplier.get(), staff.get(), "爆款秒杀 · 洗衣凝珠", offers.get(2), 2, now.minus(Duration.ofMinutes(10)),
                now.plus(Duration.ofHours(5)));
        for (String phone : List.of("13800000001", "13800000002")) {
            AccountId member = accounts.findByPhone(phone).orElseThrow().id();
            FlashClaim claim = gate.buy(member, soldOut.id(), new FlashGate.BuyRequest(soldOut.items().get(0).skuId(), address(member, phone).value(), null),
                    null);
            String checkout = orderedCheckout(claim.claimId());
            String payment = orderPayments.pay(member, checkout).paymentNumber();
            payer.pay(payment);
            payments.recover(payment);
        }
        // the rest of the rush: three more members tap after the last unit went, and are told 已抢光
        for (String phone : List.of("13800000003", "13800000004", "13800000005")) {
            AccountId member = accounts.findByPhone(phone).orElseThrow().id();
            try {
                gate.buy(member, soldOut.id(), new FlashGate.BuyRequest(soldOut.items().get(0).skuId(), address(member, phone).value(), null), null);
            } catch (BusinessException soldOutAlready) {
                // the answer every late tap gets; the attempt is counted
            }
        }
        log.info("Demo flash sales: session {} running, session {} upcoming, session {} sold out", running.id(), upcoming.id(), soldOut.id());
    }

    /** The claim's checkout once its order is written (the gate's executor is on it already; this helps if it lags). */
    private String orderedCheckout(long claimId) {
        Instant until = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(until)) {
            orders.place(claimId);
            Optional<String> checkout = jdbc.sql("select checkout_number from flash_claim where id = ? and checkout_number is not null").param(claimId)
                    .query(String.class).optional();
            if (checkout.isPresent()) {
                return checkout.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("Demo flash claim " + claimId + " was not ordered");
    }

    private FlashSale approved(SupplierId supplier, AccountId staff, String title, FlashSaleForm.Item offer, int quantity, Instant startsAt,
                               Instant endsAt) {
        FlashSale proposed = sales.propose(supplier, staff, new FlashSaleForm(title, startsAt, endsAt, 1,
                List.of(new FlashSaleForm.Item(offer.skuId(), offer.flashPriceFen(), quantity))));
        return sales.approve(proposed.id());
    }

    /** The first SKU of each of the supplier's products at 20 % off (else 10 %), where that keeps the price rule and the stock allows. */
    private List<FlashSaleForm.Item> offers(SupplierId supplier) {
        List<FlashSaleForm.Item> found = new java.util.ArrayList<>();
        for (ProductCard card : catalog.sellableOf(supplier, 30)) {
            ProductDetail product = catalog.product(card.id()).orElseThrow();
            ProductDetail.SkuView sku = product.skus().get(0);
            Map<Long, Catalog.SkuFacts> facts = catalog.skuFacts(List.of(sku.id())).values().stream()
                    .collect(Collectors.toMap(fact -> fact.sku().value(), fact -> fact));
            if (facts.get(sku.id().value()).available() < 60) {
                continue;
            }
            for (int percentOff : new int[] {20, 10}) {
                FlashSaleForm.Item item = new FlashSaleForm.Item(sku.id().value(), sku.price().fen() * (100 - percentOff) / 100 / 10 * 10, 1);
                try {
                    FlashPrices.check(supplier, List.of(item), facts, settings.platformFeeBp());
                    found.add(item);
                    break;
                } catch (BusinessException tooLow) {
                    // this product's margins do not allow it: try a smaller discount, then the next product
                }
            }
            if (found.size() == 3) {
                break;
            }
        }
        return found;
    }

    /** The member's first address, else one with their own phone (two members at one address would share its limit). */
    private Addresses.AddressId address(AccountId member, String phone) {
        return addresses.of(member).stream().findFirst().map(Addresses.Address::id)
                .orElseGet(() -> addresses.add(member, new AddressForm("演示收货人", phone, "浙江省杭州市西湖区", "文三路 90 号")).id());
    }
}
