package com.kinshop.coupon;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone: a member claims a coupon in the 领券中心 and finds it under 我的优惠券 (from the member centre), in
 * Chinese and English; the operator and a supplier issue coupons in their consoles, a bad field refused next to it.
 */
@KinshopIT
class CouponJourneyIT extends BrowserJourney {



    @Test
    void aMemberClaimsACouponAndFindsItInMyCoupons() {
        String title = "旅程券" + UUID.randomUUID().toString().substring(0, 4);
        Response created = fixtures.operator().post("/api/admin/coupon-templates", new HashMap<>(Map.of("title", title, "kind", "AMOUNT_OFF",
                "amountFen", 1000, "thresholdFen", 9900, "scope", "PLATFORM", "validDays", 7, "totalQuantity", 50, "perMemberLimit", 1)));
        long template = created.json().get("id").asLong();
        Member member = fixtures.member("领券人");

        browser.get(url("/coupons"));
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("coupon-" + template)));
        assertThat(card.getText()).contains(title).contains("满99减10").contains("登录领取");
        tap(browser, card.findElement(By.linkText("登录领取")));
        wait.until(ExpectedConditions.urlContains("/login"));
        type(By.id("phone"), member.phone());
        type(By.id("password"), "secret123");
        tap(browser, browser.findElement(By.cssSelector("#password-login button[type=submit]")));
        wait.until(ExpectedConditions.urlContains("/coupons"));

        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#coupon-" + template + " [data-testid=claim]"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "领取成功"));
        assertThat(browser.findElement(By.id("coupon-" + template)).getText()).contains("已领取");
        Browser.screenshot(browser, "coupons-center-zh");

        browser.get(url("/me"));
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=my-coupons]")));
        Browser.screenshot(browser, "coupons-me-link-zh");
        tap(browser, link);
        wait.until(ExpectedConditions.urlContains("/me/coupons"));
        WebElement mine = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=my-coupon]")));
        assertThat(mine.getText()).contains(title).contains("去使用");
        assertThat(mine.getAttribute("data-state")).isEqualTo("UNUSED");
        Browser.screenshot(browser, "coupons-mine-zh");
        tap(browser, browser.findElement(By.cssSelector("[data-tab=expired]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ks-empty"), "没有过期的优惠券"));

        // one coupon used on a paid order, another locked to an order awaiting payment
        Staff seller = fixtures.supplier("旅程茶行" + UUID.randomUUID().toString().substring(0, 4));
        long[] product = fixtures.onSale(seller, "旅程好茶", 12_000, 10);
        Response second = fixtures.operator().post("/api/admin/coupon-templates", new HashMap<>(Map.of("title", "待付券", "kind", "NO_THRESHOLD",
                "amountFen", 300, "scope", "PLATFORM", "validDays", 7, "totalQuantity", 50, "perMemberLimit", 1)));
        long locked = member.session().post("/api/coupons/" + second.json().get("id").asLong() + "/claims", Map.of()).json().get("id").asLong();
        Purchases purchases = new Purchases(jdbc);
        long address = purchases.address(member);
        long used = jdbc.sql("select id from member_coupon where template_id = ? and member_id = ?").params(template, member.id()).query(Long.class).single();
        Response paid = buyNow(member, address, product[1], used);
        purchases.cashier(member, purchases.startPayment(member, paid.json().get("checkoutNumber").asString()).get("payUrl").asString(), "pay");
        buyNow(member, address, product[1], locked);
        Purchases.await("the coupon used", () -> "USED".equals(jdbc.sql("select state from member_coupon where id = ?").param(used).query(String.class).single()));
        browser.get(url("/me/coupons"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-coupon='" + locked + "']"))).getText()).contains("待支付");
        Browser.screenshot(browser, "coupons-mine-locked-zh");
        tap(browser, browser.findElement(By.cssSelector("[data-tab=used]")));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-coupon='" + used + "']"))).getText())
                .contains("用于订单").contains("省 ¥10.00").contains("已使用");
        Browser.screenshot(browser, "coupons-mine-used-zh");

        browser.get(url("/me/coupons?lang=en"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-coupon='" + locked + "']"))).getText())
                .contains("¥3 off, no minimum spend").contains("Awaiting payment");
        assertThat(browser.findElement(By.cssSelector("[data-testid=coupon-tabs]")).getText()).contains("Unused").contains("Used").contains("Expired");
        Browser.screenshot(browser, "coupons-mine-en");
        browser.get(url("/coupons"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("coupon-" + template))).getText()).contains("Claimed");
        Browser.screenshot(browser, "coupons-center-en");
    }

    @Test
    void theOperatorIssuesACouponAndABadFieldIsShownNextToIt() {
        browser.get(url("/console/admin/coupons"));
        wait.until(ExpectedConditions.urlContains("/login"));
        type(By.id("phone"), Fixtures.OPERATOR_PHONE);
        type(By.id("password"), Fixtures.DEMO_PASSWORD);
        tap(browser, browser.findElement(By.cssSelector("#password-login button[type=submit]")));
        wait.until(ExpectedConditions.urlContains("/console/admin/coupons"));
        long before = templates();

        String title = "控制台券" + UUID.randomUUID().toString().substring(0, 4);
        type(By.id("title"), title);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("PERCENT_OFF");
        type(By.id("percentOff"), "100");
        type(By.id("cap"), "20");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=create-template]")));
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#percentOff.is-invalid ~ .invalid-feedback")));
        assertThat(error.getText()).contains("1% 到 99%");
        assertThat(templates()).as("nothing stored").isEqualTo(before);
        Browser.screenshot(browser, "coupons-console-admin-error-zh");

        WebElement percent = browser.findElement(By.id("percentOff"));
        percent.clear();
        percent.sendKeys("15");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=create-template]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "优惠券已创建"));
        WebElement row = browser.findElements(By.cssSelector("[data-testid=coupon-template]")).get(0);
        assertThat(row.getText()).contains(title).contains("8.5折").contains("0 / 100").contains("¥0.00");
        Browser.screenshot(browser, "coupons-console-admin-zh");

        tap(browser, row.findElement(By.cssSelector("[data-testid=end-template]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "已结束发放"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=coupon-template]")).get(0).getText()).contains("已结束");
        browser.get(url("/console/admin/coupons?lang=en"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=coupon-form]"))).getText())
                .contains("New coupon").contains("Limit per member");
        Browser.screenshot(browser, "coupons-console-admin-en");
    }

    @Test
    void aSupplierIssuesACouponForOneOfItsProducts() {
        Staff staff = fixtures.supplier("控制台茶行" + UUID.randomUUID().toString().substring(0, 4));
        long[] product = fixtures.onSale(staff, "控制台好茶", 8800, 10);
        browser.get(url("/console/supplier/coupons"));
        type(By.id("phone"), staff.phone());
        type(By.id("password"), "secret123");
        tap(browser, browser.findElement(By.cssSelector("#password-login button[type=submit]")));
        wait.until(ExpectedConditions.urlContains("/console/supplier/coupons"));

        type(By.id("title"), "好茶立减");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("NO_THRESHOLD");
        type(By.id("amount"), "8");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("scope"))).selectByValue("PRODUCT");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("targetId"))).selectByValue(String.valueOf(product[0]));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=create-template]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "优惠券已创建"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=coupon-template]")).getText()).contains("无门槛减8").contains("控制台好茶");
        assertThat(jdbc.sql("select supplier_id from coupon_template where title = '好茶立减' and supplier_id = ?").param(staff.supplierId())
                .query(Long.class).list()).hasSize(1);
        Browser.screenshot(browser, "coupons-console-supplier-zh");
        browser.get(url("/console/supplier/coupons?lang=en"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=coupon-template]")));
        Browser.screenshot(browser, "coupons-console-supplier-en");
    }

    private static Response buyNow(Member member, long address, long sku, long coupon) {
        Response placed = member.session().post("/api/me/checkouts/buy-now", Map.of("addressId", address, "skuId", sku, "quantity", 1,
                "couponIds", java.util.List.of(coupon)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed;
    }

    private long templates() {
        return jdbc.sql("select count(*) from coupon_template").query(Long.class).single();
    }
}
