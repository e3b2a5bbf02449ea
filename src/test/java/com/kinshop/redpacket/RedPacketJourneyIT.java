package com.kinshop.redpacket;

import com.kinshop.ledger.Ledger;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 抢红包 on a phone: a signed-out member opens a campaign, signs in, grabs a packet and sees what it won; the same in
 * English; a supplier creates a campaign in its console, where a bad input is named on its field and nothing is held.
 */
@KinshopIT
class RedPacketJourneyIT extends BrowserJourney {

    @Autowired
    OrderTimers orderTimers;
    @Autowired
    MutableClock clock;
    @Autowired
    Ledger ledger;
    RedPacketFixtures packets;

    @BeforeEach
    void redPackets() {
        packets = new RedPacketFixtures(fixtures, new Purchases(jdbc), orderTimers, clock, ledger);
    }

    private void signIn(Member member) {
        wait.until(ExpectedConditions.urlContains("/login"));
        type(By.id("phone"), member.phone());
        type(By.id("password"), "secret123");
        tap(browser, browser.findElement(By.cssSelector("#password-login button[type=submit]")));
    }

    private long wonFen(long campaign, Member member) {
        return jdbc.sql("select amount_fen from red_packet_claim where campaign_id = ? and member_id = ?").params(campaign, member.id())
                .query(Long.class).single();
    }

    private static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, fen % 100);
    }

    @Test
    void aSignedOutMemberSignsInGrabsAPacketAndSeesWhatItWon() {
        Staff supplier = packets.owedSupplier("抢红包旗舰店", 9_000);
        long campaign = packets.running(supplier, "周末红包雨", 2_000, 100, 500, Duration.ofHours(3));
        Member member = fixtures.member("抢红包的人");

        browser.get(url("/red-packets/" + campaign));
        assertThat(browser.findElement(By.cssSelector("[data-testid=supplier-name]")).getText()).isEqualTo("抢红包旗舰店");
        String countdown = browser.findElement(By.cssSelector("[data-countdown-clock]")).getText();
        assertThat(countdown).matches("0[23]:\\d\\d:\\d\\d");
        assertThat(browser.findElement(By.cssSelector("[data-testid=countdown]")).getText()).startsWith("距结束");
        assertThat(browser.findElement(By.cssSelector("[data-product]")).getText()).contains("抢红包旗舰店礼盒");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=sign-in-to-claim]")));
        signIn(member);
        wait.until(ExpectedConditions.urlContains("/red-packets/" + campaign));

        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=claim]"))));
        WebElement won = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=won]")));
        long fen = wonFen(campaign, member);
        assertThat(fen).isBetween(100L, 500L);
        assertThat(won.getText()).isEqualTo("恭喜抢到 ¥" + yuan(fen) + "，已放入我的优惠券");
        assertThat(browser.findElement(By.cssSelector("[data-testid=why-not]")).getText()).isEqualTo("已抢到");
        assertThat(browser.findElement(By.cssSelector("[data-testid=mine]")).getText()).contains("你抢到 ¥" + yuan(fen));
        assertThat(browser.findElements(By.cssSelector("[data-testid=claim]"))).as("one packet per member").isEmpty();
        Browser.screenshot(browser, "red-packet-won-zh");

        browser.get(url("/me/coupons"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main"))).getText())
                .as("the packet is in 我的优惠券, on this shop's products (coupon figures drop .00)")
                .contains("周末红包雨", fen % 100 == 0 ? "¥" + fen / 100 : "¥" + yuan(fen));

        browser.get(url("/red-packets"));
        assertThat(browser.findElement(By.cssSelector("[data-campaign='" + campaign + "']")).getText()).contains("周末红包雨", "抢红包旗舰店");
        Browser.screenshot(browser, "red-packets-list-zh");
    }

    @Test
    void inEnglishAMemberGrabsAPacketAndAnotherFindsThemAllGone() {
        Staff supplier = packets.owedSupplier("Packet Shop", 9_000);
        long campaign = packets.running(supplier, "One lucky packet", 300, 300, 300, Duration.ofHours(1));
        Member first = fixtures.member("first grabber");
        browser.get(url("/login?lang=en"));
        signIn(first);
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
        browser.get(url("/red-packets/" + campaign));
        assertThat(browser.findElement(By.cssSelector("[data-testid=countdown]")).getText()).startsWith("Ends in");
        WebElement grab = browser.findElement(By.cssSelector("[data-testid=claim]"));
        assertThat(grab.getText()).isEqualTo("Grab!");
        tap(browser, grab);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=won]"))).getText())
                .isEqualTo("You won ¥3.00! It is in My coupons");
        Browser.screenshot(browser, "red-packet-won-en");

        Member late = fixtures.member("late grabber");
        Response gone = late.session().post("/api/red-packets/" + campaign + "/claims?lang=en", java.util.Map.of());
        assertThat(gone.json().get("detail").asString()).isEqualTo("All packets are gone");
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=en"));
        signIn(late);
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
        browser.get(url("/red-packets/" + campaign));
        assertThat(browser.findElement(By.cssSelector("[data-testid=why-not]")).getText()).isEqualTo("All packets are gone");
        Browser.screenshot(browser, "red-packet-all-gone-en");
    }

    @Test
    void aSupplierCreatesACampaignInItsConsoleAndABadInputIsNamedOnItsField() {
        Staff supplier = packets.owedSupplier("控制台红包店", 9_000);
        long payable = packets.payable(supplier);
        Member staff = new Member(null, supplier.phone(), 0);
        browser.get(url("/console/supplier/red-packets"));
        signIn(staff);
        wait.until(ExpectedConditions.urlContains("/console/supplier/red-packets"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=available]")).getText()).contains("¥" + yuan(payable));

        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
        fill("红包雨", "20", "3", "1", now, now.plusHours(2));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=create-red-packet]")));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=form-error]")));
        assertThat(error.getText()).isEqualTo("单个红包最大金额不能小于最小金额");
        assertThat(browser.findElement(By.id("rpMax")).getAttribute("class")).contains("is-invalid");
        assertThat(browser.findElement(By.id("rpName")).getAttribute("value")).as("what was typed stays").isEqualTo("红包雨");
        assertThat(jdbc.sql("select count(*) from red_packet_campaign where supplier_id = ?").param(supplier.supplierId()).query(Long.class).single()).isZero();
        Browser.screenshot(browser, "red-packet-console-error-zh");

        browser.findElement(By.id("rpMax")).clear();
        browser.findElement(By.id("rpMax")).sendKeys("5");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=create-red-packet]")));
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-campaign]")));
        assertThat(card.findElement(By.cssSelector("[data-figure=budget]")).getText()).isEqualTo("¥20.00");
        assertThat(card.findElement(By.cssSelector("[data-figure=held]")).getText()).isEqualTo("¥20.00");
        assertThat(card.findElement(By.cssSelector("[data-testid=status]")).getText()).isEqualTo("进行中");
        assertThat(packets.held(supplier)).isEqualTo(2_000);
        wholePage("red-packet-console-zh");
        browser.get(url("/console/supplier/red-packets?lang=en"));
        WebElement english = browser.findElement(By.cssSelector("[data-campaign]"));
        assertThat(english.findElement(By.cssSelector("[data-testid=status]")).getText()).isEqualTo("Running");
        wholePage("red-packet-console-en");
    }

    @Test
    void beforeItStartsTheCampaignCountsDownToItsStart() {
        Staff supplier = packets.owedSupplier("预告红包店", 9_000);
        Instant now = clock.instant();
        Response created = supplier.session().post("/api/supplier/red-packets",
                RedPacketFixtures.campaign("晚八点红包", 1_000, 100, 200, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))));
        assertThat(created.json().get("phase").asString()).isEqualTo("UPCOMING");
        browser.get(url("/red-packets/" + created.json().get("id").asLong()));
        assertThat(browser.findElement(By.cssSelector("[data-testid=countdown]")).getText()).startsWith("距开始");
        assertThat(browser.findElement(By.cssSelector("[data-countdown-clock]")).getText()).matches("0[01]:\\d\\d:\\d\\d");
        assertThat(browser.findElement(By.cssSelector("[data-testid=why-not]")).getText()).isEqualTo("活动还没开始，请稍后再来");
        Browser.screenshot(browser, "red-packet-upcoming-zh");
    }

    /** The whole page at the phone's width (the console's figures are below the form), then the phone screen again. */
    private void wholePage(String name) {
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", height, "deviceScaleFactor", 1, "mobile", true));
        Browser.screenshot(browser, name);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    private void fill(String name, String budget, String min, String max, LocalDateTime starts, LocalDateTime ends) {
        type(By.id("rpName"), name);
        type(By.id("rpBudget"), budget);
        type(By.id("rpMin"), min);
        type(By.id("rpMax"), max);
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("rpStart")), starts.toString());
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("rpEnd")), ends.toString());
    }
}
