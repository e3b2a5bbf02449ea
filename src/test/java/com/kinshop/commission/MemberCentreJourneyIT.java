package com.kinshop.commission;

import com.kinshop.ordering.OrderTimers;
import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member centre on a phone: a sharer whose friend bought through them sees the commission estimated, then available
 * once the order completes, the order that earned, the statement, the team at two levels with the invite code, link and
 * poster; withdraws (a form sent twice withdraws once) and sees it paid; a newcomer enters an invite code on the team page.
 */
@KinshopIT
class MemberCentreJourneyIT extends BrowserJourney {

    @Autowired
    OrderTimers timers;
    @Autowired
    MutableClock clock;

    Purchases purchases;
    Map<String, Object> policyBefore;

    @BeforeEach
    void setUp() {
        purchases = new Purchases(jdbc);
        JsonNode current = fixtures.operator().get("/api/admin/distribution/policy").json();
        policyBefore = new HashMap<>();
        current.properties().forEach(field -> policyBefore.put(field.getKey(), field.getValue().isNull() ? null
                : field.getValue().isNumber() ? field.getValue().asLong() : field.getValue().isBoolean() ? field.getValue().asBoolean()
                : field.getValue().asString()));
        // ¥10 minimum, 1% fee, small amounts approved automatically (paid by the background job within seconds)
        Map<String, Object> policy = new HashMap<>(policyBefore);
        policy.putAll(Map.of("depth", 2, "selfPurchase", true, "bindAt", "SIGN_IN", "minWithdrawalFen", 1000, "dailyWithdrawalLimitFen", 500_000,
                "withdrawalFeeBp", 100, "autoApproveBelowFen", 1_000_000));
        policy.put("lockDays", null);
        Response changed = fixtures.operator().put("/api/admin/distribution/policy", policy);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    @AfterEach
    void restorePolicy() {
        fixtures.operator().put("/api/admin/distribution/policy", policyBefore);
    }

    @Test
    void aSharerFollowsTheirEarningsTeamAndWithdrawalAndANewcomerEntersAnInviteCode() throws Exception {
        // the chain: sharer ← buyer ← buyer's friend; the buyer arrives through the sharer's link (bound on the next request,
        // being signed in) and buys 5 × ¥100 with a ¥10 budget each; the friend enters the buyer's code
        Member sharer = fixtures.member("晓雨分享");
        String sharerCode = openShop(sharer);
        Member buyer = fixtures.member("小美买家");
        assertThat(buyer.session().get("/s/" + sharerCode).status()).isEqualTo(200);
        assertThat(buyer.session().get("/api/me/referral").json().get("referrer").get("id").asLong()).as("bound through the link").isEqualTo(sharer.id());
        String buyerCode = openShop(buyer);
        Member friend = fixtures.member("二级好友");
        assertThat(bind(friend, buyerCode).status()).isEqualTo(200);
        Staff supplier = fixtures.supplier("收益旅程供应商");
        long sku = product(supplier, "收益旅程好物");
        String order = purchases.placeAndPay(buyer, 5, sku).orderNumbers().get(0);

        // estimated: level 1 is 60% of ¥50.00
        signIn(sharer.phone());
        tap(browser, browser.findElement(By.cssSelector("[data-testid=my-earnings]")));
        wait.until(ExpectedConditions.urlContains("/me/earnings"));
        assertThat(text("estimated")).isEqualTo("¥30.00");
        assertThat(text("available")).isEqualTo("¥0.00");
        WebElement entry = browser.findElement(By.cssSelector("[data-entry='" + order + "']"));
        assertThat(entry.getAttribute("data-status")).isEqualTo("ESTIMATED");
        assertThat(entry.getText()).contains("收益旅程好物", "一级", "预估", "买家 小美买家", "会员 · 佣金的 60%", "¥30.00");
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            d.navigate().refresh();
            return !d.findElement(By.cssSelector("[data-testid=visits]")).getText().equals("0");
        });
        assertThat(text("orders")).isEqualTo("1");
        Browser.screenshot(browser, "member-earnings-estimated-zh");

        // the order completes: estimated becomes available
        completeOrder(buyer, order, supplier);
        browser.navigate().refresh();
        assertThat(text("estimated")).isEqualTo("¥0.00");
        assertThat(text("available")).isEqualTo("¥30.00");
        assertThat(text("settled-total")).isEqualTo("¥30.00");
        assertThat(browser.findElement(By.cssSelector("[data-entry='" + order + "']")).getAttribute("data-status")).isEqualTo("SETTLED");
        wholePage("member-earnings-available-zh");

        // 收支明细: estimated then settled, each with its reason
        tap(browser, browser.findElement(By.cssSelector("[data-testid=history-link]")));
        wait.until(ExpectedConditions.urlContains("/me/earnings/history"));
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-kind]"));
        assertThat(rows).extracting(r -> r.getAttribute("data-kind")).containsExactly("COMMISSION_SETTLED", "COMMISSION_ESTIMATED");
        assertThat(rows.get(0).getText()).contains("佣金结算", "已完成", "预估 -¥30.00", "可提现 +¥30.00");
        assertThat(rows.get(1).getText()).contains("预估佣金", "预估 +¥30.00");
        Browser.screenshot(browser, "member-earnings-history-settled-zh");

        // 我的团队: the buyer at level 1, the buyer's friend at level 2, my code, link and poster
        browser.get(url("/me/team"));
        assertThat(browser.findElement(By.cssSelector("[data-level='1']")).getText()).contains("小美买家", "1 单", "¥500.00");
        assertThat(browser.findElement(By.cssSelector("[data-level='2']")).getText()).contains("二级好友", "0 单");
        assertThat(text("invite-code")).isEqualTo(sharerCode);
        assertThat(browser.findElement(By.cssSelector("[data-testid=invite-link]")).getAttribute("value")).endsWith("/s/" + sharerCode);
        assertThat(browser.findElements(By.cssSelector("[data-testid=referrer]"))).as("the sharer has no referrer").isEmpty();
        tap(browser, browser.findElement(By.cssSelector(".ks-poster summary")));
        WebElement poster = browser.findElement(By.cssSelector("[data-testid=poster]"));
        wait.until(d -> ((Number) browser.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", poster)).intValue() > 0);
        tap(browser, browser.findElement(By.cssSelector("[data-testid=copy-link]")));
        wholePage("member-team-zh");

        // 提现 ¥10.00: 1% fee, ¥9.90 arrives; paid by the background job while the list refreshes itself
        browser.get(url("/me/earnings/withdraw"));
        assertThat(text("min")).isEqualTo("¥10.00");
        assertThat(text("daily-limit")).isEqualTo("¥5000.00");
        assertThat(text("fee")).isEqualTo("提现金额的 1%");
        type(By.id("amount"), "10");
        assertThat(text("receive")).isEqualTo("¥9.90");
        Browser.screenshot(browser, "member-withdraw-zh");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=submit-withdrawal]")));
        wait.until(ExpectedConditions.urlContains("/me/withdrawals"));
        assertThat(text("notice")).isEqualTo("提现申请已提交");
        // the list swaps itself while the payout runs: a node read mid-swap is stale, so the wait reads again
        WebDriverWait payout = new WebDriverWait(browser, Duration.ofSeconds(20));
        payout.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        payout.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-withdrawal]"), "data-status", "PAID"));
        String paidOut = wait.until(d -> d.findElement(By.cssSelector("[data-withdrawal]")).getText());
        assertThat(paidOut).contains("¥10.00", "已到账", "手续费 ¥0.10", "到账 ¥9.90");
        Browser.screenshot(browser, "member-withdrawals-zh");

        // the same form sent twice at once withdraws once
        String token = formToken(sharer);
        List<Response> twice = Concurrently.all(2, () -> sharer.session().postForm("/me/earnings/withdraw", "/me/earnings/withdraw",
                Map.of("amount", "10.00", "token", token)));
        assertThat(twice).extracting(Response::status).containsOnly(302);
        assertThat(twice).extracting(r -> r.header("Location")).allMatch(location -> location.endsWith("/me/withdrawals?requested"));
        assertThat(jdbc.sql("select count(*) from withdrawal where member_id = ?").param(sharer.id()).query(Integer.class).single()).isEqualTo(2);

        // below the minimum: refused on the form, in words
        browser.get(url("/me/earnings/withdraw"));
        type(By.id("amount"), "5");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=submit-withdrawal]")));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=amount-error]"))).getText())
                .isEqualTo("单笔最低提现 ¥10.00");
        // both withdrawals paid out before the page is read, so there is one right figure
        Purchases.await("both withdrawals paid", () -> jdbc.sql("select count(*) from withdrawal where member_id = ? and status = 'PAID'")
                .param(sharer.id()).query(Integer.class).single() == 2);
        browser.get(url("/me/earnings"));
        assertThat(text("available")).isEqualTo("¥10.00");
        assertThat(text("withdrawn")).isEqualTo("¥20.00");

        // a refund after settlement claws back 2 of 5 units' commission (¥12.00) from ¥10.00: a debt, and withdrawals wait
        long line = jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ?").param(order).query(Long.class).single();
        Response refunded = fixtures.operator().post("/api/admin/orders/" + order + "/refunds", Map.of("lineId", line, "quantity", 2, "note", "质量问题，平台退款"));
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        browser.navigate().refresh();
        assertThat(text("available")).isEqualTo("-¥2.00");
        assertThat(text("debt")).contains("扣回的佣金还有 ¥2.00 未抵扣", "暂时不能提现");
        assertThat(browser.findElement(By.cssSelector("[data-entry='" + order + "']")).getText()).contains("已扣回 ¥12.00");
        wholePage("member-earnings-debt-zh");
        browser.get(url("/me/earnings/history"));
        assertThat(browser.findElements(By.cssSelector("[data-kind]")).get(0).getText()).contains("佣金扣回", "可提现 -¥12.00");
        wholePage("member-earnings-history-zh");
        browser.get(url("/me/earnings/withdraw"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=submit-withdrawal]")).isEnabled()).isFalse();
        assertThat(text("debt")).contains("¥2.00");
        Browser.screenshot(browser, "member-withdraw-debt-zh");

        // the same page in English
        browser.get(url("/me/earnings?lang=en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My earnings");
        assertThat(browser.findElement(By.cssSelector("[data-entry='" + order + "']")).getText()).contains("Level 1", "Settled", "Buyer 小美买家");
        assertThat(text("debt")).contains("¥2.00 of clawed-back commission is still to be recovered");
        wholePage("member-earnings-en");
        browser.get(url("/me/team?lang=zh_CN"));

        // a newcomer without a shop: a wrong code is refused, the sharer's code (typed capitalised) binds
        Member newcomer = fixtures.member("新来的朋友");
        browser.manage().deleteAllCookies();
        signIn(newcomer.phone());
        tap(browser, browser.findElement(By.cssSelector("[data-testid=my-team]")));
        wait.until(ExpectedConditions.urlContains("/me/team"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=open-shop]"))).hasSize(1);
        type(By.id("code"), "nosuchcode");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=bind]")));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=error]"))).getText()).isEqualTo("邀请码不存在");
        Browser.screenshot(browser, "member-team-unknown-code-zh");
        WebElement code = browser.findElement(By.id("code"));
        code.clear();
        code.sendKeys(Character.toUpperCase(sharerCode.charAt(0)) + sharerCode.substring(1));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=bind]")));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=notice]"))).getText()).isEqualTo("邀请码绑定成功");
        assertThat(text("referrer")).contains("我的上级", "晓雨分享");
        assertThat(browser.findElements(By.id("invite-code-form"))).as("bound for good: no second code").isEmpty();
        Browser.screenshot(browser, "member-team-newcomer-zh");
        browser.get(url("/me/earnings"));
        assertThat(text("entries")).contains("还没有收益订单");
        assertThat(text("available")).isEqualTo("¥0.00");
        wholePage("member-earnings-empty-zh");
        assertThat(sharer.session().get("/api/me/team").json().size()).isEqualTo(3);
    }

    private void signIn(String phone) {
        browser.get(url("/login"));
        type(By.id("phone"), phone);
        type(By.id("password"), "secret123");
        tap(browser, browser.findElement(By.cssSelector("#password-login button[type=submit]")));
        wait.until(ExpectedConditions.urlContains("/me"));
    }

    /** The whole page in one picture: the phone screen made as tall as the page, then back to 390 × 844. */
    private void wholePage(String name) {
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", height, "deviceScaleFactor", 1, "mobile", true));
        Browser.screenshot(browser, name);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    private String text(String testId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=" + testId + "]"))).getText();
    }

    private static String openShop(Member member) {
        return Fixtures.openShop(member, member.phone().substring(7) + "的小店", "m");
    }

    private Response bind(Member member, String code) {
        return member.session().post("/api/me/referral", Map.of("code", code));
    }

    /** On sale at ¥100.00 with a fixed ¥10.00 commission budget per unit. */
    private long product(Staff supplier, String name) {
        Response created = supplier.session().post("/api/supplier/products",
                fixtures.product(name, List.of(Fixtures.sku("标准", 10_000, 5_000, "FIXED", 1_000, 100))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Fixtures.upload(supplier.session(), "/api/supplier/products/" + id + "/images", "image", Fixtures.png(200, 200));
        assertThat(supplier.session().post("/api/supplier/products/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        assertThat(fixtures.operator().post("/api/admin/products/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        return created.json().get("skus").get(0).get("id").asLong();
    }

    private void completeOrder(Member buyer, String order, Staff supplier) {
        assertThat(supplier.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "顺丰", "trackingNumber", "SF" + order))
                .status()).isEqualTo(200);
        assertThat(buyer.session().post("/api/me/orders/" + order + "/receipt", Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        timers.runDue();
        assertThat(purchases.status(order)).isEqualTo("COMPLETED");
    }

    private static String formToken(Member member) {
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(member.session().get("/me/earnings/withdraw").body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
