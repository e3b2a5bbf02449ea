package com.kinshop.groupbuy;

import com.kinshop.ordering.WholeOrderRefunds;
import com.kinshop.support.FlakyRefunds;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RELIABILITY fault 9 and the late payment: a group fails while its refund worker stops mid-way (one member's refund
 * fails inside its transaction — that member's order row is held by someone else — after the others committed) and the
 * provider's answer to refund calls times out (the provider took them; the caller never heard). Every member is
 * refunded exactly once, under one refund number each (RW + order), no commission is settled, and the units return.
 * A payment landing after its group failed is refunded at once, once.
 */
@KinshopIT
class GroupRefundFaultIT extends MoneyPathTest {

    @Autowired
    MutableClock clock;
    @Autowired
    GroupTimers timers;
    @Autowired
    FlakyRefunds provider;
    @Autowired
    DataSource dataSource;
    GroupBuyFixtures groups;

    @BeforeEach
    void groupFixtures() {
        groups = new GroupBuyFixtures(fixtures, purchases, jdbc, clock);
    }

    @Test
    void fault9AFailedGroupIsRefundedExactlyOnceThroughACrashedWorkerAndATimedOutProvider() throws Exception {
        GroupBuyFixtures.Campaign campaign = groups.campaign("失败的团", 4, 20, 1);
        Member sharer = fixtures.member("失败团分享者");
        String shop = Fixtures.openShop(sharer, "失败团小店", "gf");
        List<Member> members = List.of(fixtures.member("失败团长"), fixtures.member("失败甲"), fixtures.member("失败乙"));
        members.forEach(member -> Fixtures.bindTo(member, shop));
        GroupBuyFixtures.Seat leader = groups.opened(members.get(0), campaign, shop);
        List<GroupBuyFixtures.Seat> paid = List.of(leader, groups.joined(members.get(1), leader.groupId(), campaign),
                groups.joined(members.get(2), leader.groupId(), campaign));
        paid.forEach(groups::pay);
        assertThat(estimatedCommissions(paid)).as("the share link earned estimated commission").isPositive();
        paid.forEach(seat -> provider.timeOut(WholeOrderRefunds.refundNumberOf(seat.orderNumber()), 1));

        clock.advance(Duration.ofHours(25));
        GroupBuyFixtures.Seat stuck = paid.get(1);
        GroupTimers.Swept crashed;
        try (Connection other = dataSource.getConnection()) {
            // someone else holds the middle member's order: its refund transaction fails after the first member's committed
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from orders where number = ? for update")) {
                lock.setString(1, stuck.orderNumber());
                lock.executeQuery();
            }
            crashed = timers.runDue();
            other.rollback();
        }
        assertThat(crashed.failed()).as("this group among those due").isPositive();
        assertThat(groups.seatStatus(paid.get(0).orderNumber())).isEqualTo("REFUNDED");
        assertThat(groups.seatStatus(paid.get(2).orderNumber())).as("the worker went on after the failed one").isEqualTo("REFUNDED");
        assertThat(groups.groupStatus(leader.groupId())).isEqualTo("FAILED");
        assertThat(groups.seatStatus(stuck.orderNumber())).as("left for the next sweep").isEqualTo("REFUNDING");
        assertThat(jdbc.sql("select last_error from group_seat where order_number = ?").param(stuck.orderNumber()).query(String.class).single())
                .isNotBlank();
        assertThat(groups.heldBy(stuck.orderNumber())).as("not refunded, still held from shipping").isEqualTo("groupbuy");
        groups.unitsAddUp(campaign.id());

        timers.runDue();
        assertThat(groups.seatStatus(stuck.orderNumber())).as("the next sweep resumed it").isEqualTo("REFUNDED");
        clock.advance(Duration.ofSeconds(10)); // past the payment job's first backoff
        for (GroupBuyFixtures.Seat seat : paid) {
            String refund = WholeOrderRefunds.refundNumberOf(seat.orderNumber());
            Purchases.await("refund " + refund + " taken", () -> "SUCCEEDED".equals(refundStatus(refund)));
        }
        timers.runDue();

        for (GroupBuyFixtures.Seat seat : paid) {
            String refund = WholeOrderRefunds.refundNumberOf(seat.orderNumber());
            String payment = purchases.paymentNumber(seat.checkoutNumber());
            assertThat(groups.seatStatus(seat.orderNumber())).isEqualTo("REFUNDED");
            assertThat(purchases.status(seat.orderNumber())).isEqualTo("REFUNDED");
            assertThat(provider.timedOut.get(refund)).as("the first call timed out").hasValue(1);
            assertThat(provider.callsFor(refund)).as("retried under the same number").isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from refund where payment_number = ?").param(payment).query(Integer.class).single())
                    .as("one refund asked for per payment").isEqualTo(1);
            assertThat(jdbc.sql("select count(*), coalesce(sum(amount_fen), 0) from sandbox_refund where out_trade_no = ?").param(payment)
                    .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                    .as("the provider paid back once, in full").containsExactly(1L, purchases.amountFen(payment));
            assertThat(jdbc.sql("select refund_number from group_seat where order_number = ?").param(seat.orderNumber()).query(String.class).single())
                    .isEqualTo(refund);
            assertThat(inbox(seat.member().id(), "inbox.group.failed")).isEqualTo(1);
            Purchases.await("refund message", () -> inbox(seat.member().id(), "inbox.order.refunded") == 1);
        }
        assertThat(jdbc.sql("""
                        select count(*) from commission c join orders o on o.id = c.order_id
                        where o.number in (:orders) and (c.status <> 'CANCELLED' or c.cancelled_fen <> c.amount_fen)""")
                .param("orders", paid.stream().map(GroupBuyFixtures.Seat::orderNumber).toList()).query(Integer.class).single())
                .as("every estimated commission cancelled in full, none settled").isZero();
        List<String> orderNumbers = paid.stream().map(GroupBuyFixtures.Seat::orderNumber).toList();
        assertThat(jdbc.sql("""
                        select count(*) from ledger_journal where business_key in
                            (select 'commission-settle:' || c.id from commission c join orders o on o.id = c.order_id where o.number in (:orders))""")
                .param("orders", orderNumbers).query(Integer.class).single()).as("no commission settled on the ledger").isZero();
        assertThat(jdbc.sql("""
                        select count(*) from ledger_journal where business_key in
                            (select 'commission-cancel:' || c.id || ':1' from commission c join orders o on o.id = c.order_id where o.number in (:orders))""")
                .param("orders", orderNumbers).query(Integer.class).single())
                .as("each estimated commission cancelled on the ledger once").isEqualTo(estimatedCommissions(paid));
        assertThat(jdbc.sql("select units_sold + units_reserved from group_campaign where id = ?").param(campaign.id()).query(Integer.class).single())
                .as("every unit back in the campaign").isZero();
        groups.unitsAddUp(campaign.id());
    }

    @Test
    void aPaymentLandingAfterItsGroupFailedIsRefundedAtOnceAndOnce() {
        GroupBuyFixtures.Campaign campaign = groups.campaign("迟付的团", 3, 10, 1);
        GroupBuyFixtures.Seat leader = groups.opened(fixtures.member("迟付团长"), campaign, null);
        groups.pay(leader);
        GroupBuyFixtures.Seat late = groups.joined(fixtures.member("迟付好友"), leader.groupId(), campaign);
        String payUrl = purchases.startPayment(late.member(), late.checkoutNumber()).get("payUrl").asString();

        clock.advance(Duration.ofHours(25));
        timers.runDue();
        assertThat(groups.groupStatus(leader.groupId())).isEqualTo("FAILED");
        assertThat(groups.seatStatus(leader.orderNumber())).isEqualTo("REFUNDED");
        assertThat(groups.seatStatus(late.orderNumber())).isEqualTo("SEATED");
        purchases.cashier(late.member(), payUrl, "pay");

        Purchases.await("late payment refunded", () -> "REFUNDED".equals(groups.seatStatus(late.orderNumber())));
        assertThat(purchases.status(late.orderNumber())).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("select late from group_seat where order_number = ?").param(late.orderNumber()).query(Boolean.class).single()).isTrue();
        timers.runDue(); // a sweep after the late refund finds nothing more to do for it
        String payment = purchases.paymentNumber(late.checkoutNumber());
        for (GroupBuyFixtures.Seat seat : List.of(leader, late)) {
            String refund = WholeOrderRefunds.refundNumberOf(seat.orderNumber());
            Purchases.await("refund " + refund + " taken", () -> "SUCCEEDED".equals(refundStatus(refund)));
        }
        assertThat(jdbc.sql("select count(*) from refund where payment_number = ?").param(payment).query(Integer.class).single()).isEqualTo(1);
        assertThat(inbox(late.member().id(), "inbox.group.refunded-late")).isEqualTo(1);
        groups.unitsAddUp(campaign.id());
        assertThat(jdbc.sql("select units_sold + units_reserved from group_campaign where id = ?").param(campaign.id()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aMemberAlreadyRefundedThroughAfterSalesIsNotRefundedAgainWhenTheGroupFails() {
        GroupBuyFixtures.Campaign campaign = groups.campaign("售后退过的团", 3, 10, 1);
        GroupBuyFixtures.Seat seat = groups.opened(fixtures.member("先退款的团长"), campaign, null);
        groups.pay(seat);
        long line = jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ?").param(seat.orderNumber())
                .query(Long.class).single();
        var requested = seat.member().session().post("/api/me/orders/" + seat.orderNumber() + "/after-sales",
                java.util.Map.of("lineId", line, "kind", "REFUND_ONLY", "quantity", 1, "reason", "不想拼了"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        var approved = campaign.supplier().session().post("/api/supplier/after-sales/" + requested.json().get("number").asString() + "/approve",
                java.util.Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        Purchases.await("refunded through after-sales", () -> "REFUNDED".equals(purchases.status(seat.orderNumber())));

        clock.advance(Duration.ofHours(25));
        timers.runDue();
        assertThat(groups.groupStatus(seat.groupId())).isEqualTo("FAILED");
        assertThat(groups.seatStatus(seat.orderNumber())).isEqualTo("REFUNDED");
        String payment = purchases.paymentNumber(seat.checkoutNumber());
        Purchases.await("the after-sales refund taken", () -> "SUCCEEDED".equals(jdbc.sql("select status from refund where payment_number = ?")
                .param(payment).query(String.class).single()));
        assertThat(jdbc.sql("select count(*) from refund where payment_number = ?").param(payment).query(Integer.class).single())
                .as("the money went back once").isEqualTo(1);
        assertThat(jdbc.sql("select refund_number from group_seat where order_number = ?").param(seat.orderNumber())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single()).as("not refunded by the group").isEmpty();
        groups.unitsAddUp(campaign.id());
    }

    private int estimatedCommissions(List<GroupBuyFixtures.Seat> seats) {
        return jdbc.sql("select count(*) from commission c join orders o on o.id = c.order_id where o.number in (:orders)")
                .param("orders", seats.stream().map(GroupBuyFixtures.Seat::orderNumber).toList()).query(Integer.class).single();
    }

    private String refundStatus(String refundNumber) {
        return jdbc.sql("select status from refund where number = ?").param(refundNumber).query(String.class).optional().orElse(null);
    }

    private int inbox(long memberId, String messageKey) {
        return jdbc.sql("select count(*) from inbox_message where account_id = ? and message_key = ?").params(memberId, messageKey)
                .query(Integer.class).single();
    }
}
