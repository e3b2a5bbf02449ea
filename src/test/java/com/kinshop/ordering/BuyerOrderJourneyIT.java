package com.kinshop.ordering;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Concurrently;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer on a phone: cart → checkout (first address typed there) → sandbox cashier → back to the result page, which
 * turns paid when the notification arrives → the order's detail; a second, unpaid order cancelled; then shipped,
 * received, one unit returned and refunded, and a refund of the other unit rejected and taken to the platform.
 */
@KinshopIT
class BuyerOrderJourneyIT extends BrowserJourney {



    @Test
    void checkOutPayCancelAndAskForAfterSales() throws Exception {
        Staff supplier = fixtures.supplier("旅程良品");
        assertThat(supplier.session().put("/api/supplier/shipping", Map.of("flatFeeFen", 800)).status()).isEqualTo(200);
        long[] product = fixtures.onSale(supplier, "旅程好物礼盒", 2_500, 20);
        Member buyer = fixtures.member("旅程买家");
        signIn(buyer.phone());

        // the cart's 去结算, and the first address typed on the checkout page
        browser.get(url("/p/" + product[0]));
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=add-to-cart]"))));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=sku-sheet]"), "data-state", "open"));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=quantity-plus]")));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=confirm-add]")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=cart-badge]"), "1"));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=bar-cart]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=payable]"), "合计 ¥58.00"));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=go-checkout]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checkout-address-form")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=place-order]")).isEnabled()).as("no address yet").isFalse();
        type(By.id("receiver"), "林小买");
        type(By.id("phone"), "13800002222");
        type(By.id("region"), "浙江省杭州市西湖区");
        type(By.id("detail"), "文三路 100 号");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=save-address]")));
        wait.until(ExpectedConditions.elementToBeSelected(By.cssSelector("input[name=addressId]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=checkout-payable]")).getText()).isEqualTo("合计 ¥58.00");
        assertThat(browser.findElement(By.cssSelector("[data-checkout-order]")).getText()).contains("旅程好物礼盒", "× 2", "¥8.00", "¥58.00");
        Browser.screenshot(browser, "buyer-checkout-zh");

        // 提交订单 → the sandbox cashier → 确认支付 → back on /me/pay/{checkout}, which turns paid by itself
        tap(browser, browser.findElement(By.cssSelector("[data-testid=place-order]")));
        wait.until(ExpectedConditions.urlContains("/sandbox/pay/"));
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-action=pay]"))));
        wait.until(ExpectedConditions.urlContains("/me/pay/"));
        Browser.screenshot(browser, "buyer-pay-result-first-zh");
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=pay-state]"), "支付成功"));
        Browser.screenshot(browser, "buyer-pay-result-paid-zh");
        String checkout = browser.getCurrentUrl().replaceAll(".*/me/pay/", "");
        String order = jdbc.sql("select o.number from orders o join checkout c on c.id = o.checkout_id where c.number = ?").param(checkout)
                .query(String.class).single();

        tap(browser, browser.findElement(By.cssSelector("[data-testid=view-order]")));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=order-status]"), "data-status", "PAID"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=order-number]")).getText()).isEqualTo(order);
        assertThat(browser.findElement(By.cssSelector("[data-testid=order-total]")).getText()).isEqualTo("¥58.00");
        assertThat(browser.findElement(By.cssSelector("[data-testid=order-address]")).getText()).isEqualTo("浙江省杭州市西湖区 文三路 100 号");
        assertThat(browser.findElements(By.cssSelector("[data-testid=timeline] li.done"))).extracting(li -> li.getAttribute("data-step"))
                .containsExactly("order.step.placed", "order.step.paid");
        Browser.screenshot(browser, "buyer-order-paid-zh");

        // no address chosen: said on the page; two 提交订单 at once: one set of orders, the second lands on 待付款
        assertThat(buyer.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1)).status()).isLessThan(300);
        Response noAddress = buyer.session().postForm("/me/addresses", "/checkout", Map.of());
        assertThat(noAddress.status()).isEqualTo(200);
        assertThat(noAddress.body()).contains("请选择收货地址");
        String address = jdbc.sql("select id from address where account_id = ?").param(buyer.id()).query(String.class).single();
        List<Response> twice = Concurrently.all(2, () -> buyer.session().postForm("/me/addresses", "/checkout", Map.of("addressId", address)));
        assertThat(twice).extracting(Response::status).containsOnly(302);
        assertThat(twice).extracting(r -> r.header("Location").replaceAll("^https?://[^/]+", "").replaceAll("/sandbox/pay/.*", "/sandbox/pay/…"))
                .containsExactlyInAnyOrder("/sandbox/pay/…", "/me/orders?tab=unpaid");
        assertThat(jdbc.sql("select count(*) from checkout where buyer_id = ?").param(buyer.id()).query(Integer.class).single()).isEqualTo(2);

        // the unpaid one: 去支付 from the list, the payment fails at the cashier, the result page offers to pay again
        browser.get(url("/me/orders?tab=unpaid"));
        List<WebElement> unpaid = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("[data-order]")));
        assertThat(unpaid).hasSize(1);
        String unpaidOrder = unpaid.get(0).getAttribute("data-order");
        Browser.screenshot(browser, "buyer-orders-unpaid-zh");
        tap(browser, unpaid.get(0).findElement(By.cssSelector("[data-action=pay]")));
        wait.until(ExpectedConditions.urlContains("/sandbox/pay/"));
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-action=fail]"))));
        wait.until(ExpectedConditions.urlContains("/me/pay/"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=pay-state]"), "支付失败"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=pay-again]")).getText()).isEqualTo("去支付");
        Browser.screenshot(browser, "buyer-pay-result-failed-zh");

        // … and cancelled from its page instead
        tap(browser, browser.findElement(By.cssSelector("a[data-order='" + unpaidOrder + "']")));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=order-status]"), "data-status", "AWAITING_PAYMENT"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=order-status]")).getText()).contains("待付款", "前付款");
        Browser.screenshot(browser, "buyer-order-unpaid-zh");
        tap(browser, browser.findElement(By.cssSelector("[data-action=cancel]")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=order-status]"), "data-status", "CANCELLED"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=notice]")).getText()).isEqualTo("订单已取消");
        assertThat(browser.findElement(By.cssSelector("[data-testid=timeline]")).getText()).contains("订单取消", "你取消了订单");
        assertThat(browser.findElements(By.cssSelector("[data-action=pay]"))).isEmpty();
        assertThat(jdbc.sql("select status from orders where number = ?").param(unpaidOrder).query(String.class).single()).isEqualTo("CANCELLED");
        Browser.screenshot(browser, "buyer-order-cancelled-zh");

        // shipped: tracking on the page; 确认收货
        Response shipped = supplier.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "顺丰速运", "trackingNumber", "SF1234567890"));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        browser.get(url("/me/orders/" + order));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=order-status]"), "data-status", "SHIPPED"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=timeline]")).getText()).contains("顺丰速运 运单号 SF1234567890");
        tap(browser, browser.findElement(By.cssSelector("[data-action=receipt]")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=order-status]"), "data-status", "RECEIVED"));

        // 申请售后: return one of the two units
        tap(browser, browser.findElement(By.cssSelector("[data-action=after-sale]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("after-sale-form")));
        tap(browser, browser.findElement(By.cssSelector("input[name=kind][value=RETURN_AND_REFUND]")));
        WebElement units = browser.findElement(By.id("quantity"));
        assertThat(units.getAttribute("value")).isEqualTo("2");
        units.clear();
        units.sendKeys("1");
        type(By.id("reason"), "尺码不合适");
        Browser.screenshot(browser, "buyer-after-sale-form-zh");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=submit-after-sale]")));
        wait.until(ExpectedConditions.urlContains("/me/after-sales"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=notice]")).getText()).isEqualTo("售后申请已提交，等待商家处理");
        assertThat(browser.findElement(By.cssSelector("[data-testid=after-sale-status]")).getText()).isEqualTo("待商家处理");
        String returned = browser.findElement(By.cssSelector("[data-after-sale]")).getAttribute("data-after-sale");

        // the supplier agrees; the buyer sends it back with a tracking number
        assertThat(supplier.session().put("/api/supplier/return-address",
                Map.of("name", "退货组", "phone", "13698765432", "address", "江苏省苏州市工业园区星湖街 88 号退货仓")).status()).isEqualTo(200);
        assertThat(supplier.session().post("/api/supplier/after-sales/" + returned + "/approve", Map.of()).status()).isEqualTo(200);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-form=return]")));
        // where to send it, with a copy button
        assertThat(browser.findElement(By.cssSelector("[data-after-sale='" + returned + "'] [data-testid=return-to]")).getText())
                .contains("寄回地址", "退货组 13698765432", "江苏省苏州市工业园区星湖街 88 号退货仓");
        WebElement copy = browser.findElement(By.cssSelector("[data-after-sale='" + returned + "'] [data-testid=copy-return-to]"));
        assertThat(copy.getText()).isEqualTo("复制");
        tap(browser, copy);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-after-sale='" + returned + "'] [data-testid=copy-return-to]"), "已复制"));
        Browser.screenshot(browser, "buyer-after-sale-return-to-zh");
        type(By.cssSelector("[data-form=return] input[name=carrier]"), "中通快递");
        type(By.cssSelector("[data-form=return] input[name=trackingNumber]"), "ZT12345678");
        tap(browser, browser.findElement(By.cssSelector("[data-action=ship-return]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=after-sale-status]"), "退货已寄出"));
        assertThat(supplier.session().post("/api/supplier/after-sales/" + returned + "/return-received", Map.of()).status()).isEqualTo(200);
        Purchases.await("the return refunded", () -> "REFUNDED".equals(
                jdbc.sql("select status from after_sale where number = ?").param(returned).query(String.class).single()));

        browser.get(url("/me/orders/" + order));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=refunded-quantity]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=refunded-quantity]")).getText()).isEqualTo("已退 1 件");
        assertThat(browser.findElement(By.cssSelector("[data-testid=order-refunded]")).getText()).isEqualTo("¥25.00");
        Browser.screenshot(browser, "buyer-order-part-refunded-zh");

        // the other unit: refund only, rejected by the supplier, taken to the platform
        tap(browser, browser.findElement(By.cssSelector("[data-action=after-sale]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("after-sale-form")));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=submit-after-sale]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=reason-error]"), "请填写原因"));
        type(By.id("reason"), "有划痕");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=submit-after-sale]")));
        wait.until(ExpectedConditions.urlContains("/me/after-sales"));
        String refused = browser.findElement(By.cssSelector("[data-after-sale][data-status=REQUESTED]")).getAttribute("data-after-sale");
        assertThat(supplier.session().post("/api/supplier/after-sales/" + refused + "/reject", Map.of("reason", "出厂检验无划痕")).status()).isEqualTo(200);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=reject-reason]"), "出厂检验无划痕"));
        tap(browser, browser.findElement(By.cssSelector("[data-action=escalate]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-after-sale='" + refused + "'] [data-testid=after-sale-status]"),
                "平台介入中"));
        Browser.screenshot(browser, "buyer-after-sales-zh");

        // the same pages in English, and the member centre's new entries
        browser.get(url("/me/after-sales?lang=en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-after-sale='" + refused + "'] [data-testid=after-sale-status]"),
                "Platform reviewing"));
        assertThat(browser.findElement(By.cssSelector("[data-after-sale='" + returned + "'] [data-testid=return-to]")).getText())
                .contains("Send it back to", "退货组 13698765432", "江苏省苏州市工业园区星湖街 88 号退货仓");
        assertThat(browser.findElement(By.cssSelector("[data-after-sale='" + returned + "'] [data-testid=copy-return-to]")).getText()).isEqualTo("Copy");
        Browser.screenshot(browser, "buyer-after-sales-en");
        browser.get(url("/me/orders/" + order));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=order-status]"), "Received"));
        Browser.screenshot(browser, "buyer-order-en");
        browser.get(url("/me/pay/" + checkout));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=pay-state]"), "Payment successful"));
        Browser.screenshot(browser, "buyer-pay-result-en");
        browser.get(url("/me/orders"));
        assertThat(wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("[data-order]")))).hasSize(2);
        Browser.screenshot(browser, "buyer-orders-en");
        browser.get(url("/me?lang=zh_CN"));
        tap(browser, wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=my-orders]"))));
        wait.until(ExpectedConditions.urlContains("/me/orders"));
        browser.get(url("/me"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-unread]")));
        Browser.screenshot(browser, "buyer-me-zh");

        // the messages (站内信), every argument in place, in both languages
        Purchases.await("the refund message", () -> jdbc.sql("select count(*) from inbox_message where account_id = ? and message_key = 'inbox.order.refunded'")
                .param(buyer.id()).query(Integer.class).single() > 0);
        browser.get(url("/me/messages"));
        List<String> chinese = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("[data-inbox-message] [data-testid=message-text]")))
                .stream().map(WebElement::getText).toList();
        assertThat(chinese).contains("订单 " + order + " 支付成功，实付 ¥58.00，等待商家发货", "订单 " + order + " 退款 ¥25.00 已原路退回")
                .noneMatch(text -> text.contains("[Ljava") || text.matches(".*\\{\\d.*"));
        Browser.screenshot(browser, "buyer-messages-zh");
        browser.get(url("/me/messages?lang=en"));
        List<String> english = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("[data-inbox-message] [data-testid=message-text]")))
                .stream().map(WebElement::getText).toList();
        assertThat(english).contains("Order " + order + " is paid (¥58.00); the supplier will ship it soon",
                "Refund of ¥25.00 for order " + order + " is on its way back to you")
                .noneMatch(text -> text.contains("[Ljava") || text.matches(".*\\{\\d.*"));
        Browser.screenshot(browser, "buyer-messages-en");
    }

    private void signIn(String phone) {
        browser.get(url("/login"));
        type(By.id("phone"), phone);
        type(By.id("password"), "secret123");
        tap(browser, browser.findElement(By.cssSelector("#password-login button[type=submit]")));
        wait.until(ExpectedConditions.urlContains("/me"));
    }
}
