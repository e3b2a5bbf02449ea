package com.kinshop.shared;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error contract as an outside integrator meets it: every 4xx is problem+json with a localized detail, a stable
 * code and, for a 400, the field or parameter the client actually sent.
 */
@KinshopIT
class ApiErrorsIT extends ApiTest {

    @Test
    void fractionsInIntegerFieldsAreRefusedNotTruncated() {
        Fixtures.Staff staff = fixtures.supplier("小数公司");
        long[] product = fixtures.onSale(staff, "小数商品", 1_000, 5);
        Member buyer = fixtures.member("小数买家");

        Response halfUnit = buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1.5));
        assertThat(halfUnit.status()).as(halfUnit.body()).isEqualTo(400);
        assertThat(halfUnit.fieldError("quantity")).isEqualTo("格式不正确");
        Response fractionalSku = buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1] + 0.9, "quantity", 1));
        assertThat(fractionalSku.status()).as(fractionalSku.body()).isEqualTo(400);
        assertThat(fractionalSku.fieldError("skuId")).isEqualTo("格式不正确");
        assertThat(buyer.session().get("/api/me/cart").json().get("orders").size()).as("nothing was added").isZero();

        buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1));
        Response changed = buyer.session().put("/api/me/cart/items/" + product[1], Map.of("quantity", 2.5));
        assertThat(changed.fieldError("quantity")).as(changed.body()).isEqualTo("格式不正确");

        Response shipping = staff.session().language("en").put("/api/supplier/shipping", Map.of("flatFeeFen", 800.5));
        assertThat(shipping.status()).as(shipping.body()).isEqualTo(400);
        assertThat(shipping.fieldError("flatFeeFen")).isEqualTo("Malformed value");
        assertThat(jdbc.sql("select count(*) from supplier_shipping where supplier_id = ? and flat_fee_fen = 800").param(staff.supplierId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theNulCharacterIsRefusedNamingTheFieldWhereverItComesInAndNothingChanges() {
        Member buyer = fixtures.member("空字符买家");
        assertThat(new HttpSession(port).get("/css/kinshop.css?v=%00").status()).as("files are not checked").isEqualTo(200);
        Response search = new HttpSession(port).get("/api/catalog/products?q=%E9%9B%B6%00");
        assertThat(search.status()).as(search.body()).isEqualTo(400);
        assertThat(search.fieldError("q")).isEqualTo("不能包含空字符（U+0000）");

        Response nickname = buyer.session().language("en").patch("/api/me/profile", Map.of("nickname", "bad\u0000name"));
        assertThat(nickname.status()).as(nickname.body()).isEqualTo(400);
        assertThat(nickname.fieldError("nickname")).isEqualTo("Must not contain the NUL character (U+0000)");
        assertThat(buyer.session().get("/api/me").json().get("nickname").asString()).isEqualTo("空字符买家");

        Response address = buyer.session().language("zh-CN").post("/api/me/addresses", Map.of("receiver", "收\u0000货人", "phone", "13800001111",
                "region", "上海市浦东新区", "detail", "世纪大道 1 号"));
        assertThat(address.status()).as(address.body()).isEqualTo(400);
        assertThat(address.fieldError("receiver")).isEqualTo("不能包含空字符（U+0000）");
        assertThat(buyer.session().get("/api/me/addresses").json().size()).isZero();
    }

    @Test
    void refusalsBeforeTheControllersSpeakTheCallersLanguageChineseByDefault() throws Exception {
        var anonymous = raw(request("/api/me"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        JsonNode problem = JsonMapper.shared().readTree(anonymous.body());
        assertThat(problem.get("detail").asString()).isEqualTo("请先登录");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/me");
        assertThat(JsonMapper.shared().readTree(raw(request("/api/me?lang=en")).body()).get("detail").asString()).isEqualTo("Please sign in first");
        assertThat(raw(request("/api/me").header("Accept-Language", "en;q=2")).statusCode()).as("a malformed Accept-Language is ignored, not a 500")
                .isEqualTo(401);

        var noToken = raw(request("/api/auth/login").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(noToken.statusCode()).isEqualTo(403);
        JsonNode csrf = JsonMapper.shared().readTree(noToken.body());
        assertThat(csrf.get("code").asString()).isEqualTo("auth.csrf");
        assertThat(csrf.get("detail").asString()).contains("X-XSRF-TOKEN");
    }

    /** A request as a bare client sends it: no Accept-Language, no cookies, no CSRF token (HttpSession adds those). */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse<String> raw(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void buyingNowASkuThatDoesNotExistIsRefusedNotAnError() {
        Member buyer = fixtures.member("无此规格买家");
        Response preview = buyer.session().post("/api/me/checkouts/preview", Map.of("skuId", 999_999_999L, "quantity", 1));
        assertThat(preview.status()).as(preview.body()).isEqualTo(400);
        assertThat(preview.fieldError("skuId")).isNotBlank();
        Response buyNow = buyer.session().post("/api/me/checkouts/buy-now", Map.of("skuId", 999_999_999L, "quantity", 1, "addressId", 1),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(buyNow.status()).as(buyNow.body()).isIn(400, 404);
        assertThat(jdbc.sql("select count(*) from orders where buyer_id = ?").param(buyer.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void badPathAndQueryParametersAnswerTheDocumentedProblemInBothLanguages() {
        Member buyer = fixtures.member("参数买家");

        Response badId = buyer.session().put("/api/me/cart/items/abc", Map.of("quantity", 1));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badId.json().get("code").asString()).isEqualTo("request.invalid");
        assertThat(badId.json().get("title").asString()).isEqualTo("请求有误");
        assertThat(badId.fieldError("skuId")).isEqualTo("格式不正确");
        assertThat(badId.json().get("detail").asString()).isEqualTo("skuId: 格式不正确");

        Response badStatus = buyer.session().language("en").get("/api/me/orders?status=nope");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("code").asString()).isEqualTo("request.invalid");
        assertThat(badStatus.json().get("title").asString()).isEqualTo("Bad request");
        assertThat(badStatus.fieldError("status")).startsWith("Must be one of: AWAITING_PAYMENT, ");
        assertThat(buyer.session().language("zh-CN").get("/api/me/orders?status=nope").fieldError("status")).startsWith("取值应为以下之一：AWAITING_PAYMENT, ");

        Fixtures.Staff staff = fixtures.supplier("缺文件公司");
        Response noFile = staff.session().postRaw("/api/supplier/shipments", "multipart/form-data; boundary=empty",
                "--empty--\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noFile.status()).as(noFile.body()).isEqualTo(400);
        assertThat(noFile.fieldError("file")).isEqualTo("缺少此参数");
    }

    @Test
    void aJsonFieldLeftOutOrOutsideItsValuesIsNamedWithWhatIsAccepted() {
        Member buyer = fixtures.member("字段买家");
        Response noLine = buyer.session().post("/api/reviews", Map.of("productStars", 5, "logisticsStars", 5, "serviceStars", 5));
        assertThat(noLine.status()).as(noLine.body()).isEqualTo(400);
        assertThat(noLine.fieldError("orderLineId")).isEqualTo("缺少此参数");
        Response badKind = fixtures.operator().language("en").post("/api/admin/coupon-templates", Map.of("title", "x", "kind", "NOPE",
                "amountFen", 100, "scope", "PLATFORM", "validDays", 7, "totalQuantity", 1, "perMemberLimit", 1));
        assertThat(badKind.status()).as(badKind.body()).isEqualTo(400);
        assertThat(badKind.fieldError("kind")).startsWith("Must be one of: ").contains("AMOUNT_OFF");
        fixtures.operator().language("zh-CN");
    }

    @Test
    void operatorEndpointsRefuseImpossibleInputAsProblemsNotPages() {
        HttpSession operator = fixtures.operator();
        Response unknownMember = operator.get("/api/admin/referrals/999999999/graph");
        assertThat(unknownMember.status()).isEqualTo(404);
        assertThat(unknownMember.header("Content-Type")).startsWith("application/problem+json");
        Response badMember = operator.get("/api/admin/referrals/abc/graph");
        assertThat(badMember.status()).isEqualTo(400);
        assertThat(badMember.fieldError("memberId")).isEqualTo("格式不正确");

        long runs = jdbc.sql("select count(*) from reconciliation_run").query(Long.class).single();
        for (String day : new String[] {"9999-12-31", "0001-01-01"}) {
            Response refused = operator.postRaw("/api/admin/reconciliation?day=" + day, "application/json", new byte[0]);
            assertThat(refused.status()).as(day + " " + refused.body()).isEqualTo(400);
            assertThat(refused.fieldError("day")).isNotBlank();
        }
        assertThat(jdbc.sql("select count(*) from reconciliation_run").query(Long.class).single()).as("nothing run").isEqualTo(runs);
    }

    @Test
    void wrongMethodAndMediaTypeCarryACodeAndOurText() {
        HttpSession buyer = fixtures.member("方法买家").session();

        Response plainText = buyer.postRaw("/api/me/cart/items", "text/plain", "1".getBytes(StandardCharsets.UTF_8));
        assertThat(plainText.status()).isEqualTo(415);
        assertThat(plainText.json().get("code").asString()).isEqualTo("http.415");
        assertThat(plainText.json().get("detail").asString()).isEqualTo("不支持的内容类型");

        Response wrongMethod = buyer.language("en").patch("/api/me/cart/items", Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("code").asString()).isEqualTo("http.405");
        assertThat(wrongMethod.json().get("title").asString()).isEqualTo("Method not allowed");

        Response noSuchPath = buyer.get("/api/no-such-thing");
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.json().get("code").asString()).isEqualTo("http.404");
        assertThat(noSuchPath.json().get("detail").asString()).isEqualTo("Not found");
        assertThat(noSuchPath.json().get("instance").asString()).as("the path asked for, not /error").isEqualTo("/api/no-such-thing");
    }

    @Test
    void refusalsNameTheFieldTheClientSent() {
        Member member = fixtures.member("字段会员");
        long minimum = jdbc.sql("select min_withdrawal_fen from distribution_policy where id = 1").query(Long.class).single();
        Response withdrawal = member.session().post("/api/me/withdrawals", Map.of("amountFen", 1), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(withdrawal.status()).as(withdrawal.body()).isEqualTo(minimum > 1 ? 400 : 409);
        assertThat(withdrawal.fieldError("amountFen")).as(withdrawal.body()).isNotNull();
        assertThat(withdrawal.fieldError("amount")).isNull();

        Map<String, Object> policy = new HashMap<>(Map.of("depth", 2, "threeLevelAllowed", false, "selfPurchase", true, "bindAt", "SIGN_IN",
                "minWithdrawalFen", 0, "dailyWithdrawalLimitFen", 500_000, "withdrawalFeeBp", 0, "autoApproveBelowFen", 1_000_000));
        assertThat(fixtures.operator().put("/api/admin/distribution/policy", policy).fieldError("minWithdrawalFen")).isNotNull();
        policy.putAll(Map.of("minWithdrawalFen", 1_000, "dailyWithdrawalLimitFen", 999));
        assertThat(fixtures.operator().put("/api/admin/distribution/policy", policy).fieldError("dailyWithdrawalLimitFen")).isNotNull();
        policy.putAll(Map.of("dailyWithdrawalLimitFen", 500_000, "autoApproveBelowFen", -1));
        Response negative = fixtures.operator().put("/api/admin/distribution/policy", policy);
        assertThat(negative.status()).isEqualTo(400);
        JsonNode errors = negative.json().get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("autoApproveBelowFen");
    }

    @Test
    void aNotificationToAnUnknownProviderIsNotFoundNotARetryableOutage() {
        Response unknown = new HttpSession(port).postRawWithHeaders("/api/payment/notifications/no-such-provider", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("code").asString()).isEqualTo("payment.notification.provider");
        assertThat(unknown.json().get("detail").asString()).isEqualTo("没有名为 no-such-provider 的支付渠道");
    }
}
