package com.kinshop.flashsale;

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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Flash-sale sessions and buys through the public API, and the invariants every test checks after. */
class FlashSaleFixtures {

    /** Normal ¥100, supply ¥50, commission 10 %: with the 5 % platform fee any flash price from ¥58.83 keeps the price rule. */
    static final long NORMAL_FEN = 10_000;
    static final long FLASH_FEN = 6_900;
    private static final AtomicInteger STREET = new AtomicInteger();

    private final Fixtures fixtures;
    private final JdbcClient jdbc;
    private final Clock clock;

    FlashSaleFixtures(Fixtures fixtures, JdbcClient jdbc, Clock clock) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Sale(long id, long productId, long skuId, Staff supplier, int quantity) {
    }

    Map<String, Object> form(long skuId, long priceFen, int quantity, int limit, Instant startsAt, Instant endsAt) {
        return new HashMap<>(Map.of("title", "测试秒杀场", "startsAt", startsAt.toString(), "endsAt", endsAt.toString(), "perMemberLimit", limit,
                "items", List.of(new HashMap<>(Map.of("skuId", skuId, "flashPriceFen", priceFen, "quantity", quantity)))));
    }

    /** A new supplier's product (stock = quantity + 20) and a session for it, approved, running from a minute ago for {@code lasting}. */
    Sale running(String name, int quantity, int limit, Duration lasting) {
        Instant now = clock.instant();
        return approved(name, quantity, limit, now.minus(Duration.ofMinutes(1)), now.plus(lasting));
    }

    Sale approved(String name, int quantity, int limit, Instant startsAt, Instant endsAt) {
        Staff supplier = fixtures.supplier(name + "供应商");
        long[] product = fixtures.onSale(supplier, name, List.of(Fixtures.sku("标准装", NORMAL_FEN, NORMAL_FEN / 2, "RATE", 1000, quantity + 20)));
        Response proposed = supplier.session().post("/api/supplier/flash-sales", form(product[1], FLASH_FEN, quantity, limit, startsAt, endsAt),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("status").asString()).isEqualTo("PENDING");
        long id = proposed.json().get("id").asLong();
        Response approved = fixtures.operator().post("/api/admin/flash-sales/" + id + "/approval", Map.of("approved", true));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return new Sale(id, product[0], product[1], supplier, quantity);
    }

    /** An address of the member's own, different from every other test buyer's (the per-address limit counts addresses). */
    long address(Member member) {
        Response added = member.session().post("/api/me/addresses", Map.of("receiver", "抢购人", "phone", "13800001111", "region", "上海市浦东新区",
                "detail", "世纪大道 " + STREET.incrementAndGet() + " 号 " + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().get("id").asLong();
    }

    Response buy(Member member, Sale sale, long addressId, String key) {
        return member.session().post("/api/me/flash-sales/" + sale.id() + "/buys", Map.of("skuId", sale.skuId(), "addressId", addressId),
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    /** Waits until the claim has its order, and answers it. */
    Response ordered(Member member, long claimId) {
        Response[] last = new Response[1];
        Purchases.await("claim " + claimId + " ordered", () -> {
            last[0] = member.session().get("/api/me/flash-claims/" + claimId);
            return !"QUEUED".equals(last[0].json().get("status").asString());
        });
        assertThat(last[0].json().get("status").asString()).as(last[0].body()).isEqualTo("ORDERED");
        return last[0];
    }

    String claimStatus(long claimId) {
        return jdbc.sql("select status from flash_claim where id = ?").param(claimId).query(String.class).single();
    }

    long remaining(Sale sale) {
        return new com.kinshop.support.HttpSession(fixtures.operator().port()).get("/api/flash-sales/" + sale.id()).json().get("items").get(0)
                .get("remaining").asLong();
    }

    int claims(Sale sale) {
        return jdbc.sql("select count(*) from flash_claim where sale_id = ?").param(sale.id()).query(Integer.class).single();
    }

    int[] stock(long skuId) {
        return jdbc.sql("select stock, reserved, sold from sku where id = ?").param(skuId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
    }

    /**
     * The sale's invariants: live claims never beyond the quantity, each slot and each member's and address's number held
     * once (the indexes say so; checked here anyway), nobody over the limit, one order per ordered or paid claim, the
     * SKU's stock never negative, and remaining + live claims = quantity.
     */
    void addsUp(Sale sale, int limit) {
        int live = jdbc.sql("select count(*) from flash_claim where sale_id = ? and status in ('QUEUED', 'ORDERED', 'PAID')").param(sale.id())
                .query(Integer.class).single();
        assertThat(live).as("live claims").isLessThanOrEqualTo(sale.quantity());
        int overLimit = jdbc.sql("""
                        select count(*) from (select member_id from flash_claim where sale_id = ? and status in ('QUEUED', 'ORDERED', 'PAID')
                        group by member_id having count(*) > ?) over""").params(sale.id(), limit).query(Integer.class).single();
        assertThat(overLimit).as("members over the limit").isZero();
        // one statement, one snapshot: a claim and its order commit together while the orders are still being written
        int[] ordered = jdbc.sql("""
                        select (select count(*) from orders where kind = 'FLASH' and promotion_ref = ? and status <> 'CANCELLED'),
                               (select count(*) from flash_claim where sale_id = ? and status in ('ORDERED', 'PAID'))""")
                .params("flash:" + sale.id(), sale.id()).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        int orders = ordered[0];
        int orderedOrPaid = ordered[1];
        assertThat(orders).as("one live order per ordered or paid claim").isEqualTo(orderedOrPaid).isLessThanOrEqualTo(sale.quantity());
        int[] levels = stock(sale.skuId());
        assertThat(levels[0]).as("stock").isGreaterThanOrEqualTo(0);
        assertThat(levels[1]).as("reserved").isGreaterThanOrEqualTo(0);
        assertThat(remaining(sale) + live).as("remaining + live claims = quantity").isEqualTo(sale.quantity());
    }
}
