package com.kinshop.groupbuy;

import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.Purchases;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Group-buy campaigns, groups and seats through the public API, and the invariants every test checks after (also used by the two-node test). */
public class GroupBuyFixtures {

    /** Normal ¥100, supply ¥50, commission 10 %: with the 5 % platform fee any group price from ¥58.83 keeps the price rule. */
    static final long NORMAL_FEN = 10_000;
    static final long GROUP_FEN = 6_900;

    private final Fixtures fixtures;
    private final Purchases purchases;
    private final JdbcClient jdbc;
    private final Clock clock;

    public GroupBuyFixtures(Fixtures fixtures, Purchases purchases, JdbcClient jdbc, Clock clock) {
        this.fixtures = fixtures;
        this.purchases = purchases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Campaign(long id, long productId, long skuId, Staff supplier) {
    }

    Map<String, Object> form(long productId, long skuId, long groupPriceFen, int size, int units, int perMemberLimit) {
        Instant now = clock.instant();
        return new HashMap<>(Map.of("productId", productId, "skus", List.of(Map.of("skuId", skuId, "groupPriceFen", groupPriceFen)),
                "groupSize", size, "fillWithin", "24", "startsAt", now.minus(Duration.ofMinutes(1)).toString(),
                "endsAt", now.plus(Duration.ofDays(30)).toString(), "perMemberLimit", perMemberLimit, "units", units));
    }

    /** A new supplier's product on sale and an approved campaign for it, running now. */
    public Campaign campaign(String name, int size, int units, int perMemberLimit) {
        Staff supplier = fixtures.supplier(name + "供应商");
        long[] product = fixtures.onSale(supplier, name, List.of(Fixtures.sku("标准装", NORMAL_FEN, NORMAL_FEN / 2, "RATE", 1000, units + 20)));
        Response created = supplier.session().post("/api/supplier/group-campaigns", form(product[0], product[1], GROUP_FEN, size, units, perMemberLimit));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Response approved = fixtures.operator().post("/api/admin/group-campaigns/" + id + "/approval", Map.of("approved", true));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return new Campaign(id, product[0], product[1], supplier);
    }

    Response open(Member member, Campaign campaign, int quantity, String shopCode) {
        Map<String, Object> body = new HashMap<>(Map.of("campaignId", campaign.id(), "skuId", campaign.skuId(), "quantity", quantity,
                "addressId", purchases.address(member)));
        if (shopCode != null) {
            body.put("shopCode", shopCode);
        }
        return member.session().post("/api/me/groups", body);
    }

    Response join(Member member, long groupId, Campaign campaign, int quantity, long addressId) {
        return member.session().post("/api/me/groups/" + groupId + "/joins", Map.of("skuId", campaign.skuId(), "quantity", quantity,
                "addressId", addressId));
    }

    /** Opens and answers the group id and the seat's checkout and order. */
    public Seat opened(Member member, Campaign campaign, String shopCode) {
        Response opened = open(member, campaign, 1, shopCode);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return seat(member, opened);
    }

    public Seat joined(Member member, long groupId, Campaign campaign) {
        Response joined = join(member, groupId, campaign, 1, purchases.address(member));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        return seat(member, joined);
    }

    public record Seat(Member member, long groupId, String checkoutNumber, String orderNumber) {
    }

    private static Seat seat(Member member, Response response) {
        return new Seat(member, response.json().get("groupId").asLong(), response.json().get("checkoutNumber").asString(),
                response.json().get("orderNumbers").get(0).asString());
    }

    /** Pays the seat's checkout at the sandbox cashier and waits until the group module counted it. */
    public void pay(Seat seat) {
        purchases.cashier(seat.member(), purchases.startPayment(seat.member(), seat.checkoutNumber()).get("payUrl").asString(), "pay");
        Purchases.await("seat of " + seat.orderNumber() + " counted", () -> !"SEATED".equals(seatStatus(seat.orderNumber())));
    }

    public String seatStatus(String orderNumber) {
        return jdbc.sql("select status from group_seat where order_number = ?").param(orderNumber).query(String.class).single();
    }

    public String groupStatus(long groupId) {
        return jdbc.sql("select status from group_buy where id = ?").param(groupId).query(String.class).single();
    }

    String heldBy(String orderNumber) {
        return jdbc.sql("select held_by from orders where number = ?").param(orderNumber).query(String.class).optional().orElse(null);
    }

    /**
     * sold + reserved + available = units, each count agreeing with the seats: reserved are the seats awaiting payment,
     * sold the seats paid and not refunded; and no group holds more seats than its size or other than its live seats.
     */
    public void unitsAddUp(long campaignId) {
        Map<String, Object> row = jdbc.sql("select units, units_reserved, units_sold from group_campaign where id = ?").param(campaignId)
                .query().singleRow();
        int units = ((Number) row.get("units")).intValue();
        int reserved = ((Number) row.get("units_reserved")).intValue();
        int sold = ((Number) row.get("units_sold")).intValue();
        int seated = sum(campaignId, "SEATED");
        int paid = sum(campaignId, "PAID") + sum(campaignId, "REFUNDING");
        int available = units - sold - reserved;
        assertThat(reserved).as("reserved = units on seats awaiting payment").isEqualTo(seated);
        assertThat(sold).as("sold = units on seats paid and not refunded").isEqualTo(paid);
        assertThat(available).as("available ≥ 0").isGreaterThanOrEqualTo(0);
        assertThat(sold + reserved + available).isEqualTo(units);
        List<Map<String, Object>> groups = jdbc.sql("""
                        select g.id, g.group_size, g.seats_taken, (select count(*) from group_seat s where s.group_id = g.id and s.status in ('SEATED', 'PAID')) as live
                        from group_buy g where g.campaign_id = ? and g.status = 'OPEN'""").param(campaignId).query().listOfRows();
        for (Map<String, Object> group : groups) {
            assertThat(((Number) group.get("seats_taken")).intValue()).as("group " + group.get("id") + " seats")
                    .isEqualTo(((Number) group.get("live")).intValue()).isLessThanOrEqualTo(((Number) group.get("group_size")).intValue());
        }
    }

    private int sum(long campaignId, String status) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from group_seat where campaign_id = ? and status = ?").params(campaignId, status)
                .query(Integer.class).single();
    }
}
