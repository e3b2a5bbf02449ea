package com.kinshop.bargain;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bargain on phones: the starter starts it in 砍价专区 and copies the share link; two friends, each on their own
 * phone, open the link, sign in from it and come back to cut (one in Chinese, one in English) until the floor; the
 * starter buys at the floor and pays at the sandbox cashier, and finds it bought under 我的砍价. The supplier
 * submits the campaign in its console (a floor below the price rule refused first) and the operator approves it.
 */
@KinshopIT
class BargainJourneyIT extends BrowserJourney {

    @Autowired
    MutableClock clock;

    @Test
    void aStarterSharesFriendsHelpToTheFloorAndTheStarterBuysAndPays() {
        BargainFixtures bargains = new BargainFixtures(fixtures, new Purchases(jdbc), clock, jdbc);
        BargainFixtures.Shop shop = bargains.shop("旅程砍价果园" + UUID.randomUUID().toString().substring(0, 4));
        long campaign = bargains.running(shop, 7_000, 2, 5, false);
        Member starter = fixtures.member("砍价发起人");
        new Purchases(jdbc).address(starter);
        Member first = fixtures.member("李雷");
        Member second = fixtures.member("Hanmei");

        signIn(browser, wait, starter.phone(), "/bargains");
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-campaign='" + campaign + "']")));
        assertThat(card.getText()).contains("最低 ¥70.00").contains("¥100.00").contains("2 位好友帮砍即到底价");
        Browser.screenshot(browser, "bargain-list-zh");
        tap(browser, card.findElement(By.cssSelector("[data-testid=start-bargain]")));
        WebElement shareLink = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=share-link]")));
        String link = shareLink.getAttribute("value");
        long bargain = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/bargains/(\\d+).*", "$1"));
        assertThat(link).isEqualTo(url("/bargains/" + bargain));
        assertThat(browser.findElement(By.cssSelector("[data-testid=bargain]")).getText()).contains("我发起的砍价，已自砍一刀").contains("还需 2 位好友");
        assertThat(browser.findElement(By.cssSelector("[data-testid=cuts]")).getText()).contains("发起人自砍一刀");
        Browser.screenshot(browser, "bargain-started-zh");

        ChromeDriver firstPhone = Browser.phone("zh-CN");
        ChromeDriver secondPhone = Browser.phone("en-US");
        try {
            helpFromTheLink(firstPhone, first, link, "你帮TA砍掉了 ¥", "bargain-friend-helped-zh");
            helpFromTheLink(secondPhone, second, link + "?lang=en", "You cut ¥", "bargain-friend-helped-en");
            assertThat(secondPhone.findElement(By.cssSelector("[data-testid=progress]")).getText()).contains("at the floor price");
        } finally {
            firstPhone.quit();
            secondPhone.quit();
        }

        browser.navigate().refresh();
        WebElement buy = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=buy]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=current-price]")).getText()).isEqualTo("¥70.00");
        assertThat(buy.getText()).isEqualTo("立即购买 ¥70.00");
        assertThat(browser.findElement(By.cssSelector("[data-testid=cuts]")).getText()).contains("好友帮砍（2）").contains("李**").contains("H**");
        Browser.screenshot(browser, "bargain-at-floor-zh");
        tap(browser, buy);
        wait.until(ExpectedConditions.urlContains("/sandbox/pay/"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=amount]")).getText()).as("¥70.00 and the supplier's shipping").startsWith("¥");
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-action=pay]"))));
        wait.until(ExpectedConditions.urlContains("/me/pay/"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=pay-state]"), "支付成功"));
        Purchases.await("the bargain bought", () -> "BOUGHT".equals(bargains.status(bargain)));

        browser.get(url("/me"));
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=my-bargains]"))));
        WebElement mine = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-bargain='" + bargain + "']")));
        assertThat(mine.getText()).contains("已购买").contains("当前 ¥70.00");
        Browser.screenshot(browser, "bargain-mine-zh");
        browser.get(url("/bargains/" + bargain));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=state]"))).getText()).isEqualTo("已购买");
        assertThat(browser.findElement(By.cssSelector("[data-testid=order]")).getText()).isEqualTo("查看订单");
        Browser.screenshot(browser, "bargain-bought-zh");
        browser.get(url("/me/bargains?lang=en"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-bargain='" + bargain + "']"))).getText())
                .contains("Bought").contains("Now ¥70.00");
        Browser.screenshot(browser, "bargain-mine-en");
        bargains.unitsAddUp(shop, campaign, 1, 0);
    }

    @Test
    void theSupplierSubmitsACampaignInItsConsoleAndTheOperatorApprovesIt() {
        BargainFixtures bargains = new BargainFixtures(fixtures, new Purchases(jdbc), clock, jdbc);
        BargainFixtures.Shop shop = bargains.shop("控制台砍价果园" + UUID.randomUUID().toString().substring(0, 4));
        signIn(browser, wait, shop.staff().phone(), "/console/supplier/bargain-campaigns");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bgSku"))).selectByValue(String.valueOf(shop.skuId()));
        type(By.id("bgFloor"), "50");
        browser.findElement(By.id("bgHelpers")).clear();
        type(By.id("bgHelpers"), "3");
        java.time.LocalDateTime now = java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
        browser.executeScript("document.getElementById('bgStart').value = arguments[0]; document.getElementById('bgEnd').value = arguments[1];",
                now.minusMinutes(5).withSecond(0).withNano(0).toString(), now.plusDays(2).withSecond(0).withNano(0).toString());
        tap(browser, browser.findElement(By.cssSelector("[data-testid=create-bargain]")));
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=form-error]")));
        assertThat(error.getText()).startsWith("底价低于价格规则允许的最低价");
        assertThat(browser.findElement(By.id("bgFloor")).getAttribute("class")).contains("is-invalid");
        assertThat(jdbc.sql("select count(*) from bargain_campaign where sku_id = ?").param(shop.skuId()).query(Long.class).single()).isZero();
        Browser.screenshot(browser, "bargain-console-supplier-error-zh");

        WebElement floor = browser.findElement(By.id("bgFloor"));
        floor.clear();
        floor.sendKeys("75");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=create-bargain]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "等待平台审核"));
        long campaign = jdbc.sql("select id from bargain_campaign where sku_id = ?").param(shop.skuId()).query(Long.class).single();
        WebElement submitted = browser.findElement(By.cssSelector("[data-campaign='" + campaign + "']"));
        assertThat(submitted.getText()).contains("待审核").contains("¥100.00 → ¥75.00").contains("3 位好友").contains("0 / 0 / 100");
        Browser.screenshot(browser, "bargain-console-supplier-zh");
        browser.get(url("/console/supplier/bargain-campaigns?lang=en"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=bargain-form]"))).getText())
                .contains("New bargain campaign").contains("Floor price (yuan)");
        Browser.screenshot(browser, "bargain-console-supplier-en");

        ChromeDriver operator = Browser.phone("zh-CN");
        try {
            WebDriverWait operatorWait = new WebDriverWait(operator, Duration.ofSeconds(10));
            operatorWait.ignoring(org.openqa.selenium.WebDriverException.class);
            signIn(operator, operatorWait, Fixtures.OPERATOR_PHONE, "/console/admin/bargain-campaigns", Fixtures.DEMO_PASSWORD);
            WebElement pending = operatorWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-campaign='" + campaign + "']")));
            Browser.screenshot(operator, "bargain-console-admin-zh");
            tap(operator, pending.findElement(By.cssSelector("[data-testid=approve]")));
            operatorWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已通过"));
            assertThat(operator.findElement(By.cssSelector("[data-campaign='" + campaign + "'] [data-testid=status]")).getText()).isEqualTo("进行中");
            operator.get("http://localhost:" + port + "/console/admin/bargain-campaigns?lang=en");
            assertThat(operatorWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-campaign='" + campaign + "']"))).getText())
                    .contains("Running").contains("Bargains started");
            Browser.screenshot(operator, "bargain-console-admin-en");
        } finally {
            operator.quit();
        }
        assertThat(jdbc.sql("select status from bargain_campaign where id = ?").param(campaign).query(String.class).single()).isEqualTo("APPROVED");
    }

    /** A friend's own phone: the shared link, 登录帮TA砍一刀, sign in, back on the bargain, 帮TA砍一刀. */
    private void helpFromTheLink(ChromeDriver phone, Member friend, String link, String helpedText, String screenshot) {
        WebDriverWait phoneWait = new WebDriverWait(phone, Duration.ofSeconds(10));
        phoneWait.ignoring(org.openqa.selenium.WebDriverException.class);
        phone.get(link);
        tap(phone, phoneWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=sign-in-to-help]"))));
        phoneWait.until(ExpectedConditions.urlContains("/login"));
        phoneWait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone"))).sendKeys(friend.phone());
        phone.findElement(By.id("password")).sendKeys("secret123");
        tap(phone, phone.findElement(By.cssSelector("#password-login button[type=submit]")));
        phoneWait.until(ExpectedConditions.urlContains("/bargains/"));
        tap(phone, phoneWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=help]"))));
        phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=helped]"), helpedText));
        assertThat(phone.findElements(By.cssSelector("[data-testid=help]"))).as("each friend helps once").isEmpty();
        Browser.screenshot(phone, screenshot);
    }

    private void signIn(ChromeDriver driver, WebDriverWait driverWait, String phone, String path) {
        signIn(driver, driverWait, phone, path, "secret123");
    }

    private void signIn(ChromeDriver driver, WebDriverWait driverWait, String phone, String path, String password) {
        driver.get(url("/login?next=" + path));
        driverWait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone"))).sendKeys(phone);
        driver.findElement(By.id("password")).sendKeys(password);
        tap(driver, driver.findElement(By.cssSelector("#password-login button[type=submit]")));
        driverWait.until(ExpectedConditions.urlContains(path));
    }
}
