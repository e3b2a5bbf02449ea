package com.kinshop.referral;

import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderTimers;
import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's distribution console on a phone: the policy (three levels refused without the compliance switch, then
 * allowed with it and warned about in red, then back to two levels with a fee and every withdrawal reviewed), a tier's
 * share, one withdrawal approved and one rejected, the invitation graph re-centred by a tap, a rebind refused as a loop
 * and one made with a reason that shows in the audit.
 */
@KinshopIT
class DistributionConsoleJourneyIT extends BrowserJourney {

    @Autowired
    OrderTimers timers;
    @Autowired
    MutableClock clock;
    @Autowired
    DistributionPolicies policies;
    @Autowired
    Tiers tiers;

    Purchases purchases;
    DistributionPolicy originalPolicy;
    Tiers.Tier originalMember;

    @BeforeEach
    void remember() {
        purchases = new Purchases(jdbc);
        originalPolicy = policies.current();
        originalMember = tiers.all().get(0);
    }

    @AfterEach
    void restore() {
        long operator = jdbc.sql("select id from account where phone = ?").param(Fixtures.OPERATOR_PHONE).query(Long.class).single();
        policies.update(new AccountId(operator), originalPolicy);
        tiers.updateShares(originalMember.code(), originalMember.level1ShareBp(), originalMember.level2ShareBp());
    }

    @Test
    void operatorSetsThePolicyReviewsWithdrawalsAndRebindsOnTheGraph() {
        Chain chain = chainWithEarnings();

        signIn();
        changePolicy();
        editTierShare();
        String approved = withdraw(chain.bottom(), 2_000);
        String rejected = withdraw(chain.middle(), 1_000);
        reviewWithdrawals(approved, rejected, chain);
        exploreTheGraph(chain);
        rebind(chain);
    }

    // --- the policy --------------------------------------------------------------------------------------------------

    private void changePolicy() {
        browser.get(url("/console/admin/distribution"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "分销设置"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=no-paid-tiers]")).getText()).contains("等级不能购买", "没有拉人头奖励");
        assertThat(browser.findElements(By.cssSelector("[data-testid=three-level-warning]"))).isEmpty();

        // three levels without the compliance switch: refused, the field named
        tap(browser, browser.findElement(By.cssSelector("label[for=depth-3]")));
        setSwitch("threeLevelAllowed", false);
        tap(browser, browser.findElement(By.cssSelector("[data-testid=save-policy]")));
        WebElement refusal = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-field-error=depth]")));
        assertThat(refusal.getText()).isEqualTo("三级分佣需要先打开合规开关（三级及以上有传销风险）");
        assertThat(browser.findElement(By.cssSelector("[data-testid=policy-errors]")).getText()).contains("分佣层级：");
        assertThat(policies.current().depth()).isEqualTo(2);
        show(browser.findElement(By.cssSelector("[data-testid=policy-errors]")));
        Browser.screenshot(browser, "distribution-refused-zh");

        // with the switch on it is saved, and every operator page warns in red
        tap(browser, browser.findElement(By.cssSelector("label[for=depth-3]")));
        setSwitch("threeLevelAllowed", true);
        tap(browser, browser.findElement(By.cssSelector("[data-testid=save-policy]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "分销规则已保存"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=three-level-warning]")).getText()).contains("三级及以上分销有传销风险");
        Browser.screenshot(browser, "distribution-three-levels-zh");
        browser.get(url("/console"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=dashboard-three-level-warning]"))).getText())
                .contains("三级及以上分销有传销风险");
        assertThat(browser.findElement(By.cssSelector("[data-testid=sidebar-three-level-warning]")).getText()).contains("传销风险");
        Browser.screenshot(browser, "dashboard-three-level-warning-zh");

        // back to two levels, a 1% fee, every withdrawal reviewed by hand
        browser.get(url("/console/admin/distribution"));
        tap(browser, wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("label[for=depth-2]"))));
        setSwitch("threeLevelAllowed", false);
        replace(By.id("withdrawalFeeBp"), "1");
        replace(By.id("autoApproveBelow"), "0");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=save-policy]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "分销规则已保存"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=three-level-warning]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-testid=sidebar-three-level-warning]"))).isEmpty();
        DistributionPolicy saved = policies.current();
        assertThat(saved.depth()).isEqualTo(2);
        assertThat(saved.threeLevelAllowed()).isFalse();
        assertThat(saved.withdrawalFeeBp()).isEqualTo(100);
        assertThat(saved.autoApproveBelow().fen()).isZero();
        Browser.screenshot(browser, "distribution-zh");

        browser.get(url("/console/admin/distribution?lang=en"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Distribution"));
        Browser.screenshot(browser, "distribution-en");
        show(browser.findElement(By.id("tiers")));
        Browser.screenshot(browser, "distribution-tiers-en");
        browser.get(url("/console/admin/distribution?lang=zh_CN"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "分销设置"));
    }

    private void editTierShare() {
        String code = originalMember.code();
        WebElement row = browser.findElement(By.cssSelector("[data-tier='" + code + "']"));
        WebElement level1 = row.findElement(By.name("level1Percent"));
        level1.clear();
        level1.sendKeys("65");
        tap(browser, row.findElement(By.cssSelector("[data-testid=save-tier]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "「" + originalMember.name() + "」的分佣比例已保存"));
        assertThat(tiers.all().get(0).level1ShareBp()).isEqualTo(6_500);
        assertThat(tiers.all().get(0).level2ShareBp()).isEqualTo(originalMember.level2ShareBp());
        show(browser.findElement(By.id("tiers")));
        Browser.screenshot(browser, "distribution-tiers-zh");
    }

    // --- withdrawals -------------------------------------------------------------------------------------------------

    private String withdraw(Member member, long fen) {
        Response requested = member.session().post("/api/me/withdrawals", Map.of("amountFen", fen), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json().get("status").asString()).as("auto-approve is 0: it waits").isEqualTo("REQUESTED");
        return requested.json().get("number").asString();
    }

    private void reviewWithdrawals(String approved, String rejected, Chain chain) {
        browser.get(url("/console/admin/withdrawals"));
        WebElement first = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-withdrawal='" + approved + "']")));
        assertThat(first.getText()).contains("直接店主", "¥20.00", "手续费 ¥0.20", "到账 ¥19.80", chain.bottom().phone().substring(7));
        assertThat(first.getText()).doesNotContain(chain.bottom().phone());
        show(first);
        Browser.screenshot(browser, "withdrawals-zh");
        tap(browser, first.findElement(By.cssSelector("[data-testid=approve]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "提现 " + approved + " 已通过"));

        WebElement second = browser.findElement(By.cssSelector("[data-withdrawal='" + rejected + "']"));
        tap(browser, second.findElement(By.cssSelector("[data-testid=reject-open]")));
        tap(browser, second.findElement(By.cssSelector("[data-testid=reject]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-danger"), "请填写拒绝原因"));
        second = browser.findElement(By.cssSelector("[data-withdrawal='" + rejected + "']"));
        second.findElement(By.name("reason")).sendKeys("收款账户信息待核实");
        tap(browser, second.findElement(By.cssSelector("[data-testid=reject]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "提现 " + rejected + " 已拒绝"));
        assertThat(browser.findElements(By.cssSelector("[data-withdrawal]")).stream().map(e -> e.getAttribute("data-withdrawal")))
                .doesNotContain(approved, rejected);
        assertThat(status(rejected)).isEqualTo("REJECTED");
        Purchases.await("the approved withdrawal paid out", () -> "PAID".equals(status(approved)));

        tap(browser, browser.findElement(By.cssSelector("[data-testid=tab-history]")));
        WebElement paid = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-history='" + approved + "']")));
        assertThat(paid.getText()).contains("已到账", "¥20.00");
        assertThat(browser.findElement(By.cssSelector("[data-history='" + rejected + "']")).getText()).contains("已拒绝", "收款账户信息待核实");
        Browser.screenshot(browser, "withdrawals-history-zh");
    }

    private String status(String withdrawal) {
        return jdbc.sql("select status from withdrawal where number = ?").param(withdrawal).query(String.class).single();
    }

    // --- the graph and rebinding -------------------------------------------------------------------------------------

    private void exploreTheGraph(Chain chain) {
        browser.get(url("/console/admin/referrals"));
        type(By.id("q"), chain.middle().phone());
        tap(browser, browser.findElement(By.cssSelector("[data-testid=search]")));
        tap(browser, wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-result='" + chain.middle().id() + "']"))));

        WebElement graph = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#referral-graph[data-rendered=true]")));
        assertThat(graph.getAttribute("data-nodes")).as("referrer, member, level-1 and level-2 invitee").isEqualTo("4");
        assertThat(browser.findElement(By.cssSelector("[data-testid=graph-counts]")).getText()).isEqualTo("一级邀请 1 人 · 二级邀请 1 人");
        assertThat(browser.findElement(By.cssSelector("[data-testid=referrer]")).getText()).isEqualTo("顶层店主");
        assertThat(browser.findElement(By.cssSelector("[data-testid=binding-source]")).getText()).isEqualTo("邀请码");
        show(browser.findElement(By.cssSelector("[data-testid=graph-panel]")));
        Browser.screenshot(browser, "referral-graph-zh");

        // tapping the level-1 invitee's node re-centres the graph on them
        tapNode(graph, chain.bottom().id());
        wait.until(ExpectedConditions.urlContains("member=" + chain.bottom().id()));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=centre-name]"), "直接店主"));
        graph = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#referral-graph[data-rendered=true]")));
        assertThat(graph.getAttribute("data-nodes")).as("two uplines, the member, the buyer below").isEqualTo("4");
        assertThat(browser.findElements(By.cssSelector("[data-upline]"))).hasSize(2);
    }

    /** Taps a person in the canvas where ECharts drew them. */
    private void tapNode(WebElement graph, long id) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.executeScript("""
                var chart = echarts.getInstanceByDom(arguments[0]);
                var nodes = chart.getOption().series[0].data;
                for (var i = 0; i < nodes.length; i++) {
                  if (nodes[i].id === String(arguments[1])) return chart.convertToPixel({seriesIndex: 0}, [nodes[i].x, nodes[i].y]);
                }
                return null;""", graph, id);
        assertThat(at).as("node " + id + " drawn").isNotNull();
        int dx = (int) Math.round(at.get(0).doubleValue() - graph.getRect().getWidth() / 2.0);
        int dy = (int) Math.round(at.get(1).doubleValue() - graph.getRect().getHeight() / 2.0);
        new Actions(browser).moveToElement(graph, dx, dy).click().perform();
    }

    private void rebind(Chain chain) {
        // the top of the chain cannot be put under its own level-3 downline
        browser.get(url("/console/admin/referrals?member=" + chain.top().id()));
        type(By.id("rebind-phone"), chain.buyer().phone());
        type(By.id("rebind-reason"), "测试循环");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=rebind-submit]")));
        WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-field-error=phone]")));
        assertThat(refused.getText()).isEqualTo("不能绑定自己的下级（会形成循环）");
        assertThat(browser.findElements(By.cssSelector("[data-audit-row]"))).isEmpty();
        show(refused);
        Browser.screenshot(browser, "referral-rebind-refused-zh");

        // the buyer moves from the bottom of the chain straight to its top, with a reason
        browser.get(url("/console/admin/referrals?member=" + chain.buyer().id()));
        type(By.id("rebind-phone"), chain.top().phone());
        type(By.id("rebind-reason"), "客服核实后改绑");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=rebind-submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已改绑"));
        WebElement audit = browser.findElement(By.cssSelector("[data-audit-row]"));
        assertThat(audit.getText()).contains("直接店主", "顶层店主", "客服核实后改绑", "运营小亲");
        assertThat(browser.findElement(By.cssSelector("[data-testid=referrer]")).getText()).isEqualTo("顶层店主");
        assertThat(browser.findElement(By.cssSelector("[data-testid=binding-source]")).getText()).isEqualTo("运营改绑");
        assertThat(jdbc.sql("select reason from referral_rebind_audit where member_id = ?").param(chain.buyer().id()).query(String.class).single())
                .isEqualTo("客服核实后改绑");
        show(audit);
        Browser.screenshot(browser, "referral-rebind-audit-zh");
    }

    // --- set-up through the public API -------------------------------------------------------------------------------

    private record Chain(Member top, Member middle, Member bottom, Member buyer) {
    }

    /** top ← middle ← bottom ← buyer; the buyer's order completes, so bottom has ¥30.00 and middle ¥10.00 to withdraw. */
    private Chain chainWithEarnings() {
        Member top = fixtures.member("顶层店主");
        String topShop = openShop(top);
        Member middle = fixtures.member("中间店主");
        bind(middle, topShop);
        String middleShop = openShop(middle);
        Member bottom = fixtures.member("直接店主");
        bind(bottom, middleShop);
        String bottomShop = openShop(bottom);
        Member buyer = fixtures.member("下单会员");
        bind(buyer, bottomShop);

        Staff supplier = fixtures.supplier("分销后台供应商");
        Response created = supplier.session().post("/api/supplier/products",
                fixtures.product("分销后台商品", List.of(Fixtures.sku("标准", 10_000, 5_000, "FIXED", 1_000, 100))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long product = created.json().get("id").asLong();
        Fixtures.upload(supplier.session(), "/api/supplier/products/" + product + "/images", "image", Fixtures.png(200, 200));
        supplier.session().post("/api/supplier/products/" + product + "/submit", Map.of());
        assertThat(fixtures.operator().post("/api/admin/products/" + product + "/approve", Map.of()).status()).isEqualTo(200);
        long sku = created.json().get("skus").get(0).get("id").asLong();

        String order = purchases.placeAndPay(buyer, 5, sku).orderNumbers().get(0);
        assertThat(supplier.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "顺丰", "trackingNumber", "SF" + order))
                .status()).isEqualTo(200);
        assertThat(buyer.session().post("/api/me/orders/" + order + "/receipt", Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        timers.runDue();
        assertThat(purchases.status(order)).isEqualTo("COMPLETED");
        return new Chain(top, middle, bottom, buyer);
    }

    private String openShop(Member member) {
        String code = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
        Response opened = member.session().post("/api/me/shop", Map.of("name", code + "的小店", "code", code, "intro", ""));
        assertThat(opened.status()).as(opened.body()).isLessThan(300);
        return code;
    }

    private void bind(Member member, String shop) {
        Response bound = member.session().post("/api/me/referral", Map.of("code", shop));
        assertThat(bound.status()).as(bound.body()).isEqualTo(200);
    }

    // --- browser helpers ---------------------------------------------------------------------------------------------

    private void signIn() {
        browser.get(url("/login"));
        type(By.id("phone"), Fixtures.OPERATOR_PHONE);
        type(By.id("password"), Fixtures.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("#password-login button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void setSwitch(String name, boolean on) {
        WebElement box = browser.findElement(By.cssSelector("input[type=checkbox][name=" + name + "]"));
        if (box.isSelected() != on) {
            tap(browser, box);
        }
    }

    /** Scrolls at once (Bootstrap makes scrolling smooth, which a screenshot would catch half-way). */
    private void show(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'}); window.scrollBy({top: -8, behavior: 'instant'})", element);
    }

    private void replace(By field, String text) {
        WebElement input = browser.findElement(field);
        input.clear();
        input.sendKeys(text);
    }
}
