package com.kinshop.groupbuy;

import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups opened, joined, paid and shipped over HTTP: a group succeeds at its last payment and only then ships; a seat
 * comes back when its order is cancelled; RELIABILITY race 5 (one seat left, 50 joiners at once); and the bad inputs.
 * After each: sold + reserved + available = units, and the ledger proves (MoneyPathTest).
 */
@KinshopIT
class GroupBuyIT extends MoneyPathTest {

    private static final Map<String, String> PARCEL = Map.of("carrier", "顺丰速运", "trackingNumber", "SF2026121200");

    @Autowired
    MutableClock clock;
    @Autowired
    GroupTimers timers;
    GroupBuyFixtures groups;

    @BeforeEach
    void groupFixtures() {
        groups = new GroupBuyFixtures(fixtures, purchases, jdbc, clock);
    }

    @Test
    void aGroupSucceedsAtItsLastPaymentAndOnlyThenItsOrdersShip() {
        GroupBuyFixtures.Campaign campaign = groups.campaign("拼团脐橙", 3, 30, 2);
        // the 拼团 channel for app clients: running approved campaigns, soonest end first, read before signing in
        Response channel = new HttpSession(port).get("/api/group-campaigns");
        assertThat(channel.status()).isEqualTo(200);
        var listed = channel.json().valueStream().toList();
        assertThat(listed).isNotEmpty().hasSizeLessThanOrEqualTo(30)
                .allSatisfy(item -> assertThat(item.get("phase").asString()).isEqualTo("RUNNING"));
        assertThat(listed.stream().map(item -> item.get("endsAt").asString()).toList()).isSorted();
        if (listed.size() < 30) {
            assertThat(listed).anySatisfy(item -> {
                assertThat(item.get("id").asLong()).isEqualTo(campaign.id());
                assertThat(item.get("skus").get(0).get("groupPrice").get("fen").asLong()).isEqualTo(GroupBuyFixtures.GROUP_FEN);
            });
        }
        Member sharer = fixtures.member("分享达人");
        String shop = Fixtures.openShop(sharer, "达人小店", "gb");
        Member leader = fixtures.member("团长");
        Fixtures.bindTo(leader, shop);
        GroupBuyFixtures.Seat first = groups.opened(leader, campaign, shop);
        assertThat(groups.heldBy(first.orderNumber())).isEqualTo("groupbuy");
        assertThat(jdbc.sql("select total_fen from orders where number = ?").param(first.orderNumber()).query(Long.class).single())
                .as("the group price").isEqualTo(GroupBuyFixtures.GROUP_FEN);
        groups.pay(first);
        assertThat(groups.seatStatus(first.orderNumber())).isEqualTo("PAID");
        assertThat(jdbc.sql("select count(*) from commission c join orders o on o.id = c.order_id where o.number = ?").param(first.orderNumber())
                .query(Integer.class).single()).as("the share link earns commission as any other").isPositive();
        Response tooEarly = campaign.supplier().session().post("/api/supplier/orders/" + first.orderNumber() + "/shipment", PARCEL);
        assertThat(tooEarly.status()).as("held until the group succeeds: " + tooEarly.body()).isEqualTo(409);

        GroupBuyFixtures.Seat second = groups.joined(fixtures.member("好友甲"), first.groupId(), campaign);
        groups.pay(second);
        assertThat(groups.groupStatus(first.groupId())).isEqualTo("OPEN");
        assertThat(groups.heldBy(second.orderNumber())).isEqualTo("groupbuy");
        GroupBuyFixtures.Seat third = groups.joined(fixtures.member("好友乙"), first.groupId(), campaign);
        groups.unitsAddUp(campaign.id());
        groups.pay(third);

        assertThat(groups.groupStatus(first.groupId())).isEqualTo("SUCCEEDED");
        for (GroupBuyFixtures.Seat seat : List.of(first, second, third)) {
            assertThat(groups.heldBy(seat.orderNumber())).as("released at once").isNull();
        }
        Response shipped = campaign.supplier().session().post("/api/supplier/orders/" + first.orderNumber() + "/shipment", PARCEL);
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        Response view = new com.kinshop.support.HttpSession(port).get("/api/groups/" + first.groupId());
        assertThat(view.json().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(view.json().get("members")).hasSize(3);
        assertThat(view.json().get("members").get(0).get("name").asString()).isEqualTo("团**");
        assertThat(leader.session().get("/api/me/groups").json().get(0).get("tab").asString()).isEqualTo("SUCCEEDED");
        Response figures = campaign.supplier().session().get("/api/supplier/group-campaigns");
        assertThat(figures.json().get(0).get("groupsSucceeded").asInt()).isEqualTo(1);
        assertThat(figures.json().get(0).get("campaign").get("units").get("sold").asInt()).isEqualTo(3);
        groups.unitsAddUp(campaign.id());
    }

    @Test
    void aSeatComesBackWhenItsOrderIsCancelledUnpaidAndAgainWhenPaymentTimesOut() {
        GroupBuyFixtures.Campaign campaign = groups.campaign("拼团苹果", 2, 10, 1);
        GroupBuyFixtures.Seat leader = groups.opened(fixtures.member("开团人"), campaign, null);
        Member friend = fixtures.member("退出的好友");
        GroupBuyFixtures.Seat seat = groups.joined(friend, leader.groupId(), campaign);
        Member late = fixtures.member("晚到的好友");
        long lateAddress = purchases.address(late);
        assertThat(groups.join(late, leader.groupId(), campaign, 1, lateAddress).json().get("code").asString()).isEqualTo("group.join.full");

        assertThat(friend.session().post("/api/me/orders/" + seat.orderNumber() + "/cancel", Map.of()).status()).isEqualTo(200);
        assertThat(groups.seatStatus(seat.orderNumber())).isEqualTo("LEFT");
        groups.unitsAddUp(campaign.id());
        GroupBuyFixtures.Seat retaken = groups.joined(late, leader.groupId(), campaign);
        groups.unitsAddUp(campaign.id());

        // the leader's and the new seat's orders time out unpaid: both seats come back, the group stays open
        clock.advance(Duration.ofMinutes(31));
        com.kinshop.support.Purchases.await("orders cancelled by the payment timer", () -> {
            ordersTimers.runDue();
            return "LEFT".equals(groups.seatStatus(retaken.orderNumber())) && "LEFT".equals(groups.seatStatus(leader.orderNumber()));
        });
        assertThat(jdbc.sql("select seats_taken from group_buy where id = ?").param(leader.groupId()).query(Integer.class).single()).isZero();
        groups.unitsAddUp(campaign.id());
    }

    @Autowired
    com.kinshop.ordering.OrderTimers ordersTimers;

    @Test
    void race5OneSeatLeftAndFiftyJoinersAtOnceMakeExactlyTheGroupsSize() throws Exception {
        GroupBuyFixtures.Campaign campaign = groups.campaign("拼团车厘子", 5, 100, 1);
        GroupBuyFixtures.Seat leader = groups.opened(fixtures.member("抢位团长"), campaign, null);
        List<GroupBuyFixtures.Seat> seats = java.util.Collections.synchronizedList(new ArrayList<>(List.of(leader)));
        for (int i = 0; i < 3; i++) {
            seats.add(groups.joined(fixtures.member("先到" + i), leader.groupId(), campaign));
        }
        record Joiner(Member member, long address) {
        }
        List<Joiner> joiners = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Member member = fixtures.member("抢位" + i);
            joiners.add(new Joiner(member, purchases.address(member)));
        }
        var next = new java.util.concurrent.atomic.AtomicInteger();
        List<Response> answers = Concurrently.all(50, () -> {
            Joiner joiner = joiners.get(next.getAndIncrement());
            Response answer = groups.join(joiner.member(), leader.groupId(), campaign, 1, joiner.address());
            if (answer.status() == 201) {
                seats.add(new GroupBuyFixtures.Seat(joiner.member(), leader.groupId(), answer.json().get("checkoutNumber").asString(),
                        answer.json().get("orderNumbers").get(0).asString()));
            }
            return answer;
        });

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
        assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.status() == 409)).hasSize(49).allSatisfy(refused -> {
            assertThat(refused.json().get("code").asString()).isEqualTo("group.join.full");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("groupId");
        });
        assertThat(jdbc.sql("select seats_taken from group_buy where id = ?").param(leader.groupId()).query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from orders where promotion_ref = ?").param("group:" + leader.groupId()).query(Integer.class).single())
                .as("refused before paying: no order for them").isEqualTo(5);
        groups.unitsAddUp(campaign.id());

        seats.forEach(groups::pay);
        assertThat(groups.groupStatus(leader.groupId())).isEqualTo("SUCCEEDED");
        assertThat(jdbc.sql("select paid_count from group_buy where id = ?").param(leader.groupId()).query(Integer.class).single()).isEqualTo(5);
        groups.unitsAddUp(campaign.id());
    }

    @Test
    void joinsAndCancellationsInOneCampaignAtOnceNeverDeadlock() throws Exception {
        // a join locks its group, the campaign, then the SKU; a cancellation must take them in that order too
        GroupBuyFixtures.Campaign campaign = groups.campaign("拼团并发取消", 10, 100, 1);
        GroupBuyFixtures.Seat joining = groups.opened(fixtures.member("并发开团甲"), campaign, null);
        GroupBuyFixtures.Seat leaving = groups.opened(fixtures.member("并发开团乙"), campaign, null);
        List<GroupBuyFixtures.Seat> cancellers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cancellers.add(groups.joined(fixtures.member("取消者" + i), leaving.groupId(), campaign));
        }
        record Joiner(Member member, long address) {
        }
        List<Joiner> joiners = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Member member = fixtures.member("并发参团" + i);
            joiners.add(new Joiner(member, purchases.address(member)));
        }
        var next = new java.util.concurrent.atomic.AtomicInteger();
        List<Response> answers = Concurrently.all(16, () -> {
            int i = next.getAndIncrement();
            if (i % 2 == 0) {
                GroupBuyFixtures.Seat seat = cancellers.get(i / 2);
                return seat.member().session().post("/api/me/orders/" + seat.orderNumber() + "/cancel", Map.of());
            }
            Joiner joiner = joiners.get(i / 2);
            return groups.join(joiner.member(), joining.groupId(), campaign, 1, joiner.address());
        });

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(200, 201));
        assertThat(jdbc.sql("select seats_taken from group_buy where id = ?").param(joining.groupId()).query(Integer.class).single()).isEqualTo(9);
        assertThat(jdbc.sql("select seats_taken from group_buy where id = ?").param(leaving.groupId()).query(Integer.class).single()).isEqualTo(1);
        groups.unitsAddUp(campaign.id());
    }

    @Test
    void badInputsAreRefusedNamingTheFieldAndChangeNothing() {
        GroupBuyFixtures.Campaign campaign = groups.campaign("拼团坏输入", 3, 10, 1);
        var staff = campaign.supplier();
        int campaignsBefore = jdbc.sql("select count(*) from group_campaign").query(Integer.class).single();
        assertRefused(staff.session().post("/api/supplier/group-campaigns", groups.form(campaign.productId(), campaign.skuId(), 6_900, 1, 10, 1)),
                400, "group.size.range", "groupSize");
        assertRefused(staff.session().post("/api/supplier/group-campaigns", groups.form(campaign.productId(), campaign.skuId(), 6_900, 51, 10, 1)),
                400, "group.size.range", "groupSize");
        Response belowRule = staff.session().post("/api/supplier/group-campaigns", groups.form(campaign.productId(), campaign.skuId(), 5_800, 3, 10, 1));
        assertRefused(belowRule, 400, "group.price-rule", "skus[0].groupPriceFen");
        assertThat(belowRule.json().get("detail").asString()).contains("标准装");
        assertThat(jdbc.sql("select count(*) from group_campaign").query(Integer.class).single()).isEqualTo(campaignsBefore);

        Member leader = fixtures.member("坏输入团长");
        GroupBuyFixtures.Seat seat = groups.opened(leader, campaign, null);
        long address = purchases.address(leader);
        assertRefused(groups.join(leader, seat.groupId(), campaign, 1, address), 409, "group.join.own", "groupId");
        assertRefused(groups.open(leader, campaign, 1, null), 409, "group.quantity.limit", "quantity");
        Member friend = fixtures.member("坏输入好友");
        long friendAddress = purchases.address(friend);
        GroupBuyFixtures.Seat joined = groups.joined(friend, seat.groupId(), campaign);
        assertRefused(groups.join(friend, seat.groupId(), campaign, 1, friendAddress), 409, "group.join.twice", "groupId");
        groups.pay(joined);
        Response payTwice = friend.session().post("/api/me/checkouts/" + joined.checkoutNumber() + "/payments", Map.of(),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(payTwice.status()).as("a seat is paid once: " + payTwice.body()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from payment where reference = ?").param(joined.checkoutNumber()).query(Integer.class).single()).isEqualTo(1);
        groups.unitsAddUp(campaign.id());

        // past its deadline the group refuses before the sweep, and after the sweep it has failed
        Member third = fixtures.member("迟到的人");
        long thirdAddress = purchases.address(third);
        clock.advance(Duration.ofHours(25));
        assertRefused(groups.join(third, seat.groupId(), campaign, 1, thirdAddress), 409, "group.join.expired", "groupId");
        timers.runDue();
        assertThat(groups.groupStatus(seat.groupId())).isEqualTo("FAILED");
        String refund = com.kinshop.ordering.WholeOrderRefunds.refundNumberOf(joined.orderNumber());
        com.kinshop.support.Purchases.await("the paid member refunded", () -> "SUCCEEDED".equals(jdbc.sql("select status from refund where number = ?")
                .param(refund).query(String.class).optional().orElse("")));
        assertRefused(groups.join(third, seat.groupId(), campaign, 1, thirdAddress), 409, "group.join.failed", "groupId");
        assertThat(jdbc.sql("select count(*) from group_seat where group_id = ?").param(seat.groupId()).query(Integer.class).single()).isEqualTo(2);
        groups.unitsAddUp(campaign.id());

        GroupBuyFixtures.Campaign pending = pendingCampaign(staff);
        assertRefused(groups.open(third, pending, 1, null), 409, "group.campaign.not-approved", "campaignId");
    }

    @Test
    void virtualFillCompletesAGroupSomeonePaidForAtItsDeadlineWithoutInventingOrdersOrMoney() {
        GroupBuyFixtures.Campaign campaign = groups.campaign("模拟成团桃", 4, 10, 1);
        Response on = fixtures.operator().post("/api/admin/group-campaigns/" + campaign.id() + "/virtual-fill", Map.of("enabled", true));
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().get("virtualFill").asBoolean()).isTrue();
        GroupBuyFixtures.Seat paid = groups.opened(fixtures.member("模拟团长"), campaign, null);
        groups.pay(paid);
        GroupBuyFixtures.Seat unpaid = groups.joined(fixtures.member("没付款的好友"), paid.groupId(), campaign);
        String payUrl = purchases.startPayment(unpaid.member(), unpaid.checkoutNumber()).get("payUrl").asString();
        assertThat(new com.kinshop.support.HttpSession(port).get("/api/groups/" + paid.groupId()).json().get("virtualFillOn").asBoolean())
                .as("disclosed on the group").isTrue();
        // a group nobody paid for is not completed: it fails
        GroupBuyFixtures.Seat nobodyPaid = groups.opened(fixtures.member("没人付款的团长"), campaign, null);
        long ordersBefore = jdbc.sql("select count(*) from orders where promotion_ref = ?").param("group:" + paid.groupId()).query(Long.class).single();

        clock.advance(Duration.ofHours(25));
        timers.runDue();
        assertThat(groups.groupStatus(paid.groupId())).isEqualTo("SUCCEEDED");
        assertThat(jdbc.sql("select virtual_seats from group_buy where id = ?").param(paid.groupId()).query(Integer.class).single())
                .as("the three seats nobody paid for are simulated").isEqualTo(3);
        assertThat(groups.heldBy(paid.orderNumber())).as("the paid order ships").isNull();
        assertThat(groups.groupStatus(nobodyPaid.groupId())).isEqualTo("FAILED");
        assertThat(jdbc.sql("select count(*) from orders where promotion_ref = ?").param("group:" + paid.groupId()).query(Long.class).single())
                .as("no order invented").isEqualTo(ordersBefore);

        // the seat that was not paid by the deadline: its payment landing now is refunded at once
        purchases.cashier(unpaid.member(), payUrl, "pay");
        com.kinshop.support.Purchases.await("late payment refunded", () -> "REFUNDED".equals(groups.seatStatus(unpaid.orderNumber())));
        String refund = com.kinshop.ordering.WholeOrderRefunds.refundNumberOf(unpaid.orderNumber());
        com.kinshop.support.Purchases.await("refund taken", () -> "SUCCEEDED".equals(jdbc.sql("select status from refund where number = ?")
                .param(refund).query(String.class).optional().orElse("")));
        Response view = new com.kinshop.support.HttpSession(port).get("/api/groups/" + paid.groupId());
        assertThat(view.json().get("paidCount").asInt()).isEqualTo(1);
        assertThat(view.json().get("virtualSeats").asInt()).isEqualTo(3);
        groups.unitsAddUp(campaign.id());
        assertThat(jdbc.sql("select units_sold from group_campaign where id = ?").param(campaign.id()).query(Integer.class).single())
                .as("only the real paid unit is sold").isEqualTo(1);
    }

    @Test
    void openingTwiceWithTheSameIdempotencyKeyAnswersTheSameGroupAndTakesOneSeat() {
        GroupBuyFixtures.Campaign campaign = groups.campaign("幂等开团", 3, 10, 2);
        Member leader = fixtures.member("幂等团长");
        Map<String, Object> body = Map.of("campaignId", campaign.id(), "skuId", campaign.skuId(), "quantity", 1, "addressId", purchases.address(leader));
        Map<String, String> key = Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString());
        Response first = leader.session().post("/api/me/groups", body, key);
        Response again = leader.session().post("/api/me/groups", body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("groupId").asLong()).isEqualTo(first.json().get("groupId").asLong());
        assertThat(again.json().get("checkoutNumber").asString()).isEqualTo(first.json().get("checkoutNumber").asString());
        assertThat(jdbc.sql("select count(*) from group_seat where member_id = ?").param(leader.id()).query(Integer.class).single()).isEqualTo(1);
        Response signedOut = new com.kinshop.support.HttpSession(port).post("/api/me/groups/" + first.json().get("groupId").asLong() + "/joins",
                Map.of("skuId", campaign.skuId(), "quantity", 1, "addressId", 1));
        assertThat(signedOut.status()).isEqualTo(401);
        groups.unitsAddUp(campaign.id());
    }

    private GroupBuyFixtures.Campaign pendingCampaign(Fixtures.Staff staff) {
        long[] product = fixtures.onSale(staff, "待审拼团", GroupBuyFixtures.NORMAL_FEN, 10);
        Response created = staff.session().post("/api/supplier/group-campaigns", groups.form(product[0], product[1], 6_900, 2, 5, 1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new GroupBuyFixtures.Campaign(created.json().get("id").asLong(), product[0], product[1], staff);
    }

    private static void assertRefused(Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
