package com.kinshop.bargain;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.PlatformSettings;
import com.kinshop.catalog.PricingRule;
import com.kinshop.catalog.ProductCard;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.ordering.AddressForm;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.OrderPayments;
import com.kinshop.payment.Payments;
import com.kinshop.payment.SandboxPayer;
import com.kinshop.shared.DemoDataSeeder;
import com.kinshop.shared.OnDemoOrders;
import com.kinshop.shared.Money;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A running, approved bargain campaign of the first demo supplier (3 friends to the floor): 张小凡's bargain in
 * progress with two friends' cuts, and 赵敏's helped to the floor by three friends, bought at the floor and paid
 * through the sandbox, the way members and the cashier do it (through the same services).
 */
@Component
// they place and pay orders: only with the demo orders (crash tests count every payment and turn those off)
@OnDemoOrders
@Order(70)
class BargainDemoData implements DemoDataSeeder {

    private static final String STAFF = "13900000001";
    private static final String IN_PROGRESS_STARTER = "13800000004";
    private static final String BOUGHT_STARTER = "13800000005";
    private static final List<String> FRIENDS = List.of("13800000001", "13800000002", "13800000003");
    private static final int HELPERS_NEEDED = 3;

    private final BargainCampaigns campaigns;
    private final Bargains bargains;
    private final BargainHelps helps;
    private final BargainPurchases purchases;
    private final Catalog catalog;
    private final PlatformSettings settings;
    private final Suppliers suppliers;
    private final Accounts accounts;
    private final Addresses addresses;
    private final OrderPayments orderPayments;
    private final Payments payments;
    private final ObjectProvider<SandboxPayer> sandbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    BargainDemoData(BargainCampaigns campaigns, Bargains bargains, BargainHelps helps, BargainPurchases purchases, Catalog catalog,
                    PlatformSettings settings, Suppliers suppliers, Accounts accounts, Addresses addresses, OrderPayments orderPayments,
                    Payments payments, ObjectProvider<SandboxPayer> sandbox, JdbcClient jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.bargains = bargains;
        this.helps = helps;
        this.purchases = purchases;
        this.catalog = catalog;
        this.settings = settings;
        this.suppliers = suppliers;
        this.accounts = accounts;
        this.addresses = addresses;
        this.orderPayments = orderPayments;
        this.payments = payments;
        this.sandbox = sandbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void seed() {
        if (jdbc.sql("select exists (select 1 from bargain_campaign)").query(Boolean.class).single()) {
            return;
        }
        Optional<AccountId> staff = accounts.findByPhone(STAFF).map(account -> account.id());
        Optional<SupplierId> supplier = staff.flatMap(suppliers::supplierOf);
        if (supplier.isEmpty()) {
            return;
        }
        Optional<CampaignForm> form = offer(supplier.get());
        if (form.isEmpty()) {
            return;
        }
        BargainCampaign campaign = campaigns.create(supplier.get(), staff.get(), form.get());
        campaigns.decide(campaign.id(), true, null);
        accounts.findByPhone(IN_PROGRESS_STARTER).ifPresent(starter -> helpedBy(bargains.start(starter.id(), campaign.id()), FRIENDS.subList(0, 2)));
        SandboxPayer payer = sandbox.getIfAvailable();
        Optional<AccountId> buyer = accounts.findByPhone(BOUGHT_STARTER).map(account -> account.id());
        if (payer != null && buyer.isPresent()) {
            BargainView atFloor = helpedBy(bargains.start(buyer.get(), campaign.id()), FRIENDS);
            Addresses.AddressId address = addresses.of(buyer.get()).stream().findFirst().map(Addresses.Address::id)
                    .orElseGet(() -> addresses.add(buyer.get(), new AddressForm("演示收货人", "13800001235", "浙江省杭州市西湖区", "文三路 90 号")).id());
            BargainPurchases.Purchase bought = purchases.purchase(buyer.get(), atFloor.bargainId(), address.value(), null, atFloor.floorPrice().fen());
            String payment = orderPayments.pay(buyer.get(), bought.checkoutNumber()).paymentNumber();
            payer.pay(payment);
            payments.recover(payment);
        }
        LoggerFactory.getLogger(BargainDemoData.class).info("Demo bargains: campaign {} on {} running", campaign.id(), campaign.productName());
    }

    private BargainView helpedBy(BargainView bargain, List<String> friends) {
        friends.forEach(phone -> accounts.findByPhone(phone).ifPresent(friend -> helps.help(bargain.bargainId(), friend.id())));
        return bargains.view(bargain.bargainId(), null);
    }

    /** The supplier's first SKU on sale that a floor of 80–95 % of its price (in whole yuan) satisfies the price rule for. */
    private Optional<CampaignForm> offer(SupplierId supplier) {
        Instant now = clock.instant();
        for (ProductCard card : catalog.sellableOf(supplier, 20)) {
            for (var sku : catalog.product(card.id()).map(product -> product.skus()).orElse(List.of())) {
                for (int percent = 80; percent <= 95; percent += 5) {
                    long floor = sku.price().fen() * percent / 100 / 100 * 100;
                    boolean fits = floor > 0 && sku.price().fen() - floor >= HELPERS_NEEDED + 1 && sku.stock() >= 5
                            && PricingRule.check(0, sku.spec(), Money.fen(floor), sku.supplyPrice(), sku.budget(), settings.platformFeeBp()).isEmpty();
                    if (fits) {
                        return Optional.of(new CampaignForm(sku.id().value(), floor, HELPERS_NEEDED, "48", now.minus(Duration.ofHours(1)),
                                now.plus(Duration.ofDays(7)), 20, 1, false));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
