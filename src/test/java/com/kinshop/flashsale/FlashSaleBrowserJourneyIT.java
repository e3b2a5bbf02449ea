package com.kinshop.flashsale;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two phones at a one-unit session, in Chinese and in English: both open the page while a unit is left; the first taps
 * 马上抢, sees 抢到了 with the pay link and the count drop to 0, pays at the cashier; the second taps Buy now a moment
 * later and is told it sold out, its button off. Then a session that starts while its page is open: the countdown
 * turns from 距开抢 to 距结束 and the button works without a reload.
 */
@KinshopIT
class FlashSaleBrowserJourneyIT extends BrowserJourney {

    @Autowired
    MutableClock clock;
    FlashSaleFixtures flash;

    @BeforeEach
    void flashFixtures() {
        flash = new FlashSaleFixtures(fixtures, jdbc, clock);
    }

    @Test
    void theFirstTapWinsAndPaysTheSecondIsToldItSoldOut() {
        FlashSaleFixtures.Sale sale = flash.running("旅程秒杀橙", 1, 1, Duration.ofMinutes(10));
        Member winner = fixtures.member("旅程抢到的人");
        Member late = fixtures.member("Late buyer");
        flash.address(winner);
        flash.address(late);

        // the product page points to the session (sessions are re-read every few seconds)
        browser.get(url("/p/" + sale.productId()));
        Purchases.await("the product page shows the session", () -> {
            browser.navigate().refresh();
            return !browser.findElements(By.cssSelector("[data-testid=flash-offer]")).isEmpty();
        });
        assertThat(browser.findElement(By.cssSelector("[data-testid=flash-offer]")).getText()).contains("秒杀价 ¥69.00").contains("抢购中").contains("去抢购");
        Browser.screenshot(browser, "flash-product-strip-zh");

        ChromeDriver english = Browser.phone("en");
        WebElement payLink;
        try {
            WebDriverWait englishWait = new WebDriverWait(english, Duration.ofSeconds(10));
            englishWait.ignoring(WebDriverException.class);
            english.get(url("/login?lang=en&next=/flash-sales/" + sale.id()));
            signIn(english, englishWait, late);
            WebElement lateButton = englishWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=buy]")));
            assertThat(lateButton.getText()).isEqualTo("Buy now");

            browser.get(url("/login?next=/flash-sales/" + sale.id()));
            signIn(browser, wait, winner);
            tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=buy]"))));
            payLink = new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=my-claim] a")));
            assertThat(browser.findElement(By.cssSelector("[data-testid=my-claim]")).getText()).contains("抢到了").contains("去付款");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=remaining]"), "剩 0 / 1 件"));
            assertThat(browser.findElement(By.cssSelector("[data-testid=buy]")).isEnabled()).as("one tap, one attempt").isFalse();
            Browser.screenshot(browser, "flash-won-zh");

            tap(english, lateButton);
            englishWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=my-claim]"), "Sold out"));
            englishWait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=remaining]"), "0 of 1 left"));
            assertThat(english.findElement(By.cssSelector("[data-testid=buy]")).isEnabled()).isFalse();
            Browser.screenshot(english, "flash-sold-out-en");
        } finally {
            english.quit();
        }

        tap(browser, payLink);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=pay-state]"), "待付款"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=pay-by]")).getText()).startsWith("请在 ").contains("前付款");
        Browser.screenshot(browser, "flash-pay-due-zh");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=pay-again]")));
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-action=pay]"))));
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=pay-state]"), "支付成功"));
        assertThat(jdbc.sql("select status from flash_claim where sale_id = ?").param(sale.id()).query(String.class).list()).containsExactly("PAID");
        flash.addsUp(sale, 1);
    }

    @Test
    void aSessionThatStartsWhileItsPageIsOpenTakesTheTapWithoutAReload() {
        Member buyer = fixtures.member("旅程等开抢的人");
        flash.address(buyer);
        browser.get(url("/login?next=/flash-sales"));
        signIn(browser, wait, buyer);
        Instant startsAt = clock.instant().plusSeconds(8);
        FlashSaleFixtures.Sale sale = flash.approved("旅程整点橙", 2, 1, startsAt, startsAt.plus(Duration.ofMinutes(30)));

        browser.get(url("/flash-sales/" + sale.id()));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=phase]"))).getText()).isEqualTo("即将开抢");
        assertThat(browser.findElement(By.cssSelector("[data-flash-countdown-label]")).getText()).isEqualTo("距开抢");
        assertThat(browser.findElement(By.cssSelector("[data-testid=buy]")).isEnabled()).isFalse();
        Browser.screenshot(browser, "flash-upcoming-zh");

        WebDriverWait untilItStarts = new WebDriverWait(browser, Duration.ofSeconds(15));
        untilItStarts.ignoring(WebDriverException.class);
        untilItStarts.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=buy]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=phase]")).getText()).isEqualTo("抢购中");
        assertThat(browser.findElement(By.cssSelector("[data-flash-countdown-label]")).getText()).isEqualTo("距结束");
        assertThat(browser.findElement(By.cssSelector("[data-flash-clock]")).getText()).as("counting down to the end").matches("00:(30:00|2\\d:\\d\\d)");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=buy]")));
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=my-claim]"), "抢到了"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=remaining]"), "剩 1 / 2 件"));
        Browser.screenshot(browser, "flash-started-won-zh");
    }

    private static void signIn(ChromeDriver phone, WebDriverWait phoneWait, Member member) {
        signInWithPassword(phone, phoneWait, member.phone(), "secret123");
    }
}
