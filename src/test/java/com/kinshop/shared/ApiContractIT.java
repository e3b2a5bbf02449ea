package com.kinshop.shared;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Fixtures;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journeys of an outside integrator, every exchange checked against the published {@code /v3/api-docs}
 * (every HttpSession does so): auth, catalog, cart, checkout, payment, orders, shipping, earnings and withdrawals,
 * refusals included.
 */
@KinshopIT
class ApiContractIT extends ApiTest {

    @Test
    void theMainJourneysAnswerAsDocumented() {
        Fixtures.Staff staff = fixtures.supplier("契约公司");
        long[] product = fixtures.onSale(staff, "契约商品", 2_000, 10);
        HttpSession buyer = fixtures.member("契约买家").session();
        HttpSession operator = fixtures.signIn(Fixtures.OPERATOR_PHONE, Fixtures.DEMO_PASSWORD);
        journey(buyer, staff.session(), operator, product[0], product[1]);
    }

    /** Shared with nothing else on purpose: what an integrator would do first, in order. */
    static void journey(HttpSession buyer, HttpSession supplier, HttpSession operator, long productId, long skuId) {
        HttpSession visitor = new HttpSession(port(buyer));
        ok(visitor.get("/api/auth/csrf"));
        ok(visitor.get("/api/catalog/categories"));
        ok(visitor.get("/api/catalog/products"));
        JsonNode product = ok(visitor.get("/api/catalog/products/" + productId)).json();
        long price = product.get("skus").get(0).get("price").get("fen").asLong();
        assertThat(product.get("skus").get(0).get("price").get("display").asString()).isEqualTo("¥%d.%02d", price / 100, price % 100);
        assertThat(visitor.post("/api/auth/login", Map.of("phone", "13800000001", "password", "wrong-password")).status()).isEqualTo(401);

        ok(buyer.get("/api/me"));
        long address = ok(buyer.post("/api/me/addresses", Map.of("receiver", "收货人", "phone", "13800001111", "region", "上海市浦东新区",
                "detail", "世纪大道 100 号"))).json().get("id").asLong();
        ok(buyer.get("/api/me/addresses"));
        assertThat(buyer.post("/api/me/cart/items", Map.of("skuId", skuId, "quantity", 0)).status()).isEqualTo(400);
        ok(buyer.post("/api/me/cart/items", Map.of("skuId", skuId, "quantity", 1)));
        JsonNode cart = ok(buyer.put("/api/me/cart/items/" + skuId, Map.of("quantity", 2))).json();
        assertThat(cart.get("goods").get("fen").asLong()).isEqualTo(2 * price);
        ok(buyer.get("/api/me/cart"));
        JsonNode placed = ok(buyer.post("/api/me/checkouts", Map.of("addressId", address), Map.of("Idempotency-Key", UUID.randomUUID().toString()))).json();
        String checkout = placed.get("checkoutNumber").asString();
        String order = placed.get("orders").get(0).asString();
        JsonNode payment = ok(buyer.post("/api/me/checkouts/" + checkout + "/payments", Map.of(), Map.of("Idempotency-Key", UUID.randomUUID().toString()))).json();
        assertThat(payment.get("amount").get("fen").asLong()).isEqualTo(placed.get("payable").get("fen").asLong());
        ok(buyer.get("/api/me/orders"));
        ok(buyer.get("/api/me/orders?status=AWAITING_PAYMENT"));
        ok(buyer.get("/api/me/orders/" + order));
        ok(buyer.post("/api/me/orders/" + order + "/cancel", Map.of()));
        assertThat(buyer.get("/api/me/orders?status=nope").status()).isEqualTo(400);
        ok(buyer.get("/api/me/after-sales"));

        ok(buyer.get("/api/me/referral"));
        ok(buyer.get("/api/me/earnings"));
        ok(buyer.get("/api/me/earnings/history"));
        ok(buyer.get("/api/me/team"));
        ok(buyer.get("/api/me/withdrawals"));
        assertThat(buyer.post("/api/me/withdrawals", Map.of("amountFen", 1), Map.of("Idempotency-Key", UUID.randomUUID().toString())).status() / 100)
                .isEqualTo(4);

        ok(supplier.get("/api/supplier/orders"));
        ok(supplier.get("/api/supplier/shipping"));
        ok(supplier.get("/api/supplier/after-sales"));
        JsonNode rows = ok(Fixtures.upload(supplier, "/api/supplier/shipments", "file",
                ("order_number,carrier,tracking_number\n" + order + ",顺丰速运,SF1234567890\n").getBytes(StandardCharsets.UTF_8))).json();
        assertThat(rows.size()).isEqualTo(1);

        ok(operator.get("/api/admin/distribution/policy"));
        ok(operator.get("/api/admin/withdrawals"));
        ok(operator.get("/api/admin/tiers"));
        assertThat(visitor.postRawWithHeaders("/api/payment/notifications/nowhere", "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of())
                .status()).isEqualTo(404);
    }

    private static Response ok(Response response) {
        assertThat(response.status() / 100).as(response.toString()).isEqualTo(2);
        return response;
    }

    private static int port(HttpSession session) {
        return session.port();
    }
}
