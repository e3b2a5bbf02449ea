package com.kinshop;

import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator and a visitor see first: health, API docs, the two shells in both languages, form errors. */
@KinshopIT
class PlatformIT {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpAndTheIdentityApiIsDocumented() {
        HttpSession ops = new HttpSession(port);
        assertThat(ops.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(ops.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
        Response docs = ops.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/auth/register", "/api/auth/login", "/api/auth/login/code", "/api/auth/codes", "/api/me", "/api/admin/accounts");
        assertThat(ops.get("/swagger-ui/index.html").status()).isEqualTo(200);
        for (String[] operation : new String[][] {{"/api/me/checkouts", "true"}, {"/api/me/withdrawals", "true"}, {"/api/auth/register", "false"}}) {
            var key = java.util.stream.StreamSupport.stream(docs.json().get("paths").get(operation[0]).get("post").get("parameters").spliterator(), false)
                    .filter(parameter -> parameter.get("name").asString().equals("Idempotency-Key")).findFirst().orElseThrow();
            assertThat(key.has("required") && key.get("required").booleanValue()).as(operation[0]).isEqualTo(Boolean.parseBoolean(operation[1]));
            assertThat(key.get("schema").get("pattern").asString()).isEqualTo("^[A-Za-z0-9_.:-]{8,100}$");
        }
    }

    @Test
    void theStorefrontSpeaksChineseByDefaultAndEnglishOnRequest() {
        HttpSession visitor = new HttpSession(port).language("");
        Response home = visitor.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("lang=\"zh-CN\"", "首页", "分类", "购物车", "我的", "每日上新");

        Response english = visitor.get("/?lang=en");
        assertThat(english.body()).contains("lang=\"en\"", "New today", "Cart");
        assertThat(visitor.cookie("KINSHOP_LANG")).isEqualTo("en");
        assertThat(visitor.get("/categories").body()).as("the choice is remembered").contains("Best selling", "Price: low to high");
        assertThat(visitor.get("/cart?lang=zh_CN").body()).contains("购物车还是空的");
    }

    @Test
    void theConsoleShellShowsOperatorFigures() {
        HttpSession operator = new HttpSession(port);
        operator.post("/api/auth/login", Map.of("phone", "13800000000", "password", "kinshop123"));
        Response dashboard = operator.get("/console");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("工作台", "会员总数", "账号与角色", "运营小亲");
        assertThat(operator.get("/console/admin/accounts?q=13900000001").body()).contains("良品工坊·李经理");
    }

    @Test
    void aRefusedSignInFormShowsTheReasonAndSignsNobodyIn() {
        HttpSession visitor = new HttpSession(port);
        Response refused = visitor.postForm("/login", "/login", Map.of("phone", "13800000001", "password", "not-the-password1"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("手机号或密码错误");
        assertThat(visitor.get("/me").status()).isEqualTo(302);

        Response malformed = visitor.postForm("/register", "/register", Map.of("phone", "abc", "code", "", "password", "1", "nickname", ""));
        assertThat(malformed.body()).contains("请输入正确的 11 位手机号", "请输入验证码", "密码需为 8-64 位", "请输入昵称");

        Response signedIn = visitor.postForm("/login", "/login", Map.of("phone", "13800000001", "password", "kinshop123"));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("location")).contains("/me");
        assertThat(visitor.get("/me").body()).contains("林晓雨", "138****0001");
    }

    @Test
    void errorsOutsideControllersAreProblemsForTheApiAndPagesForPeople() {
        HttpSession visitor = new HttpSession(port);
        assertThat(visitor.get("/api/no-such-thing").status()).as("anonymous callers learn nothing").isEqualTo(401);
        visitor.post("/api/auth/login", Map.of("phone", "13800000004", "password", "kinshop123"));
        Response noSuchApi = visitor.get("/api/no-such-thing");
        assertThat(noSuchApi.status()).isEqualTo(404);
        assertThat(noSuchApi.header("content-type")).startsWith("application/problem+json");
        assertThat(noSuchApi.json().get("detail").asString()).isEqualTo("不存在");
        Response wrongMethod = visitor.get("/api/auth/login");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("content-type")).startsWith("application/problem+json");

        Response noSuchPage = visitor.get("/no-such-page");
        assertThat(noSuchPage.status()).isEqualTo(404);
        assertThat(noSuchPage.body()).contains("页面不存在", "回到首页");
    }

    @Test
    void pagesThatNeedAnAccountSendVisitorsToSignIn() {
        Response me = new HttpSession(port).get("/me");
        assertThat(me.status()).isEqualTo(302);
        assertThat(me.header("location")).endsWith("/login");
        assertThat(new HttpSession(port).get("/dev/sms").status()).isEqualTo(200);
    }
}
