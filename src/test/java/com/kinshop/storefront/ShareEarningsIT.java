package com.kinshop.storefront;

import com.kinshop.identity.AccountId;
import com.kinshop.referral.Tiers;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 分享赚 is what the member is paid: a 店主 (65 %) sees on the product page and in the share API exactly what a paid order
 * through their link accrues to them; the headline price is the chosen SKU's; and app clients get share links and
 * posters of their own shop.
 */
@KinshopIT
class ShareEarningsIT extends MoneyPathTest {

    @Autowired
    Tiers tiers;

    /** [productId, skuId of ¥1000.00 with a fixed ¥400.00 budget, skuId of ¥800.00 with a 30 % budget] */
    private long[] twoSkuProduct(String name) {
        return fixtures.onSale(fixtures.supplier(name + "供应商"), name, List.of(
                Fixtures.sku("大份", 100_000, 50_000, "FIXED", 40_000, 20),
                Fixtures.sku("小份", 80_000, 40_000, "RATE", 3_000, 20)));
    }

    private static String openShop(Member member) {
        return Fixtures.openShop(member, "分享小店", "e");
    }

    private static String text(String html, String testId) {
        Matcher matcher = Pattern.compile("data-testid=\"" + testId + "\"[^>]*>([^<]*)<").matcher(html);
        return matcher.find() ? matcher.group(1).strip() : null;
    }

    @Test
    void aShopOwnerSeesExactlyWhatAPaidOrderThroughTheirLinkAccruesToThem() {
        long[] product = twoSkuProduct("等级分享赚商品");
        Member sharer = fixtures.member("店主小李");
        String code = openShop(sharer);
        tiers.assign(new AccountId(sharer.id()), "OWNER");

        // the first SKU is chosen: ¥400.00 budget × 65 % (the platform-wide 60 % would say ¥240.00)
        String page = sharer.session().get("/p/" + product[0]).body();
        assertThat(text(page, "share-earning")).isEqualTo("分享赚 ¥260.00");
        assertThat(page).contains("data-earning-label=\"分享赚 ¥156.00\"");
        Response shared = sharer.session().get("/api/me/shop/share/products/" + product[0] + "?skuId=" + product[1]);
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(shared.json().get("earning").get("fen").asLong()).isEqualTo(26_000);
        assertThat(shared.json().get("shopCode").asString()).isEqualTo(code);
        assertThat(shared.json().get("url").asString()).endsWith("/p/" + product[0] + "?s=" + code);
        assertThat(sharer.session().get("/api/me/shop/share/products/" + product[0] + "?skuId=" + product[2]).json().get("earning").get("fen").asLong())
                .isEqualTo(15_600);

        Member buyer = fixtures.member("链接买家");
        // through the link: the buyer is bound to the sharer and the cart line carries the shop
        assertThat(buyer.session().get("/p/" + product[0] + "?s=" + code).status()).isEqualTo(200);
        purchases.placeAndPay(buyer, 1, product[1]);
        long paid = jdbc.sql("select amount_fen from commission where beneficiary_id = ? and level = 1").param(sharer.id()).query(Long.class).single();
        assertThat(paid).isEqualTo(shared.json().get("earning").get("fen").asLong()).isEqualTo(26_000);
    }

    @Test
    void theHeadlineIsTheChosenSkusPriceAndOnlyShopOwnersSeeAFigure() {
        long[] product = twoSkuProduct("选规格看价格");
        HttpSession visitor = new HttpSession(port);
        // the first SKU is pre-selected, so its price is the headline, not the lowest
        assertThat(text(visitor.get("/p/" + product[0]).body(), "price")).isEqualTo("¥1000.00");
        assertThat(text(visitor.get("/p/" + product[0] + "?sku=" + product[2]).body(), "price")).isEqualTo("¥800.00");
        assertThat(visitor.get("/p/" + product[0]).body()).doesNotContain("data-testid=\"share-earning\"");

        Member withoutShop = fixtures.member("没开店的会员");
        String page = withoutShop.session().get("/p/" + product[0]).body();
        assertThat(page).doesNotContain("data-testid=\"share-earning\"").doesNotContain("分享赚 ¥").contains("开一家小店，就能分享赚佣金");

        // nothing left of either SKU: none can be chosen, so the lowest price is a "from" price
        jdbc.sql("update sku set stock = 0 where product_id = ?").param(product[0]).update();
        assertThat(text(visitor.get("/p/" + product[0]).body(), "price")).isEqualTo("¥800.00 起");
        assertThat(text(visitor.get("/p/" + product[0] + "?lang=en").body(), "price")).isEqualTo("from ¥800.00");
    }

    @Test
    void appClientsGetTheirOwnShopsLinksAndPostersAsPng() {
        long[] product = twoSkuProduct("海报商品");
        Member sharer = fixtures.member("海报店主");
        String code = openShop(sharer);

        Response shop = sharer.session().get("/api/me/shop/share");
        assertThat(shop.status()).isEqualTo(200);
        assertThat(shop.json().get("url").asString()).endsWith("/s/" + code);
        assertThat(shop.json().get("shopCode").asString()).isEqualTo(code);
        // a member at the default tier (会员, 60 %) of the first SKU's ¥400.00
        assertThat(sharer.session().get("/api/me/shop/share/products/" + product[0]).json().get("earning").get("fen").asLong()).isEqualTo(24_000);

        for (String poster : List.of("/api/me/shop/share/poster.png", "/api/me/shop/share/products/" + product[0] + "/poster.png")) {
            byte[] png = sharer.session().getBytes(poster);
            assertThat(png).as(poster).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        }

        Response noShop = fixtures.member("没店的人").session().get("/api/me/shop/share/products/" + product[0]);
        assertThat(noShop.status()).isEqualTo(404);
        assertThat(noShop.header("content-type")).startsWith("application/problem+json");
        assertThat(noShop.json().get("detail").asString()).isEqualTo("你还没有开店");
        assertThat(new HttpSession(port).get("/api/me/shop/share").status()).isEqualTo(401);
        assertThat(sharer.session().get("/api/me/shop/share/products/" + product[0] + "?skuId=" + product[0] * 1000).status()).isEqualTo(404);

        String contract = new HttpSession(port).get("/v3/api-docs").body();
        assertThat(contract).contains("/api/me/shop/share/products/{productId}/poster.png", "/api/me/shop/share/poster.png", "image/png");
    }
}
