package com.kinshop.review;

import com.kinshop.review.ReviewFixtures.Received;
import com.kinshop.review.ReviewFixtures.Shop;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's hiding (audited, stars still counted) and the brushing flags (excluded until cleared, counted once). */
@KinshopIT
@Import(StarsCountedRecorder.class)
class ReviewModerationIT extends MoneyPathTest {

    ReviewFixtures reviews;

    @BeforeEach
    void reviewFixtures() {
        reviews = new ReviewFixtures(fixtures, purchases, jdbc);
    }

    @Test
    void theOperatorsHideIsAuditedShowsTheNoticeAndKeepsTheStarsCounted() {
        Shop shop = reviews.shop("隐藏果园");
        Received line = reviews.received(shop, fixtures.member("违规买家"));
        long id = ReviewFixtures.review(line, 2, "加我微信 abc123 低价代购").json().get("id").asLong();
        assertThat(shop.staff().session().post("/api/supplier/reviews/" + id + "/replies", Map.of("part", "REVIEW", "text", "抱歉")).status())
                .isEqualTo(201);
        List<Object> before = reviews.rating(shop.productId());
        assertThat(before).containsExactly(1, 2L, 0, 1, 0, 0, 0, 0, 0, 1);

        String hide = "/api/admin/reviews/" + id + "/hide";
        Response noReason = fixtures.operator().post(hide, Map.of("target", "REVIEW"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.fieldError("reason")).isEqualTo("请从列表中选择隐藏原因");
        Response badReason = fixtures.operator().post(hide, Map.of("target", "REVIEW", "reason", "DISLIKE"));
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(badReason.fieldError("reason")).isNotBlank();
        Response bySupplier = shop.staff().session().post(hide, Map.of("target", "REVIEW", "reason", "ADVERTISING"));
        assertThat(bySupplier.status()).as("a supplier cannot hide").isEqualTo(403);
        assertThat(line.buyer().session().post(hide, Map.of("target", "REVIEW", "reason", "ADVERTISING")).status()).isEqualTo(403);
        assertThat(reviews.count("review_moderation", "review_id = ?", id)).isZero();

        assertThat(fixtures.operator().post(hide, Map.of("target", "REVIEW", "reason", "ADVERTISING")).status()).isEqualTo(204);
        assertThat(fixtures.operator().post(hide, Map.of("target", "REPLY", "reason", "ABUSE")).status()).isEqualTo(204);
        Response again = fixtures.operator().post(hide, Map.of("target", "REVIEW", "reason", "ILLEGAL"));
        assertThat(again.status()).isEqualTo(409);
        Response noFollowUp = fixtures.operator().post(hide, Map.of("target", "FOLLOW_UP", "reason", "ILLEGAL"));
        assertThat(noFollowUp.status()).isEqualTo(404);

        long operatorId = jdbc.sql("select id from account where phone = ?").param(Fixtures.OPERATOR_PHONE).query(Long.class).single();
        assertThat(jdbc.sql("select target, reason, operator_id from review_moderation where review_id = ? order by id").param(id)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getLong(3)).list())
                .containsExactly("REVIEW/ADVERTISING/" + operatorId, "REPLY/ABUSE/" + operatorId);
        Response audit = fixtures.operator().get("/api/admin/reviews/moderation");
        assertThat(audit.json().get(0).get("reviewId").asLong()).isEqualTo(id);

        var shown = new HttpSession(port).get("/api/catalog/products/" + shop.productId() + "/reviews").json().get("reviews").get(0);
        assertThat(shown.get("hidden").asBoolean()).isTrue();
        assertThat(shown.get("text").isNull()).as("the hidden text is not served").isTrue();
        assertThat(shown.get("reply").get("hidden").asBoolean()).isTrue();
        assertThat(reviews.rating(shop.productId())).as("the stars still count").isEqualTo(before);
        Response voteOnHidden = fixtures.member("隐藏评价点赞者").session().post("/api/reviews/" + id + "/helpful", Map.of());
        assertThat(voteOnHidden.status()).as("hidden content is not voted up the useful sort").isEqualTo(404);
        assertThat(jdbc.sql("select helpful_count from review where id = ?").param(id).query(Integer.class).single()).isZero();
        String page = new HttpSession(port).get("/p/" + shop.productId() + "/reviews").body();
        assertThat(page).contains("该评价因违规被隐藏").doesNotContain("abc123");
        String pageEn = new HttpSession(port).get("/p/" + shop.productId() + "/reviews?lang=en").body();
        assertThat(pageEn).contains("This review was hidden for violating the rules");
    }

    @Test
    void aReviewByTheSuppliersStaffIsFlaggedMovesNothingAndClearingItCountsItOnceEvenWhenTwoOperatorsClearAtOnce() throws Exception {
        Shop shop = reviews.shop("自评果园");
        long staffId = jdbc.sql("select account_id from supplier_staff where supplier_id = ?").param(shop.staff().supplierId())
                .query(Long.class).single();
        Member staffAsBuyer = new Member(shop.staff().session(), shop.staff().phone(), staffId);
        Received line = reviews.received(shop, staffAsBuyer);
        Response posted = ReviewFixtures.review(line, 5, "自家的东西最好");
        long id = posted.json().get("id").asLong();
        assertThat(posted.json().get("status").asString()).isEqualTo("FLAGGED");
        assertThat(jdbc.sql("select flag_reasons from review where id = ?").param(id).query(String.class).single()).contains("SUPPLIER_STAFF");
        assertThat(reviews.rating(shop.productId())).as("a flagged review moves no rating").isEmpty();
        assertThat(new HttpSession(port).get("/api/catalog/products/" + shop.productId() + "/reviews").json().get("reviews")).isEmpty();
        assertThat(StarsCountedRecorder.heardFor(id)).isEmpty();
        var flags = fixtures.operator().get("/api/admin/review-flags").json();
        boolean listed = false;
        for (var flag : flags) {
            listed |= flag.get("reviewId").asLong() == id && flag.get("status").asString().equals("FLAGGED");
        }
        assertThat(listed).as("in the operator's queue: " + flags).isTrue();
        assertThat(shop.staff().session().post("/api/admin/review-flags/" + id + "/clear", Map.of()).status()).isEqualTo(403);

        List<Response> answers = Concurrently.all(2, () -> fixtures.operator().post("/api/admin/review-flags/" + id + "/clear", Map.of()));
        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(204, 409);
        assertThat(reviews.rating(shop.productId())).as("counted once").containsExactly(1, 5L, 0, 0, 0, 0, 1, 0, 0, 0);
        Purchases.await("StarsCounted after clearing", () -> StarsCountedRecorder.heardFor(id).size() == 1);
        assertThat(fixtures.operator().post("/api/admin/review-flags/" + id + "/confirm", Map.of()).status()).isEqualTo(409);
        assertThat(StarsCountedRecorder.heardFor(id)).hasSize(1);
    }

    @Test
    void aBuyerBoundToStaffOrSharingTheirAddressIsFlaggedAndConfirmedBrushingNeverCounts() {
        Shop shop = reviews.shop("刷单果园");
        long staffId = jdbc.sql("select account_id from supplier_staff where supplier_id = ?").param(shop.staff().supplierId())
                .query(Long.class).single();
        Member staff = new Member(shop.staff().session(), shop.staff().phone(), staffId);
        String code = Fixtures.openShop(staff, "员工小店", "st");
        Member friend = fixtures.member("员工好友");
        Fixtures.bindTo(friend, code);
        Received bound = reviews.received(shop, friend);
        long boundId = ReviewFixtures.review(bound, 5, "朋友推荐，五星").json().get("id").asLong();
        assertThat(jdbc.sql("select flag_reasons from review where id = ?").param(boundId).query(String.class).single()).contains("BOUND_TO_STAFF");

        purchases.address(staff); // the same receiver, phone and address every test buyer ships to
        Received sameAddress = reviews.received(shop, fixtures.member("同地址买家"));
        long sameId = ReviewFixtures.review(sameAddress, 5, "同一个地址").json().get("id").asLong();
        assertThat(jdbc.sql("select flag_reasons from review where id = ?").param(sameId).query(String.class).single())
                .contains("SHARES_STAFF_PHONE").contains("SHARES_STAFF_ADDRESS");

        assertThat(fixtures.operator().post("/api/admin/review-flags/" + boundId + "/confirm", Map.of()).status()).isEqualTo(204);
        assertThat(fixtures.operator().post("/api/admin/review-flags/" + boundId + "/clear", Map.of()).status()).isEqualTo(409);
        assertThat(jdbc.sql("select status from review where id = ?").param(boundId).query(String.class).single()).isEqualTo("BRUSHED");
        assertThat(reviews.rating(shop.productId())).isEmpty();
        assertThat(StarsCountedRecorder.heardFor(boundId)).isEmpty();
    }

    @Test
    void aBurstOfFiveStarReviewsOnANewProductFlagsTheFifth() {
        Shop shop = reviews.shop("爆发果园");
        for (int i = 1; i <= 4; i++) {
            Response posted = ReviewFixtures.review(reviews.received(shop, fixtures.member("爆发买家" + i)), 5, "五星" + i);
            assertThat(posted.json().get("status").asString()).isEqualTo("COUNTED");
        }
        Response fifth = ReviewFixtures.review(reviews.received(shop, fixtures.member("爆发买家5")), 5, "第五个五星");
        assertThat(fifth.json().get("status").asString()).isEqualTo("FLAGGED");
        assertThat(jdbc.sql("select flag_reasons from review where id = ?").param(fifth.json().get("id").asLong()).query(String.class).single())
                .isEqualTo("FIVE_STAR_BURST");
        Response fourStars = ReviewFixtures.review(reviews.received(shop, fixtures.member("四星买家")), 4, "四星不算爆发");
        assertThat(fourStars.json().get("status").asString()).isEqualTo("COUNTED");
        assertThat(reviews.rating(shop.productId()).subList(0, 2)).containsExactly(5, 24L);
    }
}
