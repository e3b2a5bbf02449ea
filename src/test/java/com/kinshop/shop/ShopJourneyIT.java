package com.kinshop.shop;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.HttpSession;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A member on a phone opens a shop, picks three products, shares the link; a stranger's browser opens it. */
@KinshopIT
class ShopJourneyIT extends BrowserJourney {

    @Test
    void openShopPickThreeAndShare() {
        browser.get(url("/login"));
        browser.findElement(By.id("phone")).sendKeys("13800000004");
        browser.findElement(By.id("password")).sendKeys("kinshop123");
        browser.findElement(By.cssSelector("#password-login button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/me"));

        browser.findElement(By.cssSelector("[data-testid=my-shop]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("shop-form")));
        browser.findElement(By.id("name")).sendKeys("小凡的百货铺");
        browser.findElement(By.id("code")).sendKeys("xiaofan");
        browser.findElement(By.id("intro")).sendKeys("实用好物，闭眼入");
        browser.findElement(By.cssSelector("[data-testid=save-shop]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=shop-link]")));

        List<Long> products = firstProducts(3);
        for (long product : products) {
            browser.get(url("/p/" + product));
            assertThat(browser.findElement(By.cssSelector("[data-testid=share-earning]")).getText()).startsWith("分享赚 ¥");
            tap(browser, browser.findElement(By.cssSelector("[data-testid=pick]")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=pick]"), "已加入"));
        }
        Browser.screenshot(browser, "product-picked-zh");
        // 加入购物车 opens the 选择规格 sheet; confirming stays on the product page, then the bar's 购物车
        tap(browser, browser.findElement(By.cssSelector("[data-testid=add-to-cart]")));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=sku-sheet]"), "data-state", "open"));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=confirm-add]")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=toast]"), "已加入购物车"));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=bar-cart]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=payable]"), "合计 ¥"));
        Browser.screenshot(browser, "cart-zh");

        browser.get(url("/me/shop"));
        String shareLink = browser.findElement(By.cssSelector("[data-testid=shop-link]")).getAttribute("value");
        assertThat(shareLink).endsWith("/s/xiaofan");
        assertThat(browser.findElements(By.cssSelector("[data-pick]"))).hasSize(3);
        Browser.screenshot(browser, "my-shop-zh");

        ChromeDriver stranger = Browser.phone("zh-CN");
        try {
            stranger.get(shareLink);
            new WebDriverWait(stranger, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=shop-owner]")));
            assertThat(stranger.findElement(By.cssSelector("[data-testid=shop-name]")).getText()).isEqualTo("小凡的百货铺");
            assertThat(stranger.findElement(By.cssSelector("[data-testid=shop-owner]")).getText()).isEqualTo("店主 张小凡");
            assertThat(stranger.findElements(By.cssSelector("[data-product]"))).extracting(e -> Long.parseLong(e.getAttribute("data-product")))
                    .containsExactlyElementsOf(products);
            Browser.screenshot(stranger, "shared-shop-zh");
        } finally {
            stranger.quit();
        }
    }

    private List<Long> firstProducts(int n) {
        List<Long> ids = new java.util.ArrayList<>();
        new HttpSession(port).get("/api/catalog/products?sort=SALES").json().forEach(card -> ids.add(card.get("id").asLong()));
        return ids.subList(0, n);
    }
}
