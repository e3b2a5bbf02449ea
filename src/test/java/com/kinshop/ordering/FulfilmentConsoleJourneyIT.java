package com.kinshop.ordering;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console side of orders on a phone: a supplier ships one order from the list and another from a CSV, rejects a
 * refund request; the buyer escalates it; the operator decides it in the disputes page and reconciles today.
 */
@KinshopIT
class FulfilmentConsoleJourneyIT extends BrowserJourney {

    @Autowired
    Clock clock;

    @Test
    void supplierShipsAndAnswersAfterSalesOperatorDecidesAndReconciles() throws Exception {
        Purchases purchases = new Purchases(jdbc);
        Staff staff = fixtures.supplier("履约控制台食品");
        long[] product = fixtures.onSale(staff, "云南小粒咖啡豆 500g", 5_900, 50);
        Member buyer = fixtures.member("控制台买家");
        String inline = purchases.placeAndPay(buyer, 1, product[1]).orderNumbers().get(0);
        String byCsv = purchases.placeAndPay(buyer, 2, product[1]).orderNumbers().get(0);
        String disputed = purchases.placeAndPay(buyer, 1, product[1]).orderNumbers().get(0);
        String fromDetail = purchases.placeAndPay(buyer, 3, product[1]).orderNumbers().get(0);

        signIn(browser, staff.phone(), "secret123");
        browser.get(url("/console"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-stat=to-ship]"))).getText()).isEqualTo("4");
        fullPage(browser, "console-supplier-dashboard-zh");

        // one order shipped from the list
        browser.get(url("/console/supplier/orders"));
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-order='" + inline + "']")));
        assertThat(card.getText()).contains("云南小粒咖啡豆", "收货人", "¥59.00");
        fullPage(browser, "console-supplier-orders-zh");
        type(By.cssSelector("[data-order='" + inline + "'] input[name=carrier]"), "顺丰速运");
        type(By.cssSelector("[data-order='" + inline + "'] input[name=trackingNumber]"), "SF1234567890");
        tap(browser, browser.findElement(By.cssSelector("[data-order='" + inline + "'] [data-testid=ship]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已发货"));
        assertThat(purchases.status(inline)).isEqualTo("SHIPPED");
        assertThat(browser.findElements(By.cssSelector("[data-order='" + inline + "']"))).as("gone from 待发货").isEmpty();

        // one from its detail page
        tap(browser, browser.findElement(By.cssSelector("[data-order='" + fromDetail + "'] a")));
        wait.until(ExpectedConditions.urlContains("/console/supplier/orders/" + fromDetail));
        type(By.cssSelector("form[action$='/shipment'] input[name=carrier]"), "京东物流");
        type(By.cssSelector("form[action$='/shipment'] input[name=trackingNumber]"), "JD0012345678");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=ship]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已发货"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/supplier/orders/" + fromDetail);
        assertThat(browser.findElement(By.cssSelector("[data-testid=order-status]")).getText()).isEqualTo("已发货");
        browser.get(url("/console/supplier/orders"));

        // another from a CSV made from the downloadable template; a repeated and an unknown row are answered on their own
        String template = new String(staff.session().getBytes("/console/supplier/orders/to-ship.csv"), StandardCharsets.UTF_8);
        assertThat(template).startsWith("\uFEFForder_number,carrier,tracking_number").contains(byCsv, disputed).doesNotContain(inline).doesNotContain(fromDetail);
        String csvRow = template.lines().filter(line -> line.startsWith(byCsv)).findFirst().orElseThrow()
                .replaceFirst("^" + byCsv + ",,", byCsv + ",中通快递,ZT7788990011");
        Path csv = Files.createTempFile("shipments", ".csv");
        Files.writeString(csv, String.join("\n", "order_number,carrier,tracking_number", csvRow, inline + ",顺丰速运,SF1234567890",
                "K000000000000000000,圆通速递,YT0000000001") + "\n");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=csv-panel]")));
        type(By.cssSelector("input[name=file]"), csv.toString());
        tap(browser, browser.findElement(By.cssSelector("[data-testid=csv-upload]")));
        WebElement results = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=csv-results]")));
        assertThat(results.getText()).contains("发货成功 1 行", "失败 2 行");
        assertThat(results.findElement(By.cssSelector("[data-csv-row='2']")).getText()).contains(byCsv, "已发货");
        assertThat(results.findElement(By.cssSelector("[data-csv-row='3']")).getText()).contains("只有已付款、未发货的订单可以发货");
        assertThat(results.findElement(By.cssSelector("[data-csv-row='4']")).getText()).contains("订单不存在");
        fullPage(browser, "console-supplier-csv-results-zh");
        assertThat(purchases.status(byCsv)).isEqualTo("SHIPPED");
        assertThat(jdbc.sql("select carrier from orders where number = ?").param(byCsv).query(String.class).single()).isEqualTo("中通快递");

        browser.get(url("/console/supplier/orders/" + byCsv));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=order-status]"))).getText()).isEqualTo("已发货");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("中通快递 ZT7788990011", "上海市浦东新区", "¥118.00");
        fullPage(browser, "console-supplier-order-detail-zh");

        // the buyer asks for a refund; the supplier says no in the console
        Response detail = buyer.session().get("/api/me/orders/" + disputed);
        long lineId = detail.json().get("lines").get(0).get("id").asLong();
        Response requested = buyer.session().post("/api/me/orders/" + disputed + "/after-sales",
                Map.of("lineId", lineId, "kind", "REFUND_ONLY", "quantity", 1, "reason", "拍错了规格，还没发货请退款"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String afterSale = requested.json().get("number").asString();
        browser.get(url("/console/supplier/orders"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-order='" + disputed + "']"))).getText())
                .as("held back by the refund request, each line with its spec").contains("退款中", "云南小粒咖啡豆 500g · 标准装 × 1");

        browser.get(url("/console/supplier/after-sales"));
        WebElement request = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-aftersale='" + afterSale + "']")));
        assertThat(request.getText()).contains("待商家处理", "仅退款", "拍错了规格", "同意，退款 ¥59.00");
        fullPage(browser, "console-supplier-aftersales-zh");
        type(By.cssSelector("[data-aftersale='" + afterSale + "'] input[name=reason]"), "订单已打包，请收货后再申请");
        tap(browser, browser.findElement(By.cssSelector("[data-aftersale='" + afterSale + "'] [data-testid=reject]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已拒绝"));
        assertThat(afterSaleStatus(afterSale)).isEqualTo("REJECTED");

        // English, for a look at the other language on a phone
        browser.get(url("/console/supplier/orders?status=SHIPPED&lang=en"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Orders & shipping"));
        assertThat(browser.findElement(By.cssSelector("[data-order='" + inline + "']")).getText()).contains("Shipped", "1 unit");
        fullPage(browser, "console-supplier-orders-shipped-en");
        browser.get(url("/console/supplier/orders?status=PAID&lang=en"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-order='" + disputed + "'] [data-testid=refund-requested]")))
                .getText()).isEqualTo("Refund requested");
        browser.get(url("/console/supplier/after-sales?show=all"));
        fullPage(browser, "console-supplier-aftersales-en");
        browser.get(url("/console?lang=zh_CN"));

        Response escalated = buyer.session().post("/api/me/after-sales/" + afterSale + "/escalate", Map.of());
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);

        // the operator decides, then reconciles today
        ChromeDriver operator = Browser.phone("zh-CN");
        try {
            WebDriverWait operatorWait = new WebDriverWait(operator, Duration.ofSeconds(10));
            operatorWait.ignoring(org.openqa.selenium.WebDriverException.class);
            signIn(operator, Fixtures.OPERATOR_PHONE, Fixtures.DEMO_PASSWORD);
            operator.get(url("/console/admin/disputes"));
            WebElement dispute = operatorWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-dispute='" + afterSale + "']")));
            assertThat(dispute.getText()).contains("拍错了规格", "订单已打包，请收货后再申请", "平台介入中", "履约控制台食品");
            fullPage(operator, "console-operator-disputes-zh");
            dispute.findElement(By.cssSelector("textarea[name=note]")).sendKeys("商家未发货，支持退款");
            tap(operator, dispute.findElement(By.cssSelector("[data-testid=decide-refund]")));
            operatorWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已裁决"));
            Purchases.await("the refund to arrive", () -> "REFUNDED".equals(afterSaleStatus(afterSale)));
            assertThat(purchases.status(disputed)).isEqualTo("REFUNDED");
            operator.navigate().refresh();
            WebElement decided = operatorWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-decided='" + afterSale + "']")));
            assertThat(decided.getText()).contains("商家未发货，支持退款", "已退款");

            // a payment on the provider's bill of a past day that we never recorded
            LocalDate past = LocalDate.of(2001, 2, 3);
            String stray = "PSTRAY" + System.nanoTime() % 1_000_000_000L;
            jdbc.sql("""
                            insert into sandbox_payment (id, merchant_id, out_trade_no, amount_fen, description, status, notify_url, return_url, created_at, paid_at)
                            values (?, ?, ?, 1234, 'stray', 'PAID', 'http://localhost/', 'http://localhost/', ?, ?)""")
                    .params("SBX" + stray, Purchases.MERCHANT, stray, past.atTime(10, 0).atZone(clock.getZone()).toOffsetDateTime(),
                            past.atTime(10, 1).atZone(clock.getZone()).toOffsetDateTime())
                    .update();
            operator.get(url("/console/admin/reconciliation"));
            WebElement day = operatorWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=day]")));
            operator.executeScript("arguments[0].value = arguments[1]", day, past.toString());
            tap(operator, operator.findElement(By.cssSelector("[data-testid=reconcile]")));
            WebElement run = operatorWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ks-highlight[data-run^='" + past + "']")));
            assertThat(run.getText()).contains("1 处差异", "支付", stray, "¥12.34", "无记录");

            tap(operator, operatorWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=reconcile]"))));
            LocalDate today = LocalDate.now(clock);
            operatorWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), today + " 已对账"));
            assertThat(operator.findElements(By.cssSelector(".ks-highlight[data-run^='" + today + "']"))).isNotEmpty();
            assertThat(jdbc.sql("select checked from reconciliation_run where day = ?").param(today).query(Integer.class).list())
                    .as("three payments and a refund on today's bill").allMatch(checked -> checked >= 4);
            assertThat(operator.findElement(By.cssSelector("[data-run^='" + past + "']")).getText()).contains(stray);
            fullPage(operator, "console-operator-reconciliation-zh");
            operator.get(url("/console"));
            fullPage(operator, "console-operator-dashboard-zh");
        } finally {
            operator.quit();
        }
    }

    private String afterSaleStatus(String number) {
        return jdbc.sql("select status from after_sale where number = ?").param(number).query(String.class).single();
    }

    private void signIn(ChromeDriver driver, String phone, String password) {
        driver.get(url("/login"));
        driver.findElement(By.id("phone")).sendKeys(phone);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#password-login button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class).until(ExpectedConditions.urlContains("/me"));
    }

    /** The whole page at phone width (not just the first screen), under target/screenshots. */
    private static void fullPage(ChromeDriver driver, String name) throws Exception {
        Number height = (Number) driver.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", 390, "height", Math.min(height.intValue(), 6000), "scale", 1)));
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
