package com.kinshop.ordering;

import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.Stock;
import com.kinshop.support.ApiTest;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** RELIABILITY abuse 12 (tampered requests) and 13 (someone else's orders) on the order path: refused, nothing changes. */
@KinshopIT
class OrderAbuseIT extends ApiTest {

    @Autowired
    Stock stock;

    Purchases purchases;

    @BeforeEach
    void setUp() {
        purchases = new Purchases(jdbc);
    }

    @Test
    void tamperedCheckoutsAndCartsAreRefusedWithTheFieldNamed() {
        long[] product = fixtures.onSale(fixtures.supplier("篡改供应商"), "篡改商品", 5_000, 10);
        Member buyer = fixtures.member("篡改者");
        long address = purchases.address(buyer);
        for (Object quantity : new Object[] {-1, 0, 2_147_483_648L, 1000}) {
            Response added = buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", quantity));
            assertThat(added.status()).as("quantity " + quantity).isEqualTo(400);
            assertThat(added.body()).contains("quantity");
        }
        buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1));
        for (String field : new String[] {"price", "status", "shopId", "commissionRate", "payableFen"}) {
            Map<String, Object> body = new HashMap<>(Map.of("addressId", address));
            body.put(field, field.equals("status") ? "PAID" : 1);
            Response placed = buyer.session().post("/api/me/checkouts", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(placed.status()).as(field).isEqualTo(400);
            assertThat(placed.body()).as(field).contains(field);
        }
        assertThat(jdbc.sql("select count(*) from orders where buyer_id = ?").param(buyer.id()).query(Integer.class).single()).isZero();
        assertThat(stock.levels(new SkuId(product[1]))).isEqualTo(new Stock.Levels(10, 0, 0));

        Purchases.Placed placed = purchases.place(buyer, 1);
        assertThat(placed.payableFen()).as("the price came from the catalog").isEqualTo(5_000);
    }

    @Test
    void anotherBuyersOrderIsNotFoundAndOperatorActionsAreForbidden() {
        Staff supplier = fixtures.supplier("越权供应商");
        long[] product = fixtures.onSale(supplier, "越权商品", 1_000, 10);
        Member owner = fixtures.member("订单主人");
        Member intruder = fixtures.member("别人");
        Purchases.Placed unpaid = purchases.place(owner, 1, product[1]);
        String paid = purchases.placeAndPay(owner, 1, product[1]).orderNumbers().get(0);
        String order = unpaid.orderNumbers().get(0);
        long line = jdbc.sql("select id from order_line where order_id = ?").param(purchases.orderId(paid)).query(Long.class).single();

        assertThat(intruder.session().get("/api/me/orders/" + order).status()).isEqualTo(404);
        assertThat(intruder.session().get("/api/me/orders").json().size()).isZero();
        assertThat(intruder.session().post("/api/me/orders/" + order + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(intruder.session().post("/api/me/checkouts/" + unpaid.checkoutNumber() + "/payments", Map.of(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).status()).isEqualTo(404);
        assertThat(intruder.session().post("/api/me/orders/" + paid + "/receipt", Map.of()).status()).isEqualTo(404);
        assertThat(intruder.session().post("/api/me/orders/" + paid + "/after-sales",
                Map.of("lineId", line, "kind", "REFUND_ONLY", "quantity", 1, "reason", "白拿")).status()).isEqualTo(404);
        assertThat(intruder.session().get("/api/supplier/orders").status()).isEqualTo(403);
        assertThat(intruder.session().get("/api/admin/disputes").status()).isEqualTo(403);
        assertThat(intruder.session().get("/api/admin/reconciliation").status()).isEqualTo(403);
        assertThat(intruder.session().get("/api/admin/ledger/check").status()).isEqualTo(403);
        assertThat(supplier.session().get("/api/admin/disputes").status()).isEqualTo(403);

        assertThat(purchases.status(order)).isEqualTo("AWAITING_PAYMENT");
        assertThat(purchases.status(paid)).isEqualTo("PAID");
        assertThat(jdbc.sql("select count(*) from after_sale where order_id = ?").param(purchases.orderId(paid)).query(Integer.class).single()).isZero();
    }
}
