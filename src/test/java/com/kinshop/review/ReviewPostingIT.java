package com.kinshop.review;

import com.kinshop.review.ReviewFixtures.Received;
import com.kinshop.review.ReviewFixtures.Shop;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Posting reviews, follow-ups and replies over HTTP on the real app: the happy path, the race, and every bad input leaving nothing behind. */
@KinshopIT
@Import(StarsCountedRecorder.class)
class ReviewPostingIT extends MoneyPathTest {

    ReviewFixtures reviews;

    @BeforeEach
    void reviewFixtures() {
        reviews = new ReviewFixtures(fixtures, purchases, jdbc);
    }

    @Test
    void aReceivedLineIsReviewedOnceWithImagesCountsInTheRatingsAndPublishesStarsCountedOnce() throws Exception {
        Shop shop = reviews.shop("好评果园");
        Received line = reviews.received(shop, fixtures.member("张三丰"));
        var fields = ReviewFixtures.stars(line.lineId(), 4, 5, 3, "橙子很甜，汁水多，包装也很结实。");
        fields.put("anonymous", true);
        Response posted = ReviewFixtures.post(line.buyer().session(), fields, List.of(Fixtures.png(400, 300), Fixtures.png(200, 200)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().get("status").asString()).isEqualTo("COUNTED");
        long id = posted.json().get("id").asLong();
        // 评价 again from the order page: to 我的评价 (where the follow-up is written), saying why
        Response reviewAgain = line.buyer().session().get("/me/reviews/new?line=" + line.lineId());
        assertThat(reviewAgain.status()).isEqualTo(302);
        assertThat(reviewAgain.header("Location")).endsWith("/me/reviews");
        assertThat(line.buyer().session().get("/me/reviews").body()).contains("这件商品已经评价过了，可以在下面追评");

        assertThat(reviews.rating(shop.productId())).containsExactly(1, 4L, 0, 0, 0, 1, 0, 1, 0, 0);
        com.kinshop.support.Purchases.await("StarsCounted heard", () -> StarsCountedRecorder.heardFor(id).size() == 1);
        ReviewEvents.StarsCounted heard = StarsCountedRecorder.heardFor(id).get(0);
        assertThat(heard.orderLineId()).isEqualTo(line.lineId());
        assertThat(heard.product().value()).isEqualTo(shop.productId());
        assertThat(heard.supplier().value()).isEqualTo(shop.staff().supplierId());
        assertThat(List.of(heard.productStars(), heard.logisticsStars(), heard.serviceStars())).containsExactly(4, 5, 3);

        Response page = new com.kinshop.support.HttpSession(port).get("/api/catalog/products/" + shop.productId() + "/reviews");
        var shown = page.json().get("reviews").get(0);
        assertThat(shown.get("author").asString()).as("anonymous: the name masked").isEqualTo("张**");
        assertThat(shown.get("images")).hasSize(2);
        assertThat(shown.get("images").get(0).asString()).startsWith("/media/reviews/");
        assertThat(shown.get("text").asString()).isEqualTo("橙子很甜，汁水多，包装也很结实。");
        Response productPage = new com.kinshop.support.HttpSession(port).get("/p/" + shop.productId());
        assertThat(productPage.status()).isEqualTo(200);
        assertThat(productPage.body()).contains("data-testid=\"product-reviews\"").contains("张**").contains("1 条评价");
        Response productPageEn = new com.kinshop.support.HttpSession(port).get("/p/" + shop.productId() + "?lang=en");
        assertThat(productPageEn.body()).contains("1 review<").contains("With photos 1");
        String search = new com.kinshop.support.HttpSession(port).get("/search?q=" + java.net.URLEncoder.encode("好评果园的商品", java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(search).as("the product card shows the score").contains("data-testid=\"card-score\"").contains("4.0 分 · 1 条评价");
        Response rating = new com.kinshop.support.HttpSession(port).get("/api/catalog/products/" + shop.productId() + "/rating");
        assertThat(rating.json().get("count").asInt()).isEqualTo(1);
        assertThat(rating.json().get("average").asDouble()).isEqualTo(4.0);
        assertThat(rating.json().get("withImages").asInt()).isEqualTo(1);
        // a raw request: the contract validator reads a repeated query parameter as "not an array" although the document says array
        var several = tools.jackson.databind.json.JsonMapper.builder().build().readTree(java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/catalog/ratings?ids=999999999,"
                        + shop.productId() + ",999999999")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        assertThat(several.size()).as("each product once, in the order asked").isEqualTo(2);
        assertThat(several.get(0).get("count").asInt()).as("no counted reviews").isZero();
        assertThat(several.get(1).get("count").asInt()).isEqualTo(1);
        String tooMany = java.util.stream.LongStream.rangeClosed(1, 101).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(","));
        var refused = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/api/catalog/ratings?ids=" + tooMany)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"ids\"").contains("一次最多查询 100 个商品");

        java.util.Set<String> filesBefore = reviewFiles();
        Response again = ReviewFixtures.post(line.buyer().session(), ReviewFixtures.stars(line.lineId(), 1, 1, 1, "再评一次"),
                List.of(Fixtures.png(317, 211)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(reviewFiles()).as("a refused review leaves no image file").isEqualTo(filesBefore);
        assertThat(again.fieldError("orderLineId")).isEqualTo("这件商品已经评价过了，每件商品只能评价一次");
        assertThat(reviews.count("review", "order_line_id = ?", line.lineId())).isEqualTo(1);
        assertThat(reviews.rating(shop.productId())).as("unchanged").containsExactly(1, 4L, 0, 0, 0, 1, 0, 1, 0, 0);
    }

    @Test
    void twoSimultaneousReviewsOfOneLineStoreExactlyOne() throws Exception {
        Shop shop = reviews.shop("并发评价果园");
        for (int round = 0; round < 3; round++) {
            Received line = reviews.received(shop, fixtures.member("并发买家" + round));
            List<Response> answers = Concurrently.all(2, () -> ReviewFixtures.post(line.buyer().session(),
                    ReviewFixtures.stars(line.lineId(), 3, 3, 3, "同时提交"), List.of()));
            assertThat(answers).extracting(Response::status).as(answers.toString()).containsExactlyInAnyOrder(201, 409);
            Response refused = answers.stream().filter(answer -> answer.status() == 409).findFirst().orElseThrow();
            assertThat(refused.json().get("code").asString()).isEqualTo("reviews.already");
            assertThat(reviews.count("review", "order_line_id = ?", line.lineId())).isEqualTo(1);
        }
        assertThat(reviews.rating(shop.productId()).get(0)).as("three lines, three counted reviews").isEqualTo(3);
        assertThat(reviews.rating(shop.productId()).get(1)).isEqualTo(9L);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        Shop shop = reviews.shop("差输入果园");
        Member buyer = fixtures.member("差输入买家");
        Received line = reviews.received(shop, buyer);
        String unshipped = reviews.paid(shop, buyer);
        Member stranger = fixtures.member("路人");
        var session = buyer.session();

        assertThat(ReviewFixtures.post(session, ReviewFixtures.stars(line.lineId(), 0, 5, 5, ""), List.of()).fieldError("productStars"))
                .isEqualTo("请选择 1 到 5 星");
        assertThat(ReviewFixtures.post(session.language("en"), ReviewFixtures.stars(line.lineId(), 5, 6, 5, ""), List.of()).fieldError("logisticsStars"))
                .isEqualTo("Choose 1 to 5 stars");
        session.language("zh-CN");
        assertThat(ReviewFixtures.post(session, ReviewFixtures.stars(line.lineId(), 5, 5, -1, ""), List.of()).fieldError("serviceStars"))
                .isEqualTo("请选择 1 到 5 星");
        assertThat(ReviewFixtures.post(session, ReviewFixtures.stars(line.lineId(), 5, 5, 5, "好".repeat(501)), List.of()).fieldError("text"))
                .isEqualTo("内容不能超过 500 字");
        Response tooMany = ReviewFixtures.post(session, ReviewFixtures.stars(line.lineId(), 5, 5, 5, ""),
                Collections.nCopies(10, Fixtures.png(20, 20)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.fieldError("images")).isEqualTo("最多上传 9 张图片");
        Response notImage = ReviewFixtures.post(session, ReviewFixtures.stars(line.lineId(), 5, 5, 5, ""), List.of("not an image".getBytes()));
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.fieldError("images")).isNotBlank();
        Response oversized = ReviewFixtures.post(session, ReviewFixtures.stars(line.lineId(), 5, 5, 5, ""),
                List.of(new byte[(int) ReviewRules.MAX_IMAGE_BYTES + 1]));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.fieldError("images")).isEqualTo("图片不能超过 2MB");

        Response unreceived = ReviewFixtures.post(session, ReviewFixtures.stars(reviews.lineOf(unshipped), 5, 5, 5, ""), List.of());
        assertThat(unreceived.status()).isEqualTo(409);
        assertThat(unreceived.fieldError("orderLineId")).isEqualTo("确认收货后才能评价");
        Response someoneElses = ReviewFixtures.post(stranger.session(), ReviewFixtures.stars(line.lineId(), 5, 5, 5, ""), List.of());
        assertThat(someoneElses.status()).isEqualTo(400);
        assertThat(someoneElses.fieldError("orderLineId")).isEqualTo("找不到这件商品的订单");
        Response missing = ReviewFixtures.post(session, Map.of("orderLineId", line.lineId()), List.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.fieldError("productStars")).isNotBlank();

        assertThat(reviews.count("review", "buyer_id = ? or order_line_id = ?", buyer.id(), line.lineId())).isZero();
        assertThat(reviews.count("review_image", "review_id in (select id from review where product_id = ?)", shop.productId())).isZero();
        assertThat(reviews.rating(shop.productId())).isEmpty();
    }

    @Test
    void oneFollowUpWithinNinetyDaysAndTheSupplierRepliesOnceToEach() {
        Shop shop = reviews.shop("追评果园");
        Received line = reviews.received(shop, fixtures.member("追评买家"));
        long id = ReviewFixtures.review(line, 5, "第一印象很好").json().get("id").asLong();

        Member stranger = fixtures.member("冒名追评");
        assertThat(ReviewFixtures.followUp(stranger.session(), id, "冒名", List.of()).status()).isEqualTo(404);
        assertThat(ReviewFixtures.followUp(line.buyer().session(), id, " ", List.of()).fieldError("text"))
                .isEqualTo("请填写内容");
        Response followed = ReviewFixtures.followUp(line.buyer().session(), id, "吃了一周，依然新鲜", List.of(Fixtures.png(100, 100)));
        assertThat(followed.status()).as(followed.body()).isEqualTo(201);
        Response second = ReviewFixtures.followUp(line.buyer().session(), id, "再追一次", List.of());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.fieldError("text")).isEqualTo("已经追评过了，每条评价只能追评一次");
        assertThat(reviews.count("review_follow_up", "review_id = ?", id)).isEqualTo(1);
        assertThat(reviews.rating(shop.productId())).containsExactly(1, 5L, 0, 0, 0, 0, 1, 1, 1, 0);

        String replies = "/api/supplier/reviews/" + id + "/replies";
        assertThat(shop.staff().session().post(replies, Map.of("part", "REVIEW", "text", "")).fieldError("text")).isEqualTo("请填写内容");
        assertThat(shop.staff().session().post(replies, Map.of("part", "REVIEW", "text", "谢谢支持！")).status()).isEqualTo(201);
        Response twice = shop.staff().session().post(replies + "?lang=en", Map.of("part", "REVIEW", "text", "再谢一次"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.fieldError("text")).isEqualTo("Already replied; the review and its follow-up take one reply each");
        assertThat(shop.staff().session().post(replies, Map.of("part", "FOLLOW_UP", "text", "欢迎再来")).status()).isEqualTo(201);
        assertThat(reviews.count("review_reply", "review_id = ?", id)).isEqualTo(2);
        Shop other = reviews.shop("别家果园");
        assertThat(other.staff().session().post(replies, Map.of("part", "REVIEW", "text", "冒充回复")).status()).isEqualTo(404);

        var shown = line.buyer().session().get("/api/me/reviews").json().get(0);
        assertThat(shown.get("reply").get("text").asString()).isEqualTo("谢谢支持！");
        assertThat(shown.get("followUp").get("text").asString()).isEqualTo("吃了一周，依然新鲜");
        assertThat(shown.get("followUpReply").get("text").asString()).isEqualTo("欢迎再来");

        Received late = reviews.received(shop, fixtures.member("迟到追评"));
        long lateId = ReviewFixtures.review(late, 4, "还行").json().get("id").asLong();
        jdbc.sql("update review set received_at = received_at - interval '91 days' where id = ?").param(lateId).update();
        Response tooLate = ReviewFixtures.followUp(late.buyer().session(), lateId, "太晚了", List.of());
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.fieldError("text")).isEqualTo("确认收货已超过 90 天，不能再追评");
        assertThat(reviews.count("review_follow_up", "review_id = ?", lateId)).isZero();
    }

    @Test
    void aReviewAndItsFollowUpWithoutImagesMayAlsoBeAPlainJsonBody() {
        Shop shop = reviews.shop("JSON评价果园");
        Received line = reviews.received(shop, fixtures.member("JSON买家"));
        assertThat(line.buyer().session().post("/api/reviews", ReviewFixtures.stars(line.lineId(), 7, 5, 5, "太好了")).fieldError("productStars"))
                .isEqualTo("请选择 1 到 5 星");
        Response posted = line.buyer().session().post("/api/reviews", ReviewFixtures.stars(line.lineId(), 4, 5, 5, "不错，下次还买"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(line.buyer().session().post("/api/reviews", ReviewFixtures.stars(line.lineId(), 4, 5, 5, "再评一次")).status()).isEqualTo(409);
        long id = posted.json().get("id").asLong();
        assertThat(line.buyer().session().post("/api/reviews/" + id + "/follow-up", Map.of("text", "用了一周，还是很好")).status()).isEqualTo(201);
        assertThat(reviews.count("review_follow_up", "review_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aLineRefundedAfterItsReviewIsShownAsRefundedAndItsStarsStay() {
        Shop shop = reviews.shop("退款评价果园");
        Received line = reviews.received(shop, fixtures.member("退款买家"));
        ReviewFixtures.review(line, 2, "收到就坏了");
        Response requested = line.buyer().session().post("/api/me/orders/" + line.orderNumber() + "/after-sales",
                Map.of("lineId", line.lineId(), "kind", "REFUND_ONLY", "quantity", 1, "reason", "收到就坏了"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        Response approved = shop.staff().session().post("/api/supplier/after-sales/" + requested.json().get("number").asString() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        com.kinshop.support.Purchases.await("the review says refunded", () -> jdbc.sql("select refunded from review where order_line_id = ?")
                .param(line.lineId()).query(Boolean.class).single());
        var shown = new com.kinshop.support.HttpSession(port).get("/api/catalog/products/" + shop.productId() + "/reviews").json().get("reviews").get(0);
        assertThat(shown.get("refunded").asBoolean()).isTrue();
        assertThat(reviews.rating(shop.productId()).subList(0, 2)).as("the stars stay").containsExactly(1, 2L);
    }

    @Test
    void helpfulVotesOncePerAccountNeverOnOnesOwnAndSortMostUsefulFirst() {
        Shop shop = reviews.shop("有用果园");
        Received first = reviews.received(shop, fixtures.member("第一位"));
        Received second = reviews.received(shop, fixtures.member("第二位"));
        long older = ReviewFixtures.review(first, 5, "先写的").json().get("id").asLong();
        long newer = ReviewFixtures.review(second, 2, "后写的").json().get("id").asLong();
        Member reader = fixtures.member("读者");
        assertThat(reader.session().post("/api/reviews/" + older + "/helpful", Map.of()).json().get("helpfulCount").asInt()).isEqualTo(1);
        Response twice = reader.session().post("/api/reviews/" + older + "/helpful", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(first.buyer().session().post("/api/reviews/" + older + "/helpful", Map.of()).status()).isEqualTo(403);
        assertThat(jdbc.sql("select helpful_count from review where id = ?").param(older).query(Integer.class).single()).isEqualTo(1);

        var anonymous = new com.kinshop.support.HttpSession(port);
        String base = "/api/catalog/products/" + shop.productId() + "/reviews";
        assertThat(anonymous.get(base).json().get("reviews").get(0).get("id").asLong()).isEqualTo(newer);
        assertThat(anonymous.get(base + "?sort=USEFUL").json().get("reviews").get(0).get("id").asLong()).isEqualTo(older);
        assertThat(anonymous.get(base + "?filter=NEGATIVE").json().get("reviews")).hasSize(1);
        assertThat(anonymous.get(base + "?filter=NEGATIVE").json().get("reviews").get(0).get("id").asLong()).isEqualTo(newer);
        assertThat(anonymous.get(base + "?filter=IMAGES").json().get("reviews")).isEmpty();
        assertThat(anonymous.get(base + "?filter=BOGUS").status()).isEqualTo(400);
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.kinshop.shared.MediaStore media;

    private java.util.Set<String> reviewFiles() {
        java.nio.file.Path folder = media.root().resolve("reviews");
        if (!java.nio.file.Files.isDirectory(folder)) {
            return java.util.Set.of();
        }
        try (var files = java.nio.file.Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
