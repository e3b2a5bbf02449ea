package com.kinshop.bargain;

import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supplier with a ¥100.00 SKU (supply ¥50.00, 10 % commission; with the 5 % platform fee the price rule allows a
 * floor from ¥58.82) and its bargain campaigns, through the API as staff and the operator would make them.
 */
record BargainFixtures(Fixtures fixtures, Purchases purchases, MutableClock clock, JdbcClient jdbc) {

    static final long NORMAL_FEN = 10_000;

    record Shop(Staff staff, long productId, long skuId) {
    }

    Shop shop(String company) {
        Staff staff = fixtures.supplier(company);
        long[] ids = fixtures.onSale(staff, company + "砍价礼盒", NORMAL_FEN, 50);
        return new Shop(staff, ids[0], ids[1]);
    }

    static Map<String, Object> form(long skuId, long floorFen, int helpersNeeded, String timeLimit, Instant startsAt, Instant endsAt, int units) {
        Map<String, Object> form = new HashMap<>();
        form.put("skuId", skuId);
        form.put("floorPriceFen", floorFen);
        form.put("helpersNeeded", helpersNeeded);
        form.put("timeLimit", timeLimit);
        form.put("startsAt", startsAt.toString());
        form.put("endsAt", endsAt.toString());
        form.put("units", units);
        return form;
    }

    /** A campaign submitted by the shop's staff and approved by the operator, running now; returns its id. */
    long running(Shop shop, long floorFen, int helpersNeeded, int units, boolean newMembersOnly) {
        Instant now = clock.instant();
        Map<String, Object> form = form(shop.skuId(), floorFen, helpersNeeded, "24", now.minusSeconds(60), now.plus(Duration.ofDays(3)), units);
        form.put("newMembersOnly", newMembersOnly);
        Response created = shop.staff().session().post("/api/supplier/bargain-campaigns", form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        long id = created.json().get("id").asLong();
        Response approved = fixtures.operator().post("/api/admin/bargain-campaigns/" + id + "/approval", Map.of("approved", true));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("phase").asString()).isEqualTo("RUNNING");
        return id;
    }

    /** The member starts a bargain; returns its id. */
    static long start(Member member, long campaignId) {
        Response started = member.session().post("/api/me/bargains", Map.of("campaignId", campaignId));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("bargainId").asLong();
    }

    /** sold + reserved + available = units, as the supplier's figures say and as the table holds. */
    void unitsAddUp(Shop shop, long campaignId, int sold, int reserved) {
        Response figures = shop.staff().session().get("/api/supplier/bargain-campaigns");
        var mine = java.util.stream.StreamSupport.stream(figures.json().spliterator(), false)
                .filter(f -> f.get("campaign").get("id").asLong() == campaignId).findFirst().orElseThrow();
        int units = mine.get("campaign").get("units").asInt();
        assertThat(mine.get("unitsSold").asInt()).isEqualTo(sold);
        assertThat(mine.get("unitsReserved").asInt()).isEqualTo(reserved);
        assertThat(mine.get("unitsSold").asInt() + mine.get("unitsReserved").asInt() + mine.get("unitsAvailable").asInt()).isEqualTo(units);
        assertThat(jdbc.sql("select sold + reserved <= units and sold = ? and reserved = ? from bargain_campaign where id = ?")
                .params(sold, reserved, campaignId).query(Boolean.class).single()).isTrue();
    }

    long current(long bargainId) {
        return jdbc.sql("select current_fen from bargain where id = ?").param(bargainId).query(Long.class).single();
    }

    String status(long bargainId) {
        return jdbc.sql("select status from bargain where id = ?").param(bargainId).query(String.class).single();
    }
}
