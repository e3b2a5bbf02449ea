package com.kinshop.storefront;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Phones;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People get pages, API clients get JSON: a member refused a console page sees the styled 403 page with a way back;
 * a visitor who adds to the cart signed out comes back, after signing in, to the product with the item in the cart;
 * and the page to return to is only ever on this site.
 */
@KinshopIT
class SignInAndRefusalPagesIT extends ApiTest {

    /** The Location header as a path on this site (the server may write it absolute). */
    private String redirect(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(302);
        return response.header("location").replaceFirst("^http://localhost:" + port, "");
    }

    @Test
    void aMemberRefusedAConsolePageGetsTheRefusalPageInTheirLanguageAndApiClientsGetJson() {
        Member member = fixtures.member("误入后台的会员");
        for (String page : new String[] {"/console/admin/settings", "/console/supplier/orders", "/console"}) {
            Response refused = member.session().get(page);
            assertThat(refused.status()).as(page).isEqualTo(403);
            assertThat(refused.header("content-type")).as(page).startsWith("text/html");
            assertThat(refused.body()).as(page).contains("没有权限访问此页面", "data-testid=\"error-me\"", "href=\"/me\"", "回到首页");
        }
        Response api = member.session().get("/api/admin/settings");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.header("content-type")).startsWith("application/problem+json");

        Response missing = member.session().get("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("content-type")).startsWith("text/html");
        assertThat(missing.body()).contains("页面不存在", "href=\"/me\"");
        for (String notAnId : new String[] {"/p/abc", "/flash-sales/abc", "/groups/x1"}) {
            Response malformed = member.session().get(notAnId);
            assertThat(malformed.status()).as(notAnId).isEqualTo(404);
            assertThat(malformed.body()).as(notAnId).contains("页面不存在");
        }
        Response operatorMissing = fixtures.operator().get("/console/admin/no-such-page");
        assertThat(operatorMissing.status()).isEqualTo(404);
        assertThat(operatorMissing.header("content-type")).startsWith("text/html");

        Response english = member.session().language("en").get("/console/admin/settings");
        assertThat(english.status()).isEqualTo(403);
        assertThat(english.body()).contains("You may not open this page", "My account", "Back to home");

        assertThat(redirect(new HttpSession(port).get("/console/admin/settings"))).isEqualTo("/login");
    }

    @Test
    void addingToTheCartSignedOutComesBackToTheProductWithTheItemInTheCart() {
        long[] product = fixtures.onSale(fixtures.supplier("登录回来供应商"), "登录后回到的商品", 5_000, 10);
        Member member = fixtures.member("先逛后登录");
        HttpSession visitor = new HttpSession(port);
        String login = redirect(visitor.postForm("/p/" + product[0], "/cart/after-sign-in",
                Map.of("productId", String.valueOf(product[0]), "skuId", String.valueOf(product[1]), "quantity", "2")));
        assertThat(login).isEqualTo("/login?reason=cart&next=/p/" + product[0] + "?sku%3D" + product[1]);

        String loginPage = visitor.get(login).body();
        assertThat(loginPage).contains("登录后即可加入购物车", "name=\"next\" value=\"/p/" + product[0] + "?sku=" + product[1] + "\"");
        assertThat(redirect(visitor.postForm(login, "/login", Map.of("phone", member.phone(), "password", "secret123",
                "next", "/p/" + product[0] + "?sku=" + product[1])))).isEqualTo("/p/" + product[0] + "?sku=" + product[1]);

        assertThat(visitor.get("/p/" + product[0] + "?sku=" + product[1]).body()).contains("data-testid=\"notice\"><span>已加入购物车</span>");
        assertThat(visitor.get("/p/" + product[0]).body()).as("added once").doesNotContain("data-testid=\"notice\"");
        Response cart = visitor.get("/api/me/cart");
        assertThat(cart.body()).contains("\"quantity\":2");
        assertThat(cart.json().findValues("quantity")).hasSize(1);
    }

    @Test
    void theReturnPageIsOnlyEverOnThisSite() {
        for (String elsewhere : new String[] {"//evil.example/p/1", "https://evil.example", "/\\evil.example"}) {
            Member member = fixtures.member("跳转测试");
            HttpSession session = new HttpSession(port);
            assertThat(redirect(session.postForm("/login", "/login", Map.of("phone", member.phone(), "password", "secret123", "next", elsewhere))))
                    .as(elsewhere).isEqualTo("/me");
        }
        Member member = fixtures.member("跳转测试");
        assertThat(redirect(new HttpSession(port).postForm("/login", "/login", Map.of("phone", member.phone(), "password", "secret123",
                "next", "/search?q=x")))).isEqualTo("/search?q=x");

        Member byCode = fixtures.member("验证码登录");
        HttpSession codeSession = new HttpSession(port);
        codeSession.post("/api/auth/codes", Map.of("phone", byCode.phone(), "purpose", "LOGIN"));
        assertThat(redirect(codeSession.postForm("/login?mode=code", "/login/code", Map.of("phone", byCode.phone(),
                "code", Phones.lastCodeSentTo(jdbc, byCode.phone()), "next", "/p/1?sku=2")))).isEqualTo("/p/1?sku=2");

        HttpSession newcomer = new HttpSession(port);
        String phone = Phones.fresh();
        newcomer.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        assertThat(redirect(newcomer.postForm("/register?next=//evil.example", "/register", Map.of("phone", phone,
                "code", Phones.lastCodeSentTo(jdbc, phone), "password", "secret123", "nickname", "新来的", "next", "//evil.example"))))
                .isEqualTo("/me?welcome");
        assertThat(newcomer.get("/login?next=//evil.example&reason=cart").body()).doesNotContain("evil.example").contains("登录后即可加入购物车");
    }
}
