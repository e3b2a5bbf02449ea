package com.kinshop.storefront;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Phones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer on a phone chooses a SKU and taps 加入购物车 signed out: the sign-in page says why it appeared, they
 * register, and land back on the product with that SKU and quantity in the cart. A member switches the sign-in page
 * to English and signs in with the password instead. A member who wanders into the console gets the refusal page
 * with a way back.
 */
@KinshopIT
class SignInForTheCartJourneyIT extends BrowserJourney {



    /** [productId, skuId of ¥100.00, skuId of ¥80.00] */
    private long[] product(String name) {
        return fixtures.onSale(fixtures.supplier(name + "供应商"), name, List.of(Fixtures.sku("大份", 10_000, 5_000, "FIXED", 1_000, 20), Fixtures.sku("小份", 8_000, 4_000, "FIXED", 800, 20)));
    }

    private String text(String testId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=" + testId + "]"))).getText();
    }

    /** 加入购物车 opens the sheet; chooses the second SKU there (the headline follows) and 2 units, then confirms. */
    private void chooseSmallTwoAndAdd(long[] product, String headlineBefore, String headlineAfter) {
        assertThat(text("price")).isEqualTo(headlineBefore);
        tap(browser, browser.findElement(By.cssSelector("[data-testid=add-to-cart]")));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=sku-sheet]"), "data-state", "open"));
        tap(browser, browser.findElement(By.cssSelector("[data-sku-option='" + product[2] + "']")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=price]"), headlineAfter));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=quantity-plus]")));
        assertThat(browser.findElement(By.name("quantity")).getDomProperty("value")).isEqualTo("2");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=confirm-add]")));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private void cartHoldsTwoSmall() {
        browser.get(url("/cart"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=quantity]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=quantity]"))).extracting(WebElement::getText).containsExactly("2");
        assertThat(browser.getPageSource()).contains("小份");
    }

    @Test
    void aNewcomerRegistersAndFindsTheChosenItemInTheCart() {
        long[] product = product("新人加购商品");
        browser.get(url("/p/" + product[0]));
        chooseSmallTwoAndAdd(product, "¥100.00", "¥80.00");
        assertThat(text("sign-in-reason")).isEqualTo("登录后即可加入购物车，商品会为你保留");
        Browser.screenshot(browser, "sign-in-for-cart-zh");

        tap(browser, browser.findElement(By.cssSelector("a[href^='/register']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register")));
        assertThat(text("sign-in-reason")).isEqualTo("登录后即可加入购物车，商品会为你保留");
        String phone = Phones.fresh();
        type(By.id("phone"), phone);
        tap(browser, browser.findElement(By.cssSelector("[data-code-button]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register-code-status"), "验证码已发送"));
        type(By.id("code"), Phones.lastCodeSentTo(jdbc, phone));
        type(By.id("password"), "secret123");
        type(By.id("nickname"), "新来的买家");
        tap(browser, browser.findElement(By.cssSelector("#register button[type=submit]")));

        wait.until(ExpectedConditions.urlContains("/p/" + product[0]));
        assertThat(text("notice")).startsWith("已加入购物车");
        assertThat(text("cart-badge")).as("the bar's 购物车 counts what was kept").isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("input[name=skuId][value='" + product[2] + "']")).isSelected()).isTrue();
        assertThat(text("price")).isEqualTo("¥80.00");
        Browser.screenshot(browser, "back-on-product-after-register-zh");
        cartHoldsTwoSmall();
    }

    @Test
    void inEnglishAMemberSignsInWithThePasswordAndFindsTheItemInTheCart() {
        long[] product = product("英文加购商品");
        Member member = fixtures.member("英文买家");
        browser.get(url("/p/" + product[0]));
        chooseSmallTwoAndAdd(product, "¥100.00", "¥80.00");
        // switching the language on the sign-in page keeps why it appeared and where it returns to
        tap(browser, browser.findElement(By.cssSelector("[data-lang-switch]")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=sign-in-reason]"), "Sign in to add this to your cart, it is kept for you"));
        Browser.screenshot(browser, "sign-in-for-cart-en");

        type(By.id("phone"), member.phone());
        type(By.id("password"), "secret123");
        tap(browser, browser.findElement(By.cssSelector("#password-login button[type=submit]")));
        wait.until(ExpectedConditions.urlContains("/p/" + product[0]));
        assertThat(text("notice")).startsWith("Added to your cart");
        cartHoldsTwoSmall();
    }

    @Test
    void aMemberWhoWandersIntoTheConsoleGetsTheRefusalPageWithAWayBack() {
        Member member = fixtures.member("误入后台");
        browser.get(url("/login"));
        type(By.id("phone"), member.phone());
        type(By.id("password"), "secret123");
        tap(browser, browser.findElement(By.cssSelector("#password-login button[type=submit]")));
        wait.until(ExpectedConditions.urlContains("/me"));

        browser.get(url("/console/admin/settings"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ks-empty b"))).getText()).isEqualTo("没有权限访问此页面");
        assertThat(browser.getPageSource()).doesNotContain("\"status\":403");
        Browser.screenshot(browser, "console-refused-zh");

        browser.get(url("/?lang=en"));
        browser.get(url("/console/admin/settings"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ks-empty b"))).getText()).isEqualTo("You may not open this page");
        Browser.screenshot(browser, "console-refused-en");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=error-me]")));
        wait.until(ExpectedConditions.urlContains("/me"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=nickname]")).getText()).isEqualTo("误入后台");
    }
}
