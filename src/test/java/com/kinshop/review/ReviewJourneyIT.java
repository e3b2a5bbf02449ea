package com.kinshop.review;

import com.kinshop.review.ReviewFixtures.Received;
import com.kinshop.review.ReviewFixtures.Shop;
import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** On a phone: the buyer reviews a received item from the order page, the supplier replies in the console, everyone sees both. */
@KinshopIT
@Import(StarsCountedRecorder.class)
class ReviewJourneyIT extends BrowserJourney {

    @Test
    void aBuyerReviewsFromTheOrderPageAndTheSupplierReplies() {
        ReviewFixtures reviews = new ReviewFixtures(fixtures, new Purchases(jdbc), jdbc);
        Shop shop = reviews.shop("旅程评价果园");
        Received line = reviews.received(shop, fixtures.member("旅程买家"));

        signIn(line.buyer().phone());
        browser.get(url("/me/orders/" + line.orderNumber()));
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-action=review]"))));
        wait.until(ExpectedConditions.urlContains("/me/reviews/new"));
        tap(browser, browser.findElement(By.cssSelector("label[for=productStars4]")));
        type(By.id("reviewText"), "很新鲜，包装也好，就是快递慢了一天。");
        Browser.screenshot(browser, "review-write-zh");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=post-review]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "评价已发布"));
        assertThat(browser.findElement(By.cssSelector("[data-stars]")).getAttribute("data-stars")).isEqualTo("4");
        Browser.screenshot(browser, "review-mine-zh");
        assertThat(jdbc.sql("select product_stars from review where order_line_id = ?").param(line.lineId()).query(Integer.class).single())
                .isEqualTo(4);

        browser.manage().deleteAllCookies();
        signIn(shop.staff().phone());
        browser.get(url("/console/supplier/buyer-reviews"));
        type(By.cssSelector("input[name=text]"), "感谢反馈，已提醒快递加快派送。");
        tap(browser, browser.findElement(By.cssSelector("form[action$='/replies'] button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已回复"));
        Browser.screenshot(browser, "review-console-supplier-zh");

        browser.get(url("/p/" + shop.productId() + "/reviews?lang=en"));
        String page = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-review]"))).getText();
        assertThat(page).contains("很新鲜，包装也好").contains("Seller's reply").contains("感谢反馈，已提醒快递加快派送。");
        Browser.screenshot(browser, "review-list-en");
    }

    private void signIn(String phone) {
        browser.get(url("/login"));
        type(By.id("phone"), phone);
        type(By.id("password"), "secret123");
        tap(browser, browser.findElement(By.cssSelector("#password-login button[type=submit]")));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
