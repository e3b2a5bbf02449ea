package com.kinshop.ordering;

import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.Stock;
import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cart to orders awaiting payment: one per supplier, units reserved, Idempotency-Key (race 2), last units, cancel. */
@KinshopIT
class CheckoutIT extends ApiTest {

    @Autowired
    Stock stock;

    private long addressOf(Member buyer) {
        return buyer.session().post("/api/me/addresses", Map.of("receiver", "收货人", "phone", "13800001111", "region", "上海市浦东新区",
                "detail", "世纪大道 100 号")).json().get("id").asLong();
    }

    private Response checkOut(Member buyer, long address, String key) {
        return buyer.session().post("/api/me/checkouts", Map.of("addressId", address), Map.of("Idempotency-Key", key));
    }

    @Test
    void aCartWithTwoSuppliersBecomesTwoOrdersWithUnitsReserved() {
        long[] a = fixtures.onSale(fixtures.supplier("下单甲"), "下单商品甲", 2_000, 10);
        long[] b = fixtures.onSale(fixtures.supplier("下单乙"), "下单商品乙", 3_000, 10);
        Member buyer = fixtures.member("下单人");
        buyer.session().post("/api/me/cart/items", Map.of("skuId", a[1], "quantity", 2));
        buyer.session().post("/api/me/cart/items", Map.of("skuId", b[1], "quantity", 1));

        Response placed = checkOut(buyer, addressOf(buyer), "order-" + UUID.randomUUID());

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().get("orders").size()).isEqualTo(2);
        assertThat(placed.json().get("payable").get("fen").asLong()).isEqualTo(7_000);
        assertThat(stock.levels(new SkuId(a[1]))).isEqualTo(new Stock.Levels(8, 2, 0));
        assertThat(buyer.session().get("/api/me/cart").json().get("orders").size()).as("the cart is emptied").isZero();
        assertThat(buyer.session().get("/api/me/orders").json()).allSatisfy(order ->
                assertThat(order.get("status").asString()).isEqualTo("AWAITING_PAYMENT"));
    }

    @Test
    void tenSimultaneousCheckoutsWithOneKeyPlaceOneSetOfOrders() throws Exception {
        long[] product = fixtures.onSale(fixtures.supplier("幂等下单"), "幂等商品", 1_000, 10);
        Member buyer = fixtures.member("重复点击");
        buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 3));
        long address = addressOf(buyer);
        String key = "order-" + UUID.randomUUID();

        List<Response> responses = Concurrently.all(10, () -> checkOut(buyer, address, key));

        assertThat(responses).extracting(Response::status).containsOnly(201);
        assertThat(responses).extracting(r -> r.json().get("checkoutNumber").asString()).containsOnly(responses.get(0).json().get("checkoutNumber").asString());
        assertThat(jdbc.sql("select count(*) from checkout where buyer_id = ?").param(buyer.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(stock.levels(new SkuId(product[1]))).isEqualTo(new Stock.Levels(7, 3, 0));

        Response otherBody = buyer.session().post("/api/me/checkouts", Map.of("addressId", address + 1), Map.of("Idempotency-Key", key));
        assertThat(otherBody.status()).isEqualTo(422);
        Response noKey = buyer.session().post("/api/me/checkouts", Map.of("addressId", address));
        assertThat(noKey.fieldError("Idempotency-Key")).isEqualTo("请在请求头中提供 Idempotency-Key，避免重复下单");
        Response secondKey = checkOut(buyer, address, "order-" + UUID.randomUUID());
        assertThat(secondKey.json().get("detail").asString()).as("the cart was emptied by the first").isEqualTo("购物车里没有可以购买的商品");
    }

    @Test
    void fiveSimultaneousCheckoutsOfOneCartWithDifferentKeysOrderItOnce() throws Exception {
        long[] product = fixtures.onSale(fixtures.supplier("多标签下单"), "多标签商品", 1_000, 10);
        Member buyer = fixtures.member("多个标签页");
        buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 2));
        long address = addressOf(buyer);

        List<Response> responses = Concurrently.all(5, () -> checkOut(buyer, address, "order-" + UUID.randomUUID()));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(4)
                .allSatisfy(r -> assertThat(r.status()).as("a clear refusal, never a 500").isBetween(400, 499))
                .allSatisfy(r -> assertThat(r.json().get("detail").asString()).isEqualTo("购物车里没有可以购买的商品"));
        assertThat(stock.levels(new SkuId(product[1]))).isEqualTo(new Stock.Levels(8, 2, 0));
    }

    @Test
    void fiveBuyersCheckingOutTheLastUnitLeaveOneOrder() throws Exception {
        long[] product = fixtures.onSale(fixtures.supplier("最后一件"), "仅剩一件", 5_000, 1);
        List<Member> buyers = new ArrayList<>();
        List<Long> addresses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Member buyer = fixtures.member("抢购者" + i);
            buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1));
            buyers.add(buyer);
            addresses.add(addressOf(buyer));
        }
        var next = new java.util.concurrent.atomic.AtomicInteger();

        List<Response> responses = Concurrently.all(5, () -> {
            int i = next.getAndIncrement();
            return checkOut(buyers.get(i), addresses.get(i), "order-" + UUID.randomUUID());
        });

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(4).allSatisfy(r -> assertThat(r.json().get("detail").asString()).isEqualTo("库存不足"));
        assertThat(stock.levels(new SkuId(product[1]))).isEqualTo(new Stock.Levels(0, 1, 0));
        assertThat(jdbc.sql("select count(*) from orders o join order_line l on l.order_id = o.id where l.sku_id = ?").param(product[1])
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void cancellingBeforePaymentReleasesTheUnitsOnceAndOnlyForTheBuyer() {
        long[] product = fixtures.onSale(fixtures.supplier("取消公司"), "取消商品", 1_000, 5);
        Member buyer = fixtures.member("取消人");
        buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 2));
        String order = checkOut(buyer, addressOf(buyer), "order-" + UUID.randomUUID()).json().get("orders").get(0).asString();

        assertThat(fixtures.member("路人甲").session().post("/api/me/orders/" + order + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(buyer.session().post("/api/me/orders/" + order + "/cancel", Map.of()).status()).isEqualTo(200);
        assertThat(buyer.session().post("/api/me/orders/" + order + "/cancel", Map.of()).status()).isEqualTo(409);
        assertThat(stock.levels(new SkuId(product[1]))).isEqualTo(new Stock.Levels(5, 0, 0));
    }

    @Test
    void aSkuThatWasOrderedCannotBeDeletedByEditingTheProduct() {
        var staff = fixtures.supplier("改规格公司");
        long[] product = fixtures.onSale(staff, "已售规格商品", 1_000, 5);
        Member buyer = fixtures.member("先下单");
        buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1));
        checkOut(buyer, addressOf(buyer), "order-" + UUID.randomUUID());
        staff.session().post("/api/supplier/products/" + product[0] + "/off-sale", Map.of());

        Response dropped = staff.session().put("/api/supplier/products/" + product[0],
                fixtures.product("已售规格商品", List.of(com.kinshop.support.Fixtures.sku("新规格", 1_000, 500, "RATE", 0, 3))));

        assertThat(dropped.status()).isEqualTo(409);
        assertThat(dropped.json().get("detail").asString()).isEqualTo("已有订单的规格不能删除，可以把它的库存改为 0");
        assertThat(stock.levels(new SkuId(product[1]))).isEqualTo(new Stock.Levels(4, 1, 0));
    }

    @Test
    void tamperedTotalsAndForeignAddressesAreRefused() {
        long[] product = fixtures.onSale(fixtures.supplier("篡改下单"), "篡改商品", 1_000, 5);
        Member buyer = fixtures.member("篡改人");
        buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1));
        Response tampered = buyer.session().post("/api/me/checkouts", Map.of("addressId", addressOf(buyer), "payable", "0.01"),
                Map.of("Idempotency-Key", "order-" + UUID.randomUUID()));
        assertThat(tampered.fieldError("payable")).isEqualTo("不支持此字段");
        long foreign = addressOf(fixtures.member("别人的地址"));
        Response refused = checkOut(buyer, foreign, "order-" + UUID.randomUUID());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldError("addressId")).isEqualTo("地址不存在");
        assertThat(stock.levels(new SkuId(product[1]))).isEqualTo(new Stock.Levels(5, 0, 0));
    }
}
