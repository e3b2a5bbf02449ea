package com.kinshop.cluster;

import com.kinshop.groupbuy.GroupBuyFixtures;
import com.kinshop.ordering.WholeOrderRefunds;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.Purchases;
import com.kinshop.support.TwoNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes against one PostgreSQL and one Redis (see {@link TwoNodes}), every timer sweeping every second
 * on both, the nightly jobs firing every 4 seconds on both:
 * <ol>
 *   <li>a session signed in through node A works on node B, and signing out on B ends it on A too; a one-time code
 *   sent through one node is accepted by the other;</li>
 *   <li>40 buyers spread over both nodes buy 1 unit each of a SKU with 10 in stock at the same moment: exactly 10
 *   orders, every other buyer a clear 409;</li>
 *   <li>the nightly jobs run once per tick across the cluster (ShedLock), not once per node;</li>
 *   <li>the 10 unpaid orders pass their payment deadline while both nodes sweep: each is cancelled once, its unit
 *   released once — the stock is back to 10 with nothing reserved;</li>
 *   <li>two group-buy groups, each with two paid seats taken through both nodes, pass their deadline while both nodes
 *   sweep: each group fails once, each paid member is refunded once (one refund, one provider refund, one pair of
 *   journals, one message) and the campaign's units come back once;</li>
 *   <li>four orders bought through a two-level chain of shops on both nodes are shipped and received (two by their
 *   buyers, two by the timer), and when the after-sales window closes while both nodes sweep each order completes and
 *   settles once: one settlement journal, each commission row settled once, each beneficiary one message per order.</li>
 * </ol>
 * Neither node logs an error. Which node's sweep did the work is printed, not asserted: the sweeps take turns by lock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final int NIGHTLY_EVERY_SECONDS = 4;
    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(25);
    private static final int STOCK = 10;
    private static final int BUYERS = 40;
    private static final Duration AUTO_RECEIVE_AFTER = Duration.ofSeconds(4);
    private static final Duration AFTER_SALES_WINDOW = Duration.ofSeconds(3);
    private static final int GROUPS = 2;
    private static final int SETTLED_ORDERS = 4;
    private static final Pattern GROUP_SWEEP = Pattern.compile("Group-buy timers: (\\d+) failed, (\\d+) completed by virtual fill, (\\d+) seats refunded");
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s");
    private static final Pattern ORDER_SWEEP = Pattern.compile(
            "Order timers: (\\d+) cancelled unpaid, (\\d+) reminded, (\\d+) received automatically, (\\d+) completed");

    private TwoNodes cluster;
    private long sku;
    private int soldBefore;

    @BeforeAll
    void startTwoNodes() {
        cluster = TwoNodes.start("two-nodes", List.of(
                "--kinshop.orders.timer-interval=1s", "--kinshop.orders.payment-timeout=" + PAYMENT_TIMEOUT.toSeconds() + "s",
                "--kinshop.groupbuy.timer-interval=1s", "--kinshop.bargains.timer-interval=1s", "--kinshop.red-packets.timer-interval=1s",
                // shipped orders count as received, and received ones complete and settle, within seconds (tests 5 and 6)
                "--kinshop.orders.auto-receive-after=" + AUTO_RECEIVE_AFTER.toSeconds() + "s", "--kinshop.orders.receipt-reminder-before=1s",
                "--kinshop.orders.after-sales-window=" + AFTER_SALES_WINDOW.toSeconds() + "s",
                "--kinshop.payment.reconcile-cron=*/" + NIGHTLY_EVERY_SECONDS + " * * * * *",
                "--kinshop.commission.tier-cron=*/" + NIGHTLY_EVERY_SECONDS + " * * * * *",
                // shorter than a tick, longer than the two nodes' schedulers fire apart
                "--kinshop.jobs.nightly-lock-at-least=PT3S"));
    }

    @AfterAll
    void stopTwoNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aSessionSignedInOnOneNodeWorksOnTheOtherAndEndsOnBoth() {
        TwoNodes.Buyer buyer = cluster.newBuyer();
        HttpSession onA = cluster.signIn(buyer, 1, 0); // the code sent through B, checked by A
        HttpSession onB = cluster.sameSessionOn(onA, 1);

        Response me = onB.get("/api/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("phone").asString()).isEqualTo(buyer.phone());
        assertThat(onA.get("/api/me").status()).isEqualTo(200);

        Response out = onB.post("/api/auth/logout", Map.of());
        assertThat(out.status()).as(out.body()).isEqualTo(204);
        assertThat(onA.get("/api/me").status()).as("signed out on B, so on A too").isEqualTo(401);
    }

    @Test
    @Order(2)
    void buyersSpreadOverBothNodesNeverBuyMoreThanTheStock() throws Exception {
        sku = skuWithStock();
        soldBefore = (int) cluster.count("select sold from sku where id = ?", sku);
        cluster.db().sql("update sku set stock = ?, reserved = 0 where id = ?").params(STOCK, sku).update();
        List<HttpSession> sessions = new ArrayList<>();
        List<TwoNodes.Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            TwoNodes.Buyer buyer = cluster.newBuyer();
            buyers.add(buyer);
            sessions.add(cluster.signIn(buyer, i % 2, (i + 1) % 2)); // code through one node, signed in and buying on the other
        }
        AtomicInteger next = new AtomicInteger();
        List<Response> answers = Concurrently.all(BUYERS, () -> {
            int i = next.getAndIncrement();
            return sessions.get(i).post("/api/me/checkouts/buy-now",
                    Map.of("addressId", buyers.get(i).addressId(), "skuId", sku, "quantity", 1, "couponIds", List.of()),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        });

        assertThat(answers.stream().filter(answer -> answer.status() == 201).count()).as(answers.toString()).isEqualTo(STOCK);
        for (Response answer : answers) {
            if (answer.status() != 201) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                assertThat(answer.json().get("code").asString()).isEqualTo("sku.stock.insufficient");
            }
        }
        assertThat(cluster.count("select count(distinct o.id) from orders o join order_line l on l.order_id = o.id where l.sku_id = ?", sku))
                .isEqualTo(STOCK);
        assertThat(levels()).as("stock, reserved, sold").containsExactly(0L, (long) STOCK, (long) soldBefore);
    }

    @Test
    @Order(3)
    void theNightlyJobsRunOncePerTickAcrossTheCluster() {
        Instant from = Instant.now();
        cluster.await("four nightly ticks", Duration.ofSeconds(30), () -> Duration.between(from, Instant.now()).toSeconds() >= 4L * NIGHTLY_EVERY_SECONDS + 1);
        for (String job : List.of("Nightly reconciliation of", "Nightly tier review")) {
            Map<Long, Integer> runsPerTick = new TreeMap<>();
            cluster.logged(job).forEach(at -> runsPerTick.merge(at.getEpochSecond() / NIGHTLY_EVERY_SECONDS, 1, Integer::sum));
            assertThat(runsPerTick).as(job + ": runs per tick " + cluster.logLines(job)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(runsPerTick.values()).as(job + ": runs per tick " + runsPerTick).containsOnly(1);
            List<Long> ticks = new ArrayList<>(runsPerTick.keySet());
            assertThat(ticks.get(ticks.size() - 1) - ticks.get(0) + 1).as(job + ": no tick skipped " + ticks).isEqualTo(ticks.size());
        }
        // both nodes fire every tick; only one runs it (the other skipped: the lock was held)
        assertThat(cluster.count("select count(*) from shedlock where name in ('payment-reconciliation', 'commission-tier-promotions')")).isEqualTo(2);
    }

    @Test
    @Order(4)
    void unpaidOrdersAreCancelledOnceWithTheirUnitsReleasedOnceWhileBothNodesSweep() {
        cluster.await("the unpaid orders cancelled", PAYMENT_TIMEOUT.plusSeconds(40),
                () -> cluster.count("select count(*) from orders where status = 'AWAITING_PAYMENT'") == 0);

        assertThat(levels()).as("stock, reserved, sold: every unit back once").containsExactly((long) STOCK, 0L, (long) soldBefore);
        long cancelled = cluster.count("select count(*) from orders where cancel_reason = 'PAYMENT_TIMEOUT'");
        assertThat(cancelled).isEqualTo(STOCK);
        long reported = cluster.logLines("Order timers: ").stream()
                .mapToLong(line -> Long.parseLong(line.replaceAll(".*Order timers: (\\d+) cancelled unpaid.*", "$1"))).sum();
        assertThat(reported).as("cancellations the two nodes' sweeps made, together").isEqualTo(cancelled);
        cluster.await("every event handled", Duration.ofSeconds(30),
                () -> cluster.count("select count(*) from event_publication where completion_date is null") == 0);
    }

    @Test
    @Order(5)
    void groupsPastTheirDeadlineFailOnceAndEachPaidMemberIsRefundedOnceWhileBothNodesSweep() {
        Fixtures onA = new Fixtures(cluster.port(0), cluster.db());
        Fixtures onB = new Fixtures(cluster.port(1), cluster.db());
        Purchases purchases = new Purchases(cluster.db());
        GroupBuyFixtures groups = new GroupBuyFixtures(onA, purchases, cluster.db(), Clock.systemUTC());
        GroupBuyFixtures.Campaign campaign = groups.campaign("双节点拼团", 3, 20, 1);
        List<Long> groupIds = new ArrayList<>();
        List<GroupBuyFixtures.Seat> seats = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            // one group opened on A and joined on B, the other the other way round; each seat paid on its member's node
            GroupBuyFixtures.Seat leader = groups.opened((g % 2 == 0 ? onA : onB).member("双节点团长" + g), campaign, null);
            GroupBuyFixtures.Seat friend = groups.joined((g % 2 == 0 ? onB : onA).member("双节点团员" + g), leader.groupId(), campaign);
            groups.pay(leader);
            groups.pay(friend);
            groupIds.add(leader.groupId());
            seats.add(leader);
            seats.add(friend);
        }
        Map<String, String> paymentOf = new LinkedHashMap<>();
        for (GroupBuyFixtures.Seat seat : seats) {
            assertThat(groups.seatStatus(seat.orderNumber())).isEqualTo("PAID");
            paymentOf.put(seat.orderNumber(), purchases.paymentNumber(seat.checkoutNumber()));
        }
        for (long group : groupIds) {
            assertThat(groups.groupStatus(group)).as("two of three seats paid: still open").isEqualTo("OPEN");
        }
        assertThat(campaignUnits(campaign.id())).as("units reserved, sold").containsExactly(0L, (long) seats.size());

        // The form allows a fill time of 10 minutes at least; fill_within is checked by the form only, and what is under
        // test here is the timer across two nodes, not the form: so the groups' deadline is moved into the past directly.
        for (long group : groupIds) {
            assertThat(cluster.db().sql("update group_buy set deadline = now() - interval '1 second' where id = ? and status = 'OPEN'")
                    .param(group).update()).isEqualTo(1);
        }
        cluster.await("the groups failed and every paid member refunded by the provider", Duration.ofSeconds(40), () -> seats.stream().allMatch(seat ->
                "REFUNDED".equals(groups.seatStatus(seat.orderNumber())) && cluster.count("select count(*) from refund where number = ? and status = 'SUCCEEDED'",
                        WholeOrderRefunds.refundNumberOf(seat.orderNumber())) == 1));
        awaitEveryEventHandled();

        Map<String, long[]> sweeps = sweepsPerNode(GROUP_SWEEP);
        System.err.println("TwoNodesIT: group-buy sweeps per node [failed, virtual fill, seats refunded]: " + describe(sweeps));
        assertThat(total(sweeps, 0)).as("groups failed, over both nodes' sweeps " + describe(sweeps)).isEqualTo(GROUPS);
        assertThat(total(sweeps, 1)).as("nobody filled virtually").isZero();
        assertThat(total(sweeps, 2)).as("seats refunded, over both nodes' sweeps " + describe(sweeps)).isEqualTo(seats.size());
        for (long group : groupIds) {
            assertThat(groups.groupStatus(group)).isEqualTo("FAILED");
        }
        for (GroupBuyFixtures.Seat seat : seats) {
            String order = seat.orderNumber();
            String payment = paymentOf.get(order);
            String refund = WholeOrderRefunds.refundNumberOf(order);
            long paid = purchases.amountFen(payment);
            assertThat(purchases.status(order)).isEqualTo("REFUNDED");
            assertThat(cluster.db().sql("select number || ' ' || amount_fen || ' ' || status from refund where payment_number = ?").param(payment)
                    .query(String.class).list()).as("the payment refunded once, all of it").containsExactly(refund + " " + paid + " SUCCEEDED");
            assertThat(cluster.count("select count(*) from sandbox_refund where out_trade_no = ?", payment)).as("the provider paid back once").isEqualTo(1);
            assertThat(cluster.count("select coalesce(sum(amount_fen), 0) from sandbox_refund where out_trade_no = ?", payment)).isEqualTo(paid);
            assertThat(cluster.db().sql("select business_key from ledger_journal where business_key like ?").param("%:" + refund).query(String.class).list())
                    .as("the refund journalled once: asked for, then paid back").containsExactlyInAnyOrder("after-sale:" + refund, "refund:" + refund);
            assertThat(ledgerAccount("order:" + purchases.orderId(order) + ":escrow")).as("escrow: balance, entries (paid in, refunded out)")
                    .containsExactly(0L, 2L);
            assertThat(cluster.count("select count(*) from inbox_message where account_id = ? and message_key = 'inbox.group.failed'", seat.member().id()))
                    .as("the member told once").isEqualTo(1);
        }
        assertThat(campaignUnits(campaign.id())).as("units reserved, sold: every unit back once").containsExactly(0L, 0L);
        groups.unitsAddUp(campaign.id());
        assertNoErrorLogged();
    }

    @Test
    @Order(6)
    void receivedOrdersCompleteAndSettleOnceWhenTheAfterSalesWindowClosesWhileBothNodesSweep() {
        Fixtures onA = new Fixtures(cluster.port(0), cluster.db());
        Fixtures onB = new Fixtures(cluster.port(1), cluster.db());
        Purchases purchases = new Purchases(cluster.db());
        Staff supplier = onA.supplier("双节点结算供应商");
        // ¥100.00 with a fixed ¥10.00 commission budget per unit, shared by two levels of shops
        long sku = onA.onSale(supplier, "双节点结算商品", List.of(Fixtures.sku("标准装", 10_000, 5_000, "FIXED", 1_000, 100)))[1];
        Member top = onA.member("双节点上级");
        String topShop = Fixtures.openShop(top, "双节点上级小店", "tn");
        Member sharer = onB.member("双节点分享者");
        Fixtures.bindTo(sharer, topShop);
        String shop = Fixtures.openShop(sharer, "双节点分享小店", "tn");
        List<Member> buyers = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < SETTLED_ORDERS; i++) {
            Member buyer = (i % 2 == 0 ? onA : onB).member("双节点结算买家" + i);
            Fixtures.bindTo(buyer, shop);
            buyers.add(buyer);
            orders.add(purchases.placeAndPay(buyer, 1, sku).orderNumbers().get(0));
        }
        for (String order : orders) {
            assertThat(cluster.db().sql("select beneficiary_id from commission where order_id = ? and status = 'ESTIMATED' order by level")
                    .param(purchases.orderId(order)).query(Long.class).list()).as("two levels of commission on " + order)
                    .containsExactly(sharer.id(), top.id());
        }

        HttpSession supplierOnA = supplier.session();
        HttpSession supplierOnB = cluster.sameSessionOn(supplierOnA, 1);
        for (int i = 0; i < SETTLED_ORDERS; i++) {
            String order = orders.get(i);
            Response shipped = (i % 2 == 0 ? supplierOnB : supplierOnA).post("/api/supplier/orders/" + order + "/shipment",
                    Map.of("carrier", "顺丰速运", "trackingNumber", "SF" + order));
            assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
            if (i < SETTLED_ORDERS / 2) {
                // confirmed at once (well within the automatic receipt), through the node the buyer did not sign in on
                Response received = cluster.sameSessionOn(buyers.get(i).session(), 1 - i % 2).post("/api/me/orders/" + order + "/receipt", Map.of());
                assertThat(received.status()).as(received.body()).isEqualTo(200);
            }
        }
        cluster.await("the orders received, then completed", AUTO_RECEIVE_AFTER.plus(AFTER_SALES_WINDOW).plusSeconds(40),
                () -> orders.stream().allMatch(order -> "COMPLETED".equals(purchases.status(order))));
        awaitEveryEventHandled();

        Map<String, long[]> sweeps = sweepsPerNode(ORDER_SWEEP);
        System.err.println("TwoNodesIT: order sweeps per node [cancelled unpaid, reminded, received automatically, completed]: " + describe(sweeps));
        assertThat(total(sweeps, 2)).as("received automatically, over both nodes' sweeps " + describe(sweeps)).isEqualTo(SETTLED_ORDERS / 2);
        assertThat(total(sweeps, 3)).as("completed, over both nodes' sweeps " + describe(sweeps)).isEqualTo(SETTLED_ORDERS);
        for (String order : orders) {
            long id = purchases.orderId(order);
            assertThat(cluster.count("select count(*) from ledger_journal where kind = 'ORDER_SETTLED' and business_key = ?", "order-settled:" + id))
                    .as("one settlement journal for " + order).isEqualTo(1);
            assertThat(ledgerAccount("order:" + id + ":escrow").get(0)).as("escrow of " + order + " split entirely").isZero();
            List<Long> rows = cluster.db().sql("select id from commission where order_id = ? and status = 'SETTLED' and settled_at is not null order by level")
                    .param(id).query(Long.class).list();
            assertThat(rows).as("both commissions of " + order + " settled").hasSize(2);
            for (long row : rows) {
                assertThat(cluster.count("select count(*) from ledger_journal where kind = 'COMMISSION_SETTLED' and business_key = ?", "commission-settle:" + row))
                        .isEqualTo(1);
            }
        }
        for (Member beneficiary : List.of(sharer, top)) {
            long earned = cluster.count("select coalesce(sum(amount_fen - cancelled_fen - clawed_back_fen), 0) from commission where beneficiary_id = ?",
                    beneficiary.id());
            assertThat(earned).isPositive();
            assertThat(ledgerAccount("member:" + beneficiary.id() + ":commission:estimated")).as("estimated: balance, entries (in and out per order)")
                    .containsExactly(0L, 2L * SETTLED_ORDERS);
            assertThat(ledgerAccount("member:" + beneficiary.id() + ":commission:available")).as("available: balance, entries (one per order)")
                    .containsExactly(-earned, (long) SETTLED_ORDERS);
            for (String order : orders) {
                assertThat(cluster.count("select count(*) from inbox_message where account_id = ? and message_key = 'inbox.commission.settled' and args like ?",
                        beneficiary.id(), "%" + order + "%")).as("one message to " + beneficiary.id() + " for " + order).isEqualTo(1);
            }
            assertThat(cluster.count("select count(*) from inbox_message where account_id = ? and message_key = 'inbox.commission.settled'", beneficiary.id()))
                    .isEqualTo(SETTLED_ORDERS);
        }
        assertNoErrorLogged();
    }

    private long skuWithStock() {
        HttpSession visitor = new HttpSession(cluster.port(0));
        for (JsonNode card : visitor.get("/api/catalog/products").json()) {
            for (JsonNode sku : visitor.get("/api/catalog/products/" + card.get("id").asLong()).json().get("skus")) {
                if (sku.get("stock").asInt() >= STOCK) {
                    return sku.get("id").asLong();
                }
            }
        }
        throw new AssertionError("no demo SKU with " + STOCK + " in stock");
    }

    private List<Long> levels() {
        return cluster.db().sql("select stock, reserved, sold from sku where id = ?").param(sku)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    private List<Long> campaignUnits(long campaignId) {
        return cluster.db().sql("select units_reserved, units_sold from group_campaign where id = ?").param(campaignId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    /** A ledger account's balance and number of entries (0, 0 if it has none). */
    private List<Long> ledgerAccount(String code) {
        return cluster.db().sql("select coalesce(sum(e.amount_fen), 0), count(e.id) from ledger_account a join ledger_entry e on e.account_id = a.id where a.code = ?")
                .param(code).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    private void awaitEveryEventHandled() {
        cluster.await("every event handled", Duration.ofSeconds(30),
                () -> cluster.count("select count(*) from event_publication where completion_date is null") == 0);
    }

    /** Per node (A, B): the sums of each number in that node's log lines matching {@code pattern}. */
    private Map<String, long[]> sweepsPerNode(Pattern pattern) {
        Map<String, long[]> perNode = new LinkedHashMap<>();
        for (int node = 0; node < 2; node++) {
            long[] sums = new long[pattern.matcher("").groupCount()];
            cluster.node(node).log().lines().map(pattern::matcher).filter(Matcher::find).forEach(found -> {
                for (int group = 0; group < sums.length; group++) {
                    sums[group] += Long.parseLong(found.group(group + 1));
                }
            });
            perNode.put(node == 0 ? "A" : "B", sums);
        }
        return perNode;
    }

    private static long total(Map<String, long[]> perNode, int index) {
        return perNode.values().stream().mapToLong(sums -> sums[index]).sum();
    }

    private static String describe(Map<String, long[]> perNode) {
        StringBuilder text = new StringBuilder();
        perNode.forEach((node, sums) -> text.append(text.isEmpty() ? "" : ", ").append(node).append('=').append(java.util.Arrays.toString(sums)));
        return text.toString();
    }

    private void assertNoErrorLogged() {
        for (int node = 0; node < 2; node++) {
            List<String> errors = cluster.node(node).log().lines().filter(line -> ERROR_LINE.matcher(line).find()).toList();
            assertThat(errors).as("errors logged by node " + (node == 0 ? "A" : "B")).isEmpty();
        }
    }
}
