package com.kinshop.catalog;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Fixtures;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A supplier lists a product from the phone console; an operator approves it; it appears in the storefront. */
@KinshopIT
class SupplierConsoleJourneyIT extends BrowserJourney {

    @Test
    void listReviewAndSell() throws Exception {
        signIn(browser, "13900000001");
        browser.get(url("/console/supplier/products/new"));
        browser.findElement(By.id("name")).sendKeys("秦岭土蜂蜜 农家自产");
        new Select(browser.findElement(By.id("categoryId"))).selectByVisibleText("茶饮冲调");
        browser.findElement(By.id("subtitle")).sendKeys("百花蜜，浓稠结晶");
        browser.findElement(By.id("skus0.spec")).sendKeys("500g 玻璃瓶");
        browser.findElement(By.id("skus0.retail")).sendKeys("68.00");
        browser.findElement(By.id("skus0.supply")).sendKeys("40.00");
        browser.findElement(By.id("skus0.commission")).sendKeys("20");
        browser.findElement(By.id("skus0.stock")).sendKeys("120");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=save-product]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "商品已保存"));

        Path image = Files.createTempFile("honey", ".png");
        Files.write(image, Fixtures.png(600, 600));
        type(By.cssSelector("input[name=image]"), image.toString());
        tap(browser, browser.findElement(By.cssSelector("input[name=image] + button")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "图片已上传"));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=submit-review]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已提交审核"));
        Browser.screenshot(browser, "supplier-product-zh");
        String productUrl = browser.getCurrentUrl();
        long productId = Long.parseLong(productUrl.replaceAll(".*/products/(\\d+).*", "$1"));

        ChromeDriver operator = Browser.phone("en");
        try {
            signIn(operator, "13800000000");
            operator.get(url("/console/admin/reviews?lang=en"));
            WebElement item = new WebDriverWait(operator, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-review='" + productId + "']")));
            Browser.screenshot(operator, "operator-reviews-en");
            tap(operator, item.findElement(By.cssSelector("form[action$='/approve'] button")));
            new WebDriverWait(operator, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Approved; the product is on sale"));
        } finally {
            operator.quit();
        }

        browser.get(url("/search?q=土蜂蜜"));
        assertThat(browser.findElements(By.cssSelector("[data-product='" + productId + "']"))).hasSize(1);
    }

    private void signIn(ChromeDriver driver, String phone) {
        driver.get(url("/login"));
        driver.findElement(By.id("phone")).sendKeys(phone);
        driver.findElement(By.id("password")).sendKeys(Fixtures.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("#password-login button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class).until(ExpectedConditions.urlContains("/me"));
    }
}
