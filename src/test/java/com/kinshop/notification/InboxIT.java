package com.kinshop.notification;

import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages (站内信) as their readers see them: every argument filled in, in Chinese and in English, on the page and in the
 * API; and their time in the display zone (Beijing), in both.
 */
@KinshopIT
class InboxIT extends MoneyPathTest {

    @Test
    void orderShipmentRefundAndCommissionMessagesAreRenderedWithTheirArgumentsInBothLanguages() {
        Staff supplier = fixtures.supplier("站内信供应商");
        long sku = fixtures.onSale(supplier, "站内信商品", 1_999, 10)[1];
        Member sharer = fixtures.member("站内信分享者");
        String shop = Fixtures.openShop(sharer, "站内信小店", "m");
        Member buyer = fixtures.member("站内信买家");
        Fixtures.bindTo(buyer, shop);

        String shipped = purchases.placeAndPay(buyer, 1, sku).orderNumbers().get(0);
        assertThat(supplier.session().post("/api/supplier/orders/" + shipped + "/shipment", Map.of("carrier", "顺丰", "trackingNumber", "SF20261206"))
                .status()).isEqualTo(200);
        String refunded = purchases.placeAndPay(buyer, 1, sku).orderNumbers().get(0);
        long line = jdbc.sql("select id from order_line where order_id = ?").param(purchases.orderId(refunded)).query(Long.class).single();
        Response request = buyer.session().post("/api/me/orders/" + refunded + "/after-sales",
                Map.of("lineId", line, "kind", "REFUND_ONLY", "quantity", 1, "reason", "不想要了"));
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        assertThat(supplier.session().post("/api/supplier/after-sales/" + request.json().get("number").asString() + "/approve", Map.of()).status())
                .isEqualTo(200);
        awaitMessages(buyer, 5); // paid twice, shipped, refund accepted, refunded
        awaitMessages(sharer, 2); // a commission estimated on each order

        List<String> chinese = List.of(
                "订单 " + shipped + " 支付成功，实付 ¥19.99，等待商家发货",
                "订单 " + shipped + " 已发货：顺丰 SF20261206",
                "订单 " + refunded + " 退款 ¥19.99 已原路退回");
        List<String> english = List.of(
                "Order " + shipped + " is paid (¥19.99); the supplier will ship it soon",
                "Order " + shipped + " has shipped: 顺丰 SF20261206",
                "Refund of ¥19.99 for order " + refunded + " is on its way back to you");
        assertThat(apiTexts(buyer, "zh-CN")).containsAll(chinese).allSatisfy(InboxIT::fullyRendered);
        assertThat(apiTexts(buyer, "en")).containsAll(english).allSatisfy(InboxIT::fullyRendered);
        assertThat(apiTexts(sharer, "zh-CN")).anySatisfy(text -> assertThat(text).matches("订单 " + shipped + " 为你带来 1 级预估佣金 ¥\\d+\\.\\d\\d，订单完成后可提现"))
                .allSatisfy(InboxIT::fullyRendered);
        assertThat(apiTexts(sharer, "en")).anySatisfy(text -> assertThat(text)
                .matches("Order " + refunded + " earned you a level-1 commission of ¥\\d+\\.\\d\\d \\(estimated; withdrawable once the order completes\\)"))
                .allSatisfy(InboxIT::fullyRendered);

        String chinesePage = page(buyer, "/me/messages");
        chinese.forEach(text -> assertThat(chinesePage).contains(text));
        fullyRendered(chinesePage);
        String englishPage = page(buyer, "/me/messages?lang=en");
        english.forEach(text -> assertThat(englishPage).contains(text));
        fullyRendered(englishPage);
        String sharerPage = page(sharer, "/me/messages?lang=en");
        assertThat(sharerPage).contains("Order " + shipped + " earned you a level-1 commission of ¥");
        fullyRendered(sharerPage);
    }

    @Test
    void aMessagesTimeIsBeijingTimeOnThePageAndInTheApi() {
        Staff supplier = fixtures.supplier("站内信时间供应商");
        long sku = fixtures.onSale(supplier, "站内信时间商品", 1_000, 10)[1];
        Member buyer = fixtures.member("站内信时间买家");
        purchases.placeAndPay(buyer, 1, sku);
        awaitMessages(buyer, 1);
        jdbc.sql("update inbox_message set created_at = ? where account_id = ?").params(OffsetDateTime.parse("2026-12-06T11:30:00Z"), buyer.id()).update();

        assertThat(buyer.session().get("/api/me/messages").json().get("messages").get(0).get("createdAt").asString())
                .isEqualTo("2026-12-06T19:30:00+08:00");
        assertThat(page(buyer, "/me/messages")).contains("2026-12-06 19:30").doesNotContain("2026-12-06 11:30");
        assertThat(buyer.session().get("/v3/api-docs").body()).as("the API's time format is documented on its time fields")
                .contains("ISO-8601 with the offset of the display zone (kinshop.time-zone, Asia/Shanghai by default)");
    }

    private void awaitMessages(Member reader, int count) {
        Purchases.await(count + " messages", () -> jdbc.sql("select count(*) from inbox_message where account_id = ?").param(reader.id())
                .query(Integer.class).single() >= count);
    }

    private static List<String> apiTexts(Member reader, String language) {
        Response response = reader.session().language(language).get("/api/me/messages");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        for (JsonNode message : response.json().get("messages")) {
            texts.add(message.get("text").asString());
        }
        reader.session().language("zh-CN");
        return texts;
    }

    private static String page(Member reader, String path) {
        Response response = reader.session().get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** No placeholder left unfilled, no array printed in place of its elements. */
    static void fullyRendered(String text) {
        assertThat(text).doesNotContain("[Ljava").doesNotContainPattern("\\{\\d");
    }
}
