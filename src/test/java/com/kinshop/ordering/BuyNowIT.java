package com.kinshop.ordering;

import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 立即购买: one SKU straight to an order, priced like the cart, attributed to the share link's shop, the cart untouched. */
@KinshopIT
class BuyNowIT extends MoneyPathTest {

    @Test
    void buyingOneSkuNowPlacesOneOrderAndLeavesTheCartAsItWas() {
        Staff supplier = fixtures.supplier("立即购买果园");
        long oranges = fixtures.onSale(supplier, "立即购买脐橙", 4_500, 10)[1];
        long apples = fixtures.onSale(supplier, "购物车苹果", 3_000, 10)[1];
        Member sharer = fixtures.member("立即购买分享人");
        String shop = sharer.session().post("/api/me/shop", Map.of("name", "立即购买小店", "code", "", "intro", "")).json().get("code").asString();
        Member buyer = fixtures.member("立即购买买家");
        long address = purchases.address(buyer);
        assertThat(buyer.session().post("/api/me/cart/items", Map.of("skuId", apples, "quantity", 1)).status()).isLessThan(300);
        assertThat(buyer.session().post("/api/me/cart/items", Map.of("skuId", oranges, "quantity", 5)).status()).isLessThan(300);
        java.util.List<String> cartBefore = cart(buyer);
        assertThat(cartBefore).hasSize(2);
        assertThat(buyer.session().get("/s/" + shop).status()).isEqualTo(200);

        String key = "buy-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("skuId", oranges, "quantity", 2, "addressId", address);
        Response placed = buyer.session().post("/api/me/checkouts/buy-now", body, Map.of("Idempotency-Key", key));

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().get("orders").size()).isEqualTo(1);
        String order = placed.json().get("orders").get(0).asString();
        assertThat(jdbc.sql("select sku_id, quantity, unit_price_fen, shop_code from order_line l join orders o on o.id = l.order_id where o.number = ?")
                .param(order).query((rs, n) -> rs.getLong(1) + "×" + rs.getInt(2) + "@" + rs.getLong(3) + " via " + rs.getString(4)).list())
                .containsExactly(oranges + "×2@4500 via " + shop);
        assertThat(cart(buyer)).as("the cart is neither read nor changed").isEqualTo(cartBefore);

        Response replay = buyer.session().post("/api/me/checkouts/buy-now", body, Map.of("Idempotency-Key", key));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("checkoutNumber").asString()).isEqualTo(placed.json().get("checkoutNumber").asString());
        assertThat(jdbc.sql("select count(*) from orders where buyer_id = ?").param(buyer.id()).query(Long.class).single()).isEqualTo(1);

        Response noKey = buyer.session().post("/api/me/checkouts/buy-now", body);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.fieldError("Idempotency-Key")).isNotNull();
        Response tooMany = buyer.session().post("/api/me/checkouts/buy-now", Map.of("skuId", oranges, "quantity", 0, "addressId", address),
                Map.of("Idempotency-Key", "buy-" + UUID.randomUUID()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.fieldError("quantity")).isNotNull();
        assertThat(jdbc.sql("select count(*) from orders where buyer_id = ?").param(buyer.id()).query(Long.class).single()).isEqualTo(1);
    }

    private java.util.List<String> cart(Member buyer) {
        return jdbc.sql("select sku_id || '×' || quantity from cart_item where account_id = ? order by sku_id").param(buyer.id()).query(String.class).list();
    }
}
