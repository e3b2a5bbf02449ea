package com.kinshop.groupbuy;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.PlatformSettings;
import com.kinshop.catalog.ProductCard;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.SkuId;
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
 * A running, approved group buy (3 人团) on a demo product of the first demo supplier, with one group that succeeded
 * (王大锤 with 张小凡 and 赵敏, all paid: their orders can ship), one open group with a seat left (林晓雨 and 陈美美 paid)
 * and one that failed: 陈美美 opened it and paid, its deadline was moved into the past and the timers failed it and
 * refunded her. Paid through the sandbox like the demo orders; skipped without the sandbox, and with
 * {@code kinshop.demo.group-buy=false} (the tests: the demo members' order lists stay as other tests expect them).
 */
@Component
// they place and pay orders: only with the demo orders (crash tests count every payment and turn those off)
@OnDemoOrders
@Order(65)
class GroupBuyDemoData implements DemoDataSeeder {

    private static final Logger log = LoggerFactory.getLogger(GroupBuyDemoData.class);
    private static final String STAFF = "13900000001";

    private final GroupCampaigns campaigns;
    private final GroupJoins joins;
    private final GroupTimers timers;
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

    GroupBuyDemoData(GroupCampaigns campaigns, GroupJoins joins, GroupTimers timers, Accounts accounts, Suppliers suppliers, Catalog catalog,
                     PlatformSettings settings, Addresses addresses, OrderPayments orderPayments, Payments payments,
                     ObjectProvider<SandboxPayer> sandbox, JdbcClient jdbc, Clock clock,
                     @Value("${kinshop.demo.group-buy:true}") boolean enabled) {
        this.enabled = enabled;
        this.campaigns = campaigns;
        this.joins = joins;
        this.timers = timers;
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
    }

    @Override
    public void seed() {
        SandboxPayer payer = sandbox.getIfAvailable();
        if (!enabled || payer == null || jdbc.sql("select exists (select 1 from group_campaign)").query(Boolean.class).single()) {
            return;
        }
        Optional<AccountId> staff = accounts.findByPhone(STAFF).map(account -> account.id());
        Optional<SupplierId> supplier = staff.flatMap(suppliers::supplierOf);
        if (supplier.isEmpty()) {
            return;
        }
        Optional<CampaignForm> form = form(supplier.get());
        if (form.isEmpty()) {
            return;
        }
        GroupCampaign campaign = campaigns.create(supplier.get(), staff.get(), form.get());
        campaigns.approve(campaign.id());
        GroupCampaign running = campaigns.get(campaign.id());

        long succeeded = group(payer, running, "13800000002", "dachui", List.of("13800000004", "13800000005"));
        long open = group(payer, running, "13800000001", "xiaoyu", List.of("13800000003"));
        long failed = group(payer, running, "13800000003", "meimei", List.of());
        awaitPaid(failed);
        Instant now = clock.instant();
        jdbc.sql("update group_buy set opened_at = ?, deadline = ? where id = ?")
                .params(GroupMoves.utc(now.minus(Duration.ofHours(25))), GroupMoves.utc(now.minus(Duration.ofHours(1))), failed).update();
        timers.runDue();
        log.info("Demo group buy: campaign {} running; group {} succeeded, group {} open with a seat left, group {} failed and refunded",
                running.id(), succeeded, open, failed);
    }

    /** The first product of the supplier with a group price 15 % (else 10 %) below each SKU's price that keeps the price rule. */
    private Optional<CampaignForm> form(SupplierId supplier) {
        Instant now = clock.instant();
        for (ProductCard card : catalog.sellableOf(supplier, 20)) {
            ProductDetail product = catalog.product(card.id()).orElseThrow();
            Map<Long, Catalog.SkuFacts> facts = catalog.skuFacts(product.skus().stream().map(ProductDetail.SkuView::id).toList()).values().stream()
                    .collect(Collectors.toMap(fact -> fact.sku().value(), fact -> fact));
            for (int percentOff : new int[] {15, 10}) {
                List<CampaignForm.SkuPrice> prices = product.skus().stream()
                        .map(sku -> new CampaignForm.SkuPrice(sku.id().value(), sku.price().fen() * (100 - percentOff) / 100 / 10 * 10)).toList();
                try {
                    GroupPrices.check(product.id().value(), prices, facts, settings.platformFeeBp());
                    return Optional.of(new CampaignForm(product.id().value(), prices, 3, "24", now.minus(Duration.ofHours(1)),
                            now.plus(Duration.ofDays(14)), 2, 100));
                } catch (BusinessException tooLow) {
                    // this product's margins do not allow it: try a smaller discount, then the next product
                }
            }
        }
        return Optional.empty();
    }

    /** The leader opens a group through their own shop's code, the friends join it; everyone pays. */
    private long group(SandboxPayer payer, GroupCampaign campaign, String leader, String shopCode, List<String> friends) {
        SkuId sku = new SkuId(campaign.skus().get(0).skuId());
        AccountId first = member(leader);
        GroupJoins.Seat opened = joins.open(first, new GroupJoins.SeatRequest(campaign.id(), sku.value(), 1, address(first).value(), shopCode));
        pay(payer, first, opened.checkoutNumber());
        for (String friend : friends) {
            AccountId member = member(friend);
            GroupJoins.Seat joined = joins.join(member, opened.groupId(), new GroupJoins.SeatRequest(null, sku.value(), 1, address(member).value(), shopCode));
            pay(payer, member, joined.checkoutNumber());
        }
        return opened.groupId();
    }

    private void pay(SandboxPayer payer, AccountId buyer, String checkout) {
        String payment = orderPayments.pay(buyer, checkout).paymentNumber();
        payer.pay(payment);
        payments.recover(payment);
    }

    private AccountId member(String phone) {
        return accounts.findByPhone(phone).orElseThrow().id();
    }

    private Addresses.AddressId address(AccountId member) {
        return addresses.of(member).stream().findFirst().map(Addresses.Address::id)
                .orElseGet(() -> addresses.add(member, new AddressForm("演示收货人", "13800001999", "浙江省杭州市西湖区", "文三路 90 号")).id());
    }

    /** The payment's event reaches the group after its commit, on another thread: wait a little for it, so the group fails with a paid member. */
    private void awaitPaid(long groupId) {
        Instant until = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(until)
                && jdbc.sql("select paid_count from group_buy where id = ?").param(groupId).query(Integer.class).single() == 0) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
