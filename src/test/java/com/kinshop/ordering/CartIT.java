package com.kinshop.ordering;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cart over HTTP: server prices only, one order per supplier with its shipping, refusals, isolation, attribution. */
@KinshopIT
class CartIT extends ApiTest {

    @Test
    void itemsFromTwoSuppliersMakeTwoOrdersPricedFromTheCatalog() {
        Fixtures.Staff food = fixtures.supplier("购物车食品");
        Fixtures.Staff home = fixtures.supplier("购物车家居");
        food.session().put("/api/supplier/shipping", Map.of("flatFeeFen", 800, "freeOverFen", 10_000));
        home.session().put("/api/supplier/shipping", Map.of("flatFeeFen", 600));
        long[] honey = fixtures.onSale(food, "购物车蜂蜜", 3_000, 10);
        long[] towel = fixtures.onSale(home, "购物车毛巾", 2_000, 10);
        Member buyer = fixtures.member("买家");

        buyer.session().post("/api/me/cart/items", Map.of("skuId", honey[1], "quantity", 2));
        buyer.session().post("/api/me/cart/items", Map.of("skuId", honey[1], "quantity", 1));
        Response cart = buyer.session().post("/api/me/cart/items", Map.of("skuId", towel[1], "quantity", 1));

        var orders = cart.json().get("orders");
        assertThat(orders.size()).isEqualTo(2);
        assertThat(orders.get(0).get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(orders.get(0).get("goods").get("fen").asLong()).isEqualTo(9_000);
        assertThat(orders.get(0).get("shipping").get("fen").asLong()).as("90.00 is below the 100.00 threshold").isEqualTo(800);
        assertThat(orders.get(1).get("shipping").get("fen").asLong()).isEqualTo(600);
        assertThat(cart.json().get("payable").get("fen").asLong()).isEqualTo(12_400);
        assertThat(cart.json().get("payable").get("display").asString()).isEqualTo("¥124.00");
        assertThat(orders.get(0).get("lines").get(0).get("unitPrice").get("fen").asLong()).isEqualTo(3_000);

        buyer.session().put("/api/me/cart/items/" + honey[1], Map.of("quantity", 4));
        assertThat(buyer.session().get("/api/me/cart").json().get("orders").get(0).get("shipping").get("fen").asLong()).as("120.00: free").isZero();
        assertThat(buyer.session().get("/cart").body()).contains("购物车蜂蜜", "合计 ¥146.00", "共 2 个订单");
    }

    @Test
    void badQuantitiesUnsellableItemsAndTamperedPricesAreRefused() {
        Fixtures.Staff staff = fixtures.supplier("购物车校验");
        long[] product = fixtures.onSale(staff, "校验商品", 1_000, 5);
        Member buyer = fixtures.member("校验买家");

        assertThat(buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 0)).fieldError("quantity"))
                .isEqualTo("数量应为 1 到 999");
        assertThat(buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1000)).fieldError("quantity"))
                .isEqualTo("数量应为 1 到 999");
        // two adds that together pass 999 are refused, never silently capped
        Fixtures.Staff bulk = fixtures.supplier("购物车上限");
        long[] many = fixtures.onSale(bulk, "上限商品", 100, 2_000);
        assertThat(buyer.session().post("/api/me/cart/items", Map.of("skuId", many[1], "quantity", 998)).status()).isEqualTo(200);
        Response over = buyer.session().post("/api/me/cart/items", Map.of("skuId", many[1], "quantity", 5));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.fieldError("quantity")).isEqualTo("购物车里这件商品最多 999 件");
        assertThat(jdbc.sql("select quantity from cart_item where sku_id = ?").param(many[1]).query(Integer.class).single()).isEqualTo(998);
        assertThat(buyer.session().post("/api/me/cart/items", Map.of("skuId", many[1], "quantity", 1)).status()).isEqualTo(200);
        buyer.session().delete("/api/me/cart/items/" + many[1]);
        assertThat(buyer.session().post("/api/me/cart/items", Map.of("skuId", 99_999_999, "quantity", 1)).fieldError("skuId"))
                .isEqualTo("该商品已下架或不存在，不能加入购物车");
        assertThat(buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1, "unitPrice", "0.01")).fieldError("unitPrice"))
                .isEqualTo("不支持此字段");
        assertThat(buyer.session().get("/api/me/cart").json().get("orders").size()).isZero();

        buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 2));
        staff.session().post("/api/supplier/products/" + product[0] + "/off-sale", Map.of());
        var cart = buyer.session().get("/api/me/cart").json();
        assertThat(cart.get("orders").size()).isZero();
        assertThat(cart.get("unavailable").get(0).get("productName").asString()).isEqualTo("校验商品");
        assertThat(cart.get("payable").get("fen").asLong()).isZero();
    }

    @Test
    void eachMemberHasTheirOwnCartAndTheShareLinkShopIsKept() {
        Fixtures.Staff staff = fixtures.supplier("归因公司");
        long[] product = fixtures.onSale(staff, "归因商品", 1_500, 5);
        Member buyer = fixtures.member("被推荐的人");
        buyer.session().get("/p/" + product[0] + "?s=xiaoyu");
        buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1));

        assertThat(jdbc.sql("select shop_code from cart_item where account_id = ? and sku_id = ?").params(buyer.id(), product[1])
                .query(String.class).single()).isEqualTo("xiaoyu");
        assertThat(fixtures.member("旁人").session().get("/api/me/cart").json().get("orders").size()).isZero();
        assertThat(fixtures.member("旁人2").session().delete("/api/me/cart/items/" + product[1]).status()).isEqualTo(200);
        assertThat(buyer.session().get("/api/me/cart").json().get("orders").size()).isEqualTo(1);
        assertThat(new HttpSession(port).get("/api/me/cart").status()).isEqualTo(401);
        assertThat(new HttpSession(port).get("/cart").body()).contains("登录后查看你的购物车");
    }
}
