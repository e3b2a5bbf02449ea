package com.kinshop.coupon;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Phones;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bar of issue 10, as a newcomer meets it on a phone: a member shares a product; a newcomer arrives through the
 * link, registers and finds the new-member coupon (新人券 满99减10) in 我的优惠券, buys the product now with that coupon
 * chosen at checkout (¥120.00 − ¥10.00 + ¥8.00 shipping = ¥118.00), pays at the sandbox cashier; the member's estimated
 * commission is worked out on the ¥110.00 paid for the goods, not the ¥120.00 list price; the refund returns exactly
 * the ¥118.00 paid, and the coupon stays used.
 */
@KinshopIT
class NewcomerCouponJourneyIT extends BrowserJourney {



    @Test
    void aNewcomerBuysThroughAShareLinkWithTheNewMemberCouponAndIsRefundedExactlyWhatWasPaid() {
        Staff supplier = fixtures.supplier("新人券果园");
        assertThat(supplier.session().put("/api/supplier/shipping", Map.of("flatFeeFen", 800)).status()).isEqualTo(200);
        long[] product = fixtures.onSale(supplier, "新人券礼盒", List.of(Fixtures.sku("标准装", 12_000, 6_000, "RATE", 1_000, 50)));
        Member sharer = fixtures.member("新人券分享者");
        String shop = Fixtures.openShop(sharer, "小店", "xr");
        Response template = fixtures.operator().post("/api/admin/coupon-templates", Map.of("title", "旅程新人券 满99减10", "kind", "AMOUNT_OFF",
                "amountFen", 1_000, "thresholdFen", 9_900, "scope", "PLATFORM", "validDays", 7, "totalQuantity", 1_000, "perMemberLimit", 1,
                "newMember", true));
        assertThat(template.status()).as(template.body()).isEqualTo(201);

        // through the member's share link, then 注册
        browser.get(url("/p/" + product[0] + "?s=" + shop));
        browser.get(url("/register"));
        String phone = Phones.fresh();
        type(By.id("phone"), phone);
        browser.findElement(By.cssSelector("[data-code-button]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register-code-status"), "验证码已发送"));
        type(By.id("code"), Phones.lastCodeSentTo(jdbc, phone));
        type(By.id("password"), "secret123");
        type(By.id("nickname"), "新人小周");
        browser.findElement(By.cssSelector("#register button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/me"));

        // 我的优惠券: the new-member coupon was granted at registration
        browser.get(url("/me/coupons"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "旅程新人券 满99减10"));
        Browser.screenshot(browser, "coupon-journey-my-coupons-zh");

        // the product page (the share link's shop is remembered), 立即购买 → the SKU sheet → checkout
        browser.get(url("/p/" + product[0]));
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=buy-now]"))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=sheet-coupon-price]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=sheet-coupon-price]")).getText()).as("券后价 with the held coupon").contains("¥110.00");
        Browser.screenshot(browser, "coupon-journey-sheet-zh");
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=confirm-buy]"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checkout-address-form")));
        type(By.id("receiver"), "周新人");
        type(By.id("phone"), "13800003333");
        type(By.id("region"), "浙江省杭州市西湖区");
        type(By.id("detail"), "文三路 200 号");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=save-address]")));
        wait.until(ExpectedConditions.elementToBeSelected(By.cssSelector("input[name=addressId]")));

        // choose exactly the new-member coupon (whatever else the platform grants newcomers)
        long couponId = jdbc.sql("select c.id from member_coupon c join coupon_template t on t.id = c.template_id where t.title = ? and c.member_id = "
                + "(select id from account where phone = ?)").params("旅程新人券 满99减10", phone).query(Long.class).single();
        tap(browser, browser.findElement(By.cssSelector("[data-testid=checkout-coupons] summary")));
        for (var box : browser.findElements(By.cssSelector("[data-testid=checkout-coupons] input[name=coupon]"))) {
            boolean ours = box.getAttribute("value").equals(Long.toString(couponId));
            if (box.isEnabled() && box.isSelected() != ours) {
                tap(browser, box);
            }
        }
        tap(browser, browser.findElement(By.cssSelector("[data-testid=apply-coupons]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=checkout-coupon-summary]"), "已省 ¥10.00"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=checkout-payable]")).getText()).isEqualTo("合计 ¥118.00");
        Browser.screenshot(browser, "coupon-journey-checkout-zh");

        tap(browser, browser.findElement(By.cssSelector("[data-testid=place-order]")));
        wait.until(ExpectedConditions.urlContains("/sandbox/pay/"));
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-action=pay]"))));
        wait.until(ExpectedConditions.urlContains("/me/pay/"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=pay-state]"), "支付成功"));
        String checkout = browser.getCurrentUrl().replaceAll(".*/me/pay/", "");
        String order = jdbc.sql("select o.number from orders o join checkout c on c.id = o.checkout_id where c.number = ?").param(checkout)
                .query(String.class).single();
        assertThat(jdbc.sql("select total_fen from orders where number = ?").param(order).query(Long.class).single()).isEqualTo(11_800);

        // the sharer's estimated commission: on the ¥110.00 paid for the goods (10% budget = ¥11.00), never on ¥120.00
        Purchases.await("commission estimated", () -> jdbc.sql("select count(*) from commission m join orders o on o.id = m.order_id where o.number = ?")
                .param(order).query(Integer.class).single() > 0);
        assertThat(jdbc.sql("select l.commission_budget_fen from order_line l join orders o on o.id = l.order_id where o.number = ?").param(order)
                .query(Long.class).single()).isEqualTo(1_100);
        Map<String, Object> level1 = jdbc.sql("""
                        select m.base_fen, m.rate_bp, m.amount_fen from commission m join orders o on o.id = m.order_id
                        where o.number = ? and m.level = 1 and m.beneficiary_id = ?""").params(order, sharer.id()).query().singleRow();
        assertThat(((Number) level1.get("base_fen")).longValue()).isEqualTo(1_100);
        assertThat(((Number) level1.get("amount_fen")).longValue()).isEqualTo(1_100L * ((Number) level1.get("rate_bp")).longValue() / 10_000);

        // the order page names the coupon; the refund returns exactly what was paid
        browser.get(url("/me/orders/" + order));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "旅程新人券 满99减10"));
        Browser.screenshot(browser, "coupon-journey-order-zh");
        tap(browser, browser.findElement(By.cssSelector("[data-action=after-sale]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("after-sale-form")));
        type(By.id("reason"), "不想要了");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=submit-after-sale]")));
        wait.until(ExpectedConditions.urlContains("/me/after-sales"));
        String afterSale = browser.findElement(By.cssSelector("[data-after-sale]")).getAttribute("data-after-sale");
        assertThat(supplier.session().post("/api/supplier/after-sales/" + afterSale + "/approve", Map.of()).status()).isEqualTo(200);
        Purchases.await("refunded", () -> "REFUNDED".equals(jdbc.sql("select status from orders where number = ?").param(order).query(String.class).single()));
        Purchases.await("refund sent", () -> jdbc.sql("select count(*) from sandbox_refund where out_refund_no = ?").param(afterSale)
                .query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select amount_fen from sandbox_refund where out_refund_no = ?").param(afterSale).query(Long.class).single())
                .as("exactly what was paid").isEqualTo(11_800);
        assertThat(jdbc.sql("select state from member_coupon where id = ?").param(couponId).query(String.class).single())
                .as("a paid coupon is spent, refund or not").isEqualTo("USED");

        // the same pages in English
        browser.get(url("/me/coupons?lang=en&tab=used"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "旅程新人券 满99减10"));
        Browser.screenshot(browser, "coupon-journey-my-coupons-en");
        browser.get(url("/me/orders/" + order + "?lang=en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Discount"));
        Browser.screenshot(browser, "coupon-journey-order-en");
    }
}
