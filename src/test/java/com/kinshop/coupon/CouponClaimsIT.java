package com.kinshop.coupon;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountRegistered;
import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Claiming coupons: the database keeps the total and the per-member limit under concurrency; new members get theirs. */
@KinshopIT
class CouponClaimsIT extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void sixtyFourSimultaneousClaimsOfTheLastCouponMakeExactlyOneClaim() throws Exception {
        long template = platformTemplate(Map.of("totalQuantity", 1, "perMemberLimit", 1));
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            members.add(fixtures.member("抢券" + i));
        }
        AtomicInteger next = new AtomicInteger();
        List<Response> responses = Concurrently.all(64, () -> members.get(next.getAndIncrement() % 16).session()
                .post("/api/coupons/" + template + "/claims", Map.of()));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(63).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).as("the count is checked first: the winner's own extra claims find none left too")
                    .isEqualTo("coupon.claim.sold-out");
            assertThat(r.fieldError("templateId")).isNotBlank();
        });
        assertThat(claimed(template)).isEqualTo(1);
        assertThat(held(template)).isEqualTo(1);
    }

    @Test
    void oneMembersSimultaneousClaimsStopAtTheLimit() throws Exception {
        long template = platformTemplate(Map.of("totalQuantity", 100, "perMemberLimit", 2));
        Member member = fixtures.member("手快");

        List<Response> responses = Concurrently.all(20, () -> member.session().post("/api/coupons/" + template + "/claims", Map.of()));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(2);
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(18).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("coupon.claim.limit-reached");
            assertThat(r.fieldError("templateId")).contains("2");
        });
        assertThat(claimed(template)).as("refused claims gave their count back").isEqualTo(2);
        assertThat(held(template)).isEqualTo(2);
        JsonNode center = member.session().get("/api/coupons").json();
        JsonNode mine = find(center, template);
        assertThat(mine.get("heldByMe").asInt()).isEqualTo(2);
        assertThat(mine.get("canClaim").asBoolean()).isFalse();
        // an app shows the 领券中心 and the red packets before sign-in, as the pages do; claiming still needs a member
        HttpSession visitor = new HttpSession(port);
        Response anonymousCentre = visitor.get("/api/coupons");
        assertThat(anonymousCentre.status()).isEqualTo(200);
        assertThat(find(anonymousCentre.json(), template).get("heldByMe").asInt()).isZero();
        assertThat(visitor.get("/api/red-packets").status()).isEqualTo(200);
        assertThat(visitor.post("/api/coupons/" + template + "/claims", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void myCouponsAreUnusedThenExpiredAndAnEndedTemplateCannotBeClaimed() {
        long template = platformTemplate(Map.of("validDays", 1, "totalQuantity", 10, "perMemberLimit", 1));
        Member member = fixtures.member("领券");
        assertThat(find(member.session().get("/api/coupons").json(), template).get("canClaim").asBoolean()).isTrue();
        Response claimed = member.session().post("/api/coupons/" + template + "/claims", Map.of());
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
        long coupon = claimed.json().get("id").asLong();
        assertThat(claimed.json().get("state").asString()).isEqualTo("UNUSED");
        assertThat(claimed.json().get("headline").asString()).isEqualTo("满99减10");

        assertThat(ids(member.session().get("/api/me/coupons?state=unused"))).containsExactly(coupon);
        assertThat(ids(member.session().get("/api/me/coupons?state=expired"))).isEmpty();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(ids(member.session().get("/api/me/coupons?state=unused"))).isEmpty();
        assertThat(ids(member.session().get("/api/me/coupons?state=expired"))).containsExactly(coupon);
        assertThat(ids(member.session().get("/api/me/coupons?state=used"))).isEmpty();
        assertThat(member.session().get("/api/me/coupons?state=sometimes").status()).isEqualTo(400);

        Response ended = fixtures.operator().post("/api/admin/coupon-templates/" + template + "/end", Map.of());
        assertThat(ended.json().get("active").asBoolean()).isFalse();
        Member late = fixtures.member("来晚了");
        Response refused = late.session().post("/api/coupons/" + template + "/claims", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("coupon.claim.ended");
        assertThat(find(late.session().get("/api/coupons").json(), template)).as("ended: gone from the 领券中心").isNull();
        assertThat(late.session().post("/api/coupons/99999999/claims", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aNewMemberCouponIsGrantedAtRegistrationAndCannotBeClaimed() throws Exception {
        long template = platformTemplate(Map.of("newMember", true, "validDays", 7, "totalQuantity", 1000));
        try {
            Member existing = fixtures.member("老会员");
            Response refused = existing.session().post("/api/coupons/" + template + "/claims", Map.of());
            assertThat(refused.status()).isEqualTo(409);

            Member newcomer = fixtures.member("新人");
            Purchases.await("the new-member coupon", () -> held(template, newcomer.id()) == 1);
            JsonNode coupons = newcomer.session().get("/api/me/coupons").json();
            assertThat(coupons).anySatisfy(c -> assertThat(c.get("title").asString()).isEqualTo("新人券"));

            // the registration delivered twice more, at once: still one coupon, and the template counts exactly what was given
            // publications are stamped with the app's clock; one not yet tried is one still on its way (a delivery that
            // failed stays PUBLISHED with an attempt counted, as an earlier test's may: not this test's business)
            java.time.Instant since = clock.instant();
            AccountRegistered again = new AccountRegistered(new AccountId(newcomer.id()), clock.instant());
            List<String> deliveries = Concurrently.all(2, () -> {
                transactions.executeWithoutResult(status -> events.publishEvent(again));
                return "delivered";
            });
            assertThat(deliveries).containsOnly("delivered");
            try {
                org.awaitility.Awaitility.await("both deliveries handled").atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                                select count(*) from event_publication where event_type like '%AccountRegistered' and publication_date >= ?
                                  and listener_id like '%CouponClaims%' and completion_date is null and coalesce(completion_attempts, 0) = 0""")
                        .param(since.atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single() == 0);
            } catch (org.awaitility.core.ConditionTimeoutException stuck) {
                // what the listeners' threads and the database are doing, for the report
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    if (thread.getName().startsWith("task-")) {
                        System.err.println("--- " + thread.getName() + " " + thread.getState());
                        java.util.Arrays.stream(stack).limit(40).forEach(frame -> System.err.println("    at " + frame));
                    }
                });
                jdbc.sql("select pid, state, wait_event_type, wait_event, left(query, 160) as query from pg_stat_activity where datname = current_database()")
                        .query().listOfRows().forEach(row -> System.err.println("--- pg " + row));
                jdbc.sql("select listener_id, status, publication_date, completion_attempts from event_publication where completion_date is null")
                        .query().listOfRows().forEach(row -> System.err.println("--- publication " + row));
                throw stuck;
            }
            assertThat(held(template, newcomer.id())).isEqualTo(1);
            assertThat(jdbc.sql("select claimed from coupon_template where id = ?").param(template).query(Integer.class).single())
                    .as("claimed counts the coupons given, never a redelivery")
                    .isEqualTo(jdbc.sql("select count(*) from member_coupon where template_id = ?").param(template).query(Integer.class).single());
        } finally {
            // every account registered later in this application would get one too, and its checkouts a discount
            assertThat(fixtures.operator().post("/api/admin/coupon-templates/" + template + "/end", Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void supplierTemplatesAreTheSuppliersOwnWithTheirFigures() {
        Staff tea = fixtures.supplier("券茶行");
        Staff other = fixtures.supplier("别家茶行");
        long[] product = fixtures.onSale(tea, "券茶", 5000, 10);
        Map<String, Object> body = new HashMap<>(Map.of("title", "茶行满减", "kind", "AMOUNT_OFF", "amountFen", 500, "thresholdFen", 5000,
                "scope", "PRODUCT", "targetId", product[0], "validDays", 30, "totalQuantity", 5, "perMemberLimit", 1));
        Response created = tea.session().post("/api/supplier/coupon-templates", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("supplierId").asLong()).isEqualTo(tea.supplierId());
        assertThat(created.json().get("claimed").asInt()).isZero();
        assertThat(created.json().get("cost").get("fen").asLong()).isZero();

        Response foreign = other.session().post("/api/supplier/coupon-templates", body);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.fieldError("targetId")).isNotBlank();
        assertThat(other.session().get("/api/supplier/coupon-templates").json()).isEmpty();
        assertThat(other.session().post("/api/supplier/coupon-templates/" + created.json().get("id").asLong() + "/end", Map.of()).status())
                .as("someone else's template is not found").isEqualTo(404);
        assertThat(tea.session().get("/api/supplier/coupon-templates").json()).hasSize(1);

        long[] otherProduct = fixtures.onSale(other, "别家茶", 5000, 10);
        long platform = platformTemplate(Map.of("title", "全场券"));
        long teaTemplate = created.json().get("id").asLong();
        Member shopper = fixtures.member("看商品券");
        JsonNode forTea = shopper.session().get("/api/coupons?productId=" + product[0]).json();
        assertThat(find(forTea, teaTemplate)).as("the supplier's coupon for this product").isNotNull();
        assertThat(find(forTea, platform)).isNotNull();
        JsonNode forOther = shopper.session().get("/api/coupons?productId=" + otherProduct[0]).json();
        assertThat(find(forOther, teaTemplate)).as("not on another supplier's product").isNull();
        assertThat(find(forOther, platform)).isNotNull();
        assertThat(shopper.session().get("/api/coupons?productId=99999999").status()).isEqualTo(404);
        assertThat(tea.session().get("/api/admin/coupon-templates").status()).isEqualTo(403);
    }

    private long platformTemplate(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("title", overrides.containsKey("newMember") ? "新人券" : "满99减10", "kind", "AMOUNT_OFF",
                "amountFen", 1000, "thresholdFen", 9900, "scope", "PLATFORM", "validDays", 7, "totalQuantity", 10, "perMemberLimit", 1));
        body.putAll(overrides);
        Response created = fixtures.operator().post("/api/admin/coupon-templates", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private int claimed(long template) {
        return jdbc.sql("select claimed from coupon_template where id = ?").param(template).query(Integer.class).single();
    }

    private int held(long template) {
        return jdbc.sql("select count(*) from member_coupon where template_id = ?").param(template).query(Integer.class).single();
    }

    private int held(long template, long member) {
        return jdbc.sql("select count(*) from member_coupon where template_id = ? and member_id = ?").params(template, member).query(Integer.class).single();
    }

    private static JsonNode find(JsonNode list, long template) {
        for (JsonNode node : list) {
            if (node.get("templateId").asLong() == template) {
                return node;
            }
        }
        return null;
    }

    private static List<Long> ids(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }
}
