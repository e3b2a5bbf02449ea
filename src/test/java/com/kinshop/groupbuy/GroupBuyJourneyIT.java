package com.kinshop.groupbuy;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three phones: a leader arrives through a sharer's product link, opens a group (发起拼团 ¥y), pays, and shares the
 * group's link; two friends open it, sign in, join and pay; the group succeeds on the last payment and the supplier can
 * ship. Then a group that fails: its members see the refund in 我的订单, 我的拼团 and 站内信.
 */
@KinshopIT
class GroupBuyJourneyIT extends BrowserJourney {

    @Autowired
    MutableClock clock;
    @Autowired
    GroupTimers timers;

    @Test
    void aLeaderAndTwoFriendsFillAGroupFromAShareLinkAndTheSupplierShips() {
        Purchases purchases = new Purchases(jdbc);
        GroupBuyFixtures groups = new GroupBuyFixtures(fixtures, purchases, jdbc, clock);
        GroupBuyFixtures.Campaign campaign = groups.campaign("旅程拼团橙", 3, 30, 1);
        Member sharer = fixtures.member("拼团分享人");
        String shop = Fixtures.openShop(sharer, "拼团分享店", "gj");
        Member leader = fixtures.member("旅程团长");
        List<Member> friends = List.of(fixtures.member("旅程好友甲"), fixtures.member("旅程好友乙"));
        purchases.address(leader);
        friends.forEach(purchases::address);

        browser.get(url("/p/" + campaign.productId() + "?s=" + shop));
        var bar = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=group-buy-bar]")));
        assertThat(bar.getText()).contains("单独购买").contains("¥100.00").contains("发起拼团").contains("¥69.00");
        Browser.screenshot(browser, "groupbuy-product-bar-zh");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=start-group]")));
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=sign-in-to-join]"))));
        signIn(browser, wait, leader);
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=seat-submit]"))));
        payAtTheCashier(browser, wait);
        String leaderOrder = seatOrder(leader);
        long groupId = jdbc.sql("select group_id from group_seat where order_number = ?").param(leaderOrder).query(Long.class).single();
        Purchases.await("the leader's payment counted", () -> "PAID".equals(groups.seatStatus(leaderOrder)));

        browser.get(url("/groups/" + groupId));
        String shareLink = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=share-link]"))).getDomProperty("value");
        assertThat(shareLink).as("the link carries the sharer's shop code").endsWith("/groups/" + groupId + "?s=" + shop);
        assertThat(browser.findElement(By.cssSelector("[data-testid=group-headline]")).getText()).isEqualTo("还差 2 人成团");
        assertThat(browser.findElements(By.cssSelector("[data-testid=empty-seat]"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("[data-testid=countdown]")).getText()).contains("23:5");
        Browser.screenshot(browser, "groupbuy-group-open-zh");

        for (int i = 0; i < friends.size(); i++) {
            ChromeDriver phone = Browser.phone(i == 0 ? "zh-CN" : "en");
            try {
                WebDriverWait phoneWait = new WebDriverWait(phone, Duration.ofSeconds(10));
                phoneWait.ignoring(org.openqa.selenium.WebDriverException.class);
                phone.get(shareLink);
                tap(phone, phoneWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=sign-in-to-join]"))));
                signIn(phone, phoneWait, friends.get(i));
                tap(phone, phoneWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=seat-submit]"))));
                payAtTheCashier(phone, phoneWait);
                if (i == 1) {
                    // the group succeeds when the last payment's event is handled, just after the cashier shows it paid
                    Purchases.await("the group succeeded", () -> "SUCCEEDED".equals(groups.groupStatus(groupId)));
                    phone.get(url("/groups/" + groupId + "?lang=en"));
                    phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=group-headline]"), "succeeded"));
                    Browser.screenshot(phone, "groupbuy-group-succeeded-en");
                }
            } finally {
                phone.quit();
            }
        }
        Purchases.await("the group succeeded", () -> "SUCCEEDED".equals(groups.groupStatus(groupId)));
        browser.get(url("/groups/" + groupId));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=group-headline]"), "拼团成功"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=member]"))).hasSize(3);
        Browser.screenshot(browser, "groupbuy-group-succeeded-zh");
        assertThat(jdbc.sql("select shop_code from order_line l join orders o on o.id = l.order_id where o.number = ?").param(leaderOrder)
                .query(String.class).single()).as("bound and paid through the share link").isEqualTo(shop);

        Response shipped = campaign.supplier().session().post("/api/supplier/orders/" + leaderOrder + "/shipment",
                Map.of("carrier", "顺丰速运", "trackingNumber", "SF2026121201"));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        groups.unitsAddUp(campaign.id());
    }

    @Test
    void membersOfAFailedGroupSeeTheRefundInTheirOrdersGroupsAndMessages() {
        Purchases purchases = new Purchases(jdbc);
        GroupBuyFixtures groups = new GroupBuyFixtures(fixtures, purchases, jdbc, clock);
        GroupBuyFixtures.Campaign campaign = groups.campaign("旅程失败团", 3, 10, 1);
        Member leader = fixtures.member("没凑齐的团长");
        GroupBuyFixtures.Seat seat = groups.opened(leader, campaign, null);
        groups.pay(seat);
        GroupBuyFixtures.Seat friend = groups.joined(fixtures.member("没凑齐的好友"), seat.groupId(), campaign);
        groups.pay(friend);
        clock.advance(Duration.ofHours(25));
        timers.runDue();
        for (GroupBuyFixtures.Seat paid : List.of(seat, friend)) {
            Purchases.await("refunded " + paid.orderNumber(), () -> "REFUNDED".equals(purchases.status(paid.orderNumber())));
        }

        browser.get(url("/login?next=/me/orders"));
        signIn(browser, wait, leader);
        wait.until(ExpectedConditions.urlContains("/me/orders"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "旅程失败团"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("已退款").contains("已退 ¥69.00");
        Browser.screenshot(browser, "groupbuy-failed-orders-zh");

        browser.get(url("/me/groups?tab=FAILED"));
        var mine = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=group-refund]")));
        assertThat(mine.getText()).contains("已退款 ¥69.00").contains("RW" + seat.orderNumber());
        Browser.screenshot(browser, "groupbuy-failed-mine-zh");

        browser.get(url("/me/messages"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "拼团未成团"));
        Purchases.await("the refund message", () -> browser.findElement(By.tagName("main")).getText().contains("退款 ¥69.00 已原路退回")
                || reload());
        Browser.screenshot(browser, "groupbuy-failed-messages-zh");

        browser.get(url("/me/groups?tab=FAILED&lang=en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=group-refund]"), "Refunded ¥69.00"));
        Browser.screenshot(browser, "groupbuy-failed-mine-en");
    }

    @Test
    void aSupplierProposesACampaignInTheConsoleAndAnOperatorApprovesItAndTurnsVirtualFillOn() {
        Fixtures.Staff supplier = fixtures.supplier("控制台拼团" + java.util.UUID.randomUUID().toString().substring(0, 4));
        long[] product = fixtures.onSale(supplier, "控制台拼团梨", 10_000, 50);
        browser.get(url("/login?next=/console/supplier/group-campaigns"));
        signIn(browser, wait, new Member(null, supplier.phone(), 0));
        new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=group-product-select]")))).selectByValue(String.valueOf(product[0]));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=choose-product]")));
        type(By.cssSelector("[data-testid=group-price-" + product[1] + "]"), "50");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=create-group-campaign]")));
        var error = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=form-error]")));
        assertThat(error.getText()).as("refused naming the SKU").contains("标准装").contains("拼团价太低");
        assertThat(jdbc.sql("select count(*) from group_campaign where product_id = ?").param(product[0]).query(Integer.class).single()).isZero();
        var price = browser.findElement(By.cssSelector("[data-testid=group-price-" + product[1] + "]"));
        price.clear();
        price.sendKeys("69.00");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=create-group-campaign]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=group-campaign-row]")));
        long campaign = jdbc.sql("select id from group_campaign where product_id = ?").param(product[0]).query(Long.class).single();
        assertThat(browser.findElement(By.cssSelector("[data-campaign='" + campaign + "'] [data-testid=phase]")).getText()).isEqualTo("待审核");
        Browser.screenshot(browser, "groupbuy-console-supplier-zh");

        ChromeDriver operator = Browser.phone("en");
        try {
            WebDriverWait operatorWait = new WebDriverWait(operator, Duration.ofSeconds(10));
            operatorWait.ignoring(org.openqa.selenium.WebDriverException.class);
            operator.get(url("/login?next=/console/admin/group-campaigns"));
            signIn(operator, operatorWait, new Member(null, Fixtures.OPERATOR_PHONE, 0), Fixtures.DEMO_PASSWORD);
            tap(operator, operatorWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-actions='" + campaign + "'] [data-testid=approve]"))));
            operatorWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "Approved"));
            tap(operator, operatorWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-actions='" + campaign + "'] [data-testid=virtual-fill]"))));
            operatorWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "Virtual fill is on"));
            assertThat(operator.findElement(By.cssSelector("[data-campaign='" + campaign + "'] [data-testid=phase]")).getText()).isEqualTo("Running");
            Browser.screenshot(operator, "groupbuy-console-admin-en");
        } finally {
            operator.quit();
        }
        assertThat(jdbc.sql("select virtual_fill from group_campaign where id = ?").param(campaign).query(Boolean.class).single()).isTrue();
    }

    private boolean reload() {
        browser.navigate().refresh();
        return false;
    }

    private String seatOrder(Member member) {
        Purchases.await("the seat of " + member.phone(), () -> jdbc.sql("select count(*) from group_seat where member_id = ?").param(member.id())
                .query(Integer.class).single() == 1);
        return jdbc.sql("select order_number from group_seat where member_id = ?").param(member.id()).query(String.class).single();
    }

    private static void signIn(ChromeDriver phone, WebDriverWait phoneWait, Member member) {
        signIn(phone, phoneWait, member, "secret123");
    }

    private static void signIn(ChromeDriver phone, WebDriverWait phoneWait, Member member, String password) {
        signInWithPassword(phone, phoneWait, member.phone(), password);
    }

    /** The sandbox cashier: 确认支付, then back on the result page. */
    private static void payAtTheCashier(ChromeDriver phone, WebDriverWait phoneWait) {
        tap(phone, phoneWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-action=pay]"))));
        phoneWait.until(ExpectedConditions.urlContains("/me/pay/"));
    }
}
