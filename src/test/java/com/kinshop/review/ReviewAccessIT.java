package com.kinshop.review;

import com.kinshop.review.ReviewFixtures.Received;
import com.kinshop.review.ReviewFixtures.Shop;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access control over every review endpoint, enumerated from the app's handler mappings so a new one is covered
 * (RELIABILITY abuse 13): nothing edits or deletes a review; operator actions refuse everyone else; supplier actions
 * refuse buyers and other suppliers; a buyer cannot act on another buyer's line or review; nothing changes on a refusal.
 */
@KinshopIT
@org.springframework.context.annotation.Import(StarsCountedRecorder.class) // the same application as the other review tests
class ReviewAccessIT extends MoneyPathTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(RequestMethod method, String path) {
    }

    private List<Endpoint> reviewEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, org.springframework.web.method.HandlerMethod handler) -> {
            boolean reviewModule = handler.getBeanType().getPackageName().startsWith("com.kinshop.review");
            for (String path : info.getPatternValues()) {
                boolean reviewPath = path.matches(".*/(reviews?|buyer-reviews|review-flags|ratings?)(/.*)?");
                if (reviewModule || reviewPath) {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    (methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods).forEach(m -> endpoints.add(new Endpoint(m, path)));
                }
            }
        });
        return endpoints;
    }

    @Test
    void noEndpointEditsOrDeletesAReviewAndEveryOneRefusesThoseItIsNotFor() {
        ReviewFixtures reviews = new ReviewFixtures(fixtures, purchases, jdbc);
        Shop shop = reviews.shop("权限果园");
        Received line = reviews.received(shop, fixtures.member("权限买家"));
        long id = ReviewFixtures.review(line, 3, "一般般").json().get("id").asLong();
        Member otherBuyer = fixtures.member("别的买家");
        Shop otherShop = reviews.shop("别家权限果园");

        List<Endpoint> endpoints = reviewEndpoints();
        assertThat(endpoints).as("the review endpoints were found").hasSizeGreaterThan(20);
        assertThat(endpoints).as("no endpoint edits or deletes reviews, follow-ups or replies")
                .noneMatch(e -> e.method() == RequestMethod.DELETE || e.method() == RequestMethod.PUT || e.method() == RequestMethod.PATCH);

        String snapshot = snapshot(id);
        List<String> checked = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String pattern = endpoint.path();
            String path = pattern.startsWith("/api/catalog/products/{id}") || pattern.startsWith("/p/{id}")
                    ? pattern.replace("{id}", String.valueOf(shop.productId()))
                    : pattern.replace("{productId}", String.valueOf(shop.productId())).replaceAll("\\{[a-zA-Z]+}", String.valueOf(id));
            boolean page = !path.startsWith("/api/");
            boolean isPost = endpoint.method() == RequestMethod.POST;
            if (path.startsWith("/api/admin/") || path.startsWith("/console/admin/")) {
                for (HttpSession notOperator : List.of(line.buyer().session(), shop.staff().session(), otherBuyer.session())) {
                    Response answer = send(notOperator, isPost, path);
                    assertThat(answer.status()).as(endpoint + " by a non-operator").isEqualTo(403);
                }
                checked.add(endpoint.toString());
            } else if (path.startsWith("/api/supplier/") || path.startsWith("/console/supplier/")) {
                Response byBuyer = send(line.buyer().session(), isPost, path);
                assertThat(byBuyer.status()).as(endpoint + " by a buyer").isEqualTo(403);
                if (isPost) {
                    Response byOtherSupplier = send(otherShop.staff().session(), true, path);
                    // a page answers a refusal by redirecting to itself with the error; the snapshot proves nothing changed
                    assertThat(byOtherSupplier.status()).as(endpoint + " by another supplier").isEqualTo(page ? 302 : 404);
                }
                checked.add(endpoint.toString());
            } else if (isPost) {
                Response anonymous = send(new HttpSession(port), true, path);
                assertThat(anonymous.status()).as(endpoint + " anonymously").isEqualTo(page ? 302 : 401);
                if (page) {
                    assertThat(anonymous.header("Location")).as(endpoint + " anonymously").contains("/login");
                }
                Response byOtherBuyer = send(otherBuyer.session(), true, path);
                if (path.endsWith("/helpful")) {
                    assertThat(byOtherBuyer.status()).as("any other account may mark it helpful, once").isIn(200, 302, 409);
                } else if (page) {
                    assertThat(byOtherBuyer.status()).as(endpoint + " by another buyer").isEqualTo(302);
                } else {
                    // 400: a line id in the body that is not theirs, named as if it did not exist
                    assertThat(byOtherBuyer.status()).as(endpoint + " by another buyer: " + byOtherBuyer.body()).isIn(400, 403, 404, 409);
                }
                checked.add(endpoint.toString());
            } else {
                Response read = send(new HttpSession(port), false, path + (path.endsWith("/ratings") ? "?ids=" + shop.productId() : path.endsWith("/new") ? "?line=" + line.lineId() : ""));
                assertThat(read.status()).as(endpoint + " read").isLessThan(500);
                checked.add(endpoint.toString());
            }
        }
        assertThat(checked).hasSameSizeAs(endpoints);
        assertThat(snapshot(id)).as("nothing changed by any refused call").isEqualTo(snapshot);
        assertThat(reviews.count("review_moderation", "review_id = ?", id)).isZero();
        assertThat(reviews.count("review_reply", "review_id = ?", id)).isZero();
        assertThat(reviews.count("review_helpful", "review_id = ?", id)).as("another buyer's vote is the one thing allowed").isLessThanOrEqualTo(1);
    }

    private Response send(HttpSession session, boolean post, String path) {
        if (!post) {
            return session.get(path);
        }
        if (path.endsWith("/hide")) {
            return session.post(path, Map.of("target", "REVIEW", "reason", "ILLEGAL"));
        }
        if (path.endsWith("/replies")) {
            return session.post(path, Map.of("part", "REVIEW", "text", "越权回复"));
        }
        long someLine = jdbc.sql("select order_line_id from review order by id desc limit 1").query(Long.class).single();
        if (path.equals("/api/reviews")) {
            return ReviewFixtures.post(session, ReviewFixtures.stars(someLine, 1, 1, 1, "越权"), List.of());
        }
        if (path.startsWith("/api/reviews/") && path.endsWith("/follow-up")) {
            return ReviewFixtures.followUp(session, Long.parseLong(path.split("/")[3]), "越权追评", List.of());
        }
        if (path.equals("/me/reviews") || path.endsWith("/follow-up")) {
            return ReviewFixtures.multipart(session, path, Map.of("orderLineId", String.valueOf(someLine), "productStars", "1", "logisticsStars", "1",
                    "serviceStars", "1", "text", "越权"), Map.of(), List.of(), "image/png");
        }
        return session.post(path, Map.of());
    }

    private String snapshot(long id) {
        return jdbc.sql("""
                        select r.product_stars || '/' || r.text || '/' || coalesce(r.hidden_reason, '-') || '/' || r.status
                               || '/' || (select count(*) from review_follow_up f where f.review_id = r.id)
                               || '/' || (select count(*) from review_reply p where p.review_id = r.id)
                               || '/' || (select count(*) from review_moderation m where m.review_id = r.id)
                        from review r where r.id = ?""").param(id).query(String.class).single();
    }
}
