package com.kinshop.review;

import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.Purchases;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Received order lines to review, and reviews posted over HTTP as the app's clients do (multipart). */
class ReviewFixtures {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final Fixtures fixtures;
    private final Purchases purchases;
    private final JdbcClient jdbc;

    ReviewFixtures(Fixtures fixtures, Purchases purchases, JdbcClient jdbc) {
        this.fixtures = fixtures;
        this.purchases = purchases;
        this.jdbc = jdbc;
    }

    /** A supplier with a product on sale: its staff, product id and SKU id. */
    record Shop(Staff staff, long productId, long skuId) {
    }

    /** A line bought by {@code buyer}, paid, shipped and received. */
    record Received(Member buyer, Shop shop, String orderNumber, long lineId) {
    }

    Shop shop(String name) {
        Staff staff = fixtures.supplier(name);
        long[] ids = fixtures.onSale(staff, name + "的商品", 5_000, 500);
        return new Shop(staff, ids[0], ids[1]);
    }

    Received received(Shop shop, Member buyer) {
        String order = paid(shop, buyer);
        Response shipped = shop.staff().session().post("/api/supplier/orders/" + order + "/shipment",
                Map.of("carrier", "顺丰速运", "trackingNumber", "SF" + System.nanoTime()));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        Response received = buyer.session().post("/api/me/orders/" + order + "/receipt", Map.of());
        assertThat(received.status()).as(received.body()).isEqualTo(200);
        return new Received(buyer, shop, order, lineOf(order));
    }

    /** Paid, not shipped: not reviewable yet. */
    String paid(Shop shop, Member buyer) {
        return purchases.placeAndPay(buyer, 1, shop.skuId()).orderNumbers().get(0);
    }

    long lineOf(String order) {
        return jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ?").param(order).query(Long.class).single();
    }

    static Map<String, Object> stars(long lineId, int product, int logistics, int service, String text) {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("orderLineId", lineId);
        review.put("productStars", product);
        review.put("logisticsStars", logistics);
        review.put("serviceStars", service);
        review.put("text", text);
        return review;
    }

    /** POST /api/reviews: the review as a JSON part, the images as 'images' parts. */
    static Response post(HttpSession session, Map<String, Object> review, List<byte[]> images) {
        return multipart(session, "/api/reviews", Map.of(), Map.of("review", review), images, "image/png");
    }

    static Response followUp(HttpSession session, long reviewId, String text, List<byte[]> images) {
        Map<String, Object> followUp = new LinkedHashMap<>();
        followUp.put("text", text);
        return multipart(session, "/api/reviews/" + reviewId + "/follow-up", Map.of(), Map.of("followUp", followUp), images, "image/png");
    }

    static Response review(Received line, int stars, String text) {
        Response posted = post(line.buyer().session(), stars(line.lineId(), stars, 5, 5, text), List.of());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted;
    }

    /** A multipart request as browsers and apps send it: plain fields, JSON parts, image parts. */
    static Response multipart(HttpSession session, String path, Map<String, String> fields, Map<String, Object> jsonParts, List<byte[]> images,
                              String imageType) {
        String boundary = "----kinshop" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        jsonParts.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + JSON.writeValueAsString(value) + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (byte[] image : images) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"images\"; filename=\"photo\"\r\nContent-Type: " + imageType
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(image);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session.postRaw(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    long count(String table, String where, Object... params) {
        return jdbc.sql("select count(*) from " + table + " where " + where).params(params).query(Long.class).single();
    }

    List<Object> rating(long productId) {
        return jdbc.sql("""
                        select review_count, star_sum, stars_1, stars_2, stars_3, stars_4, stars_5, with_images, follow_ups, negative
                        from product_rating where product_id = ?""").param(productId)
                .query((rs, n) -> List.<Object>of(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        rs.getInt(8), rs.getInt(9), rs.getInt(10)))
                .optional().orElse(List.of());
    }
}
