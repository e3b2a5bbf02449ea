package com.kinshop.shop;

import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.ApiTest;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Micro-shops over HTTP: opening, picking, sharing, visits, posters, and who may change what. */
@KinshopIT
class ShopIT extends ApiTest {

    @Autowired
    ShareVisits visits;

    @Test
    void aMemberOpensAShopForFreeWithAChosenOrGeneratedCode() {
        Member member = fixtures.member("开店人");
        Response bad = member.session().post("/api/me/shop", Map.of("name", "", "code", "AB", "intro", ""));
        assertThat(bad.fieldError("name")).isEqualTo("请填写店铺名称");
        assertThat(bad.fieldError("code")).isEqualTo("店铺码应为 4-12 位小写字母或数字");
        assertThat(member.session().post("/api/me/shop", Map.of("name", "抢注", "code", "xiaoyu", "intro", "")).fieldError("code"))
                .isEqualTo("这个店铺码已被使用，换一个吧");

        Response opened = member.session().post("/api/me/shop", Map.of("name", "小店", "code", "", "intro", "欢迎"));
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().get("code").asString()).matches("[a-z2-9]{6}");
        assertThat(opened.json().get("ownerNickname").asString()).isEqualTo("开店人");
        assertThat(member.session().post("/api/me/shop", Map.of("name", "第二家", "code", "", "intro", "")).status()).isEqualTo(409);
    }

    @Test
    void onlySellableProductsCanBePickedAndOffSaleOnesVanishFromShops() {
        Staff staff = fixtures.supplier("选品供应商");
        long[] first = fixtures.onSale(staff, "可选商品一", 3000, 5);
        long[] second = fixtures.onSale(staff, "可选商品二", 4000, 5);
        long draft = staff.session().post("/api/supplier/products",
                fixtures.product("草稿商品", List.of(Fixtures.sku("a", 1000, 500, "RATE", 0, 1)))).json().get("id").asLong();
        Member member = fixtures.member("选品人");
        String code = member.session().post("/api/me/shop", Map.of("name", "选品店", "code", "", "intro", "")).json().get("code").asString();

        assertThat(member.session().put("/api/me/shop/picks/" + draft, Map.of()).fieldError("productId")).isEqualTo("只能选择平台审核通过、正在销售的商品");
        member.session().put("/api/me/shop/picks/" + first[0], Map.of());
        member.session().put("/api/me/shop/picks/" + second[0], Map.of());
        member.session().put("/api/me/shop/picks/" + first[0], Map.of()); // picking twice changes nothing
        assertThat(picks(code)).containsExactly(first[0], second[0]);

        assertThat(member.session().put("/api/me/shop/picks", Map.of("productIds", List.of(second[0], first[0]))).status()).isEqualTo(200);
        assertThat(picks(code)).containsExactly(second[0], first[0]);
        assertThat(member.session().put("/api/me/shop/picks", Map.of("productIds", List.of(draft))).fieldError("productIds")).isNotNull();

        staff.session().post("/api/supplier/products/" + second[0] + "/off-sale", Map.of());
        assertThat(picks(code)).containsExactly(first[0]);
        assertThat(new HttpSession(port).get("/s/" + code).body()).contains("可选商品一").doesNotContain("可选商品二");
    }

    @Test
    void visitsThroughShareLinksAreCountedPerVisitor() {
        Member member = fixtures.member("分享人");
        String code = member.session().post("/api/me/shop", Map.of("name", "分享店", "code", "", "intro", "")).json().get("code").asString();
        long shopId = jdbc.sql("select id from shop where code = ?").param(code).query(Long.class).single();
        long product = new HttpSession(port).get("/api/catalog/products").json().get(0).get("id").asLong();

        HttpSession friend = new HttpSession(port);
        assertThat(friend.get("/s/" + code).status()).isEqualTo(200);
        assertThat(friend.get("/p/" + product + "?s=" + code).body()).contains("分享人");
        assertThat(friend.cookie("ks_ref")).isEqualTo(code);
        new HttpSession(port).get("/s/" + code);
        visits.flush();

        assertThat(visits.count(new ShopId(shopId))).isEqualTo(new ShareVisits.VisitCount(3, 2));
        assertThat(jdbc.sql("select count(*) from share_visit where shop_id = ? and target_type = 'PRODUCT' and product_id = ?")
                .params(shopId, product).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void postersCarryAQrCodeOfTheShareLink() throws Exception {
        long product = new HttpSession(port).get("/api/catalog/products").json().get(0).get("id").asLong();
        HttpSession visitor = new HttpSession(port);

        Response poster = visitor.get("/p/" + product + "/poster.png?s=xiaoyu");
        assertThat(poster.header("content-type")).isEqualTo("image/png");
        assertThat(decodeQr(visitor.getBytes("/p/" + product + "/poster.png?s=xiaoyu"))).isEqualTo("http://localhost:" + port + "/p/" + product + "?s=xiaoyu");
        assertThat(decodeQr(visitor.getBytes("/s/xiaoyu/poster.png"))).isEqualTo("http://localhost:" + port + "/s/xiaoyu");
        assertThat(visitor.get("/s/nosuchshop/poster.png").status()).isEqualTo(404);
    }

    @Test
    void aMemberChangesOnlyTheirOwnShop() {
        Member owner = fixtures.member("店主甲");
        String code = owner.session().post("/api/me/shop", Map.of("name", "甲的店", "code", "", "intro", "")).json().get("code").asString();
        Member other = fixtures.member("店主乙");

        assertThat(other.session().patch("/api/me/shop", Map.of("name", "改别人的店", "code", code, "intro", "")).status()).isEqualTo(404);
        other.session().post("/api/me/shop", Map.of("name", "乙的店", "code", "", "intro", ""));
        assertThat(other.session().patch("/api/me/shop", Map.of("name", "乙的店", "code", code, "intro", "")).fieldError("code"))
                .isEqualTo("这个店铺码已被使用，换一个吧");
        assertThat(new HttpSession(port).get("/api/shops/" + code).json().get("name").asString()).isEqualTo("甲的店");
        Map<String, Object> tampered = new java.util.HashMap<>(Map.of("name", "x", "code", "", "intro", ""));
        tampered.put("ownerAccountId", 1);
        assertThat(other.session().patch("/api/me/shop", tampered).fieldError("ownerAccountId")).isEqualTo("不支持此字段");
        assertThat(new HttpSession(port).post("/api/me/shop", Map.of("name", "匿名", "code", "", "intro", "")).status()).isEqualTo(401);
    }

    private List<Long> picks(String code) {
        List<Long> ids = new ArrayList<>();
        new HttpSession(port).get("/api/shops/" + code).json().get("picks").forEach(card -> ids.add(card.get("id").asLong()));
        return ids;
    }

    private static String decodeQr(byte[] png) throws Exception {
        return com.kinshop.support.QrCodes.decode(png);
    }
}
