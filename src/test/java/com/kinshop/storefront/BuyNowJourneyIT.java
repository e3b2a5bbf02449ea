package com.kinshop.storefront;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 立即购买 on a phone: signed out, the buyer chooses a SKU and 2 units, taps 立即购买, signs in and lands on the
 * checkout page for just that line; placing it makes one order and leaves the cart as it was. The same in English.
 */
@KinshopIT
class BuyNowJourneyIT extends BrowserJourney {



    /** [productId, skuId of ¥100.00, skuId of ¥80.00] */
    private long[] product(String name) {
        return fixtures.onSale(fixtures.supplier(name + "供应商"), name, List.of(Fixtures.sku("大份", 10_000, 5_000, "FIXED", 1_000, 20), Fixtures.sku("小份", 8_000, 4_000, "FIXED", 800, 20)));
    }

    /** A member with an address and, already in the cart, one unit of the big SKU. */
    private Member buyerWithACart(String nickname, long[] product) {
        Member member = fixtures.member(nickname);
        new Purchases(jdbc).address(member);
        assertThat(member.session().post("/api/me/cart/items", Map.of("skuId", product[1], "quantity", 1)).status()).isLessThan(300);
        return member;
    }

    /** 立即购买 opens the sheet; 小份 and 2 units chosen there, then confirmed. */
    private void chooseSmallTwoAndBuyNow(long[] product) {
        tap(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=buy-now]"))));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=sku-sheet]"), "data-state", "open"));
        tap(browser, browser.findElement(By.cssSelector("[data-sku-option='" + product[2] + "']")));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=quantity-plus]")));
        assertThat(browser.findElement(By.name("quantity")).getDomProperty("value")).isEqualTo("2");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=confirm-buy]")));
    }

    private void signIn(Member member) {
        wait.until(ExpectedConditions.urlContains("/login"));
        type(By.id("phone"), member.phone());
        type(By.id("password"), "secret123");
        tap(browser, browser.findElement(By.cssSelector("#password-login button[type=submit]")));
    }

    /** On the checkout page of the one line: 2 × ¥80.00 plus shipping; placing it makes that one order, the cart untouched. */
    private void placeTheOneLine(Member member, long[] product, String payablePrefix) {
        wait.until(ExpectedConditions.urlContains("/checkout?sku=" + product[2] + "&quantity=2"));
        String payable = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=checkout-payable]"))).getText();
        assertThat(payable).startsWith(payablePrefix);
        assertThat(browser.findElements(By.cssSelector(".ks-cart-line"))).hasSize(1);
        assertThat(browser.getPageSource()).contains("小份").doesNotContain("大份");
        Browser.screenshot(browser, "buy-now-checkout-" + payablePrefix.charAt(0));
        tap(browser, browser.findElement(By.cssSelector("[data-testid=place-order]")));
        wait.until(driver -> !driver.getCurrentUrl().contains("/checkout"));

        assertThat(jdbc.sql("""
                        select l.sku_id || '×' || l.quantity || '@' || l.unit_price_fen from order_line l join orders o on o.id = l.order_id
                        where o.buyer_id = ?""").param(member.id()).query(String.class).list())
                .containsExactly(product[2] + "×2@8000");
        assertThat(jdbc.sql("select sku_id || '×' || quantity from cart_item where account_id = ?").param(member.id()).query(String.class).list())
                .as("buy now leaves the cart as it was").containsExactly(product[1] + "×1");
        long totalFen = jdbc.sql("select goods_fen + shipping_fen from orders where buyer_id = ?").param(member.id()).query(Long.class).single();
        assertThat(payable).as("the page charged what the order holds").isEqualTo(payablePrefix + String.format("%d.%02d", totalFen / 100, totalFen % 100));
    }

    @Test
    void signedOutTheBuyerSignsInAndLandsOnTheCheckoutOfTheOneSku() {
        long[] product = product("立即购买商品");
        Member member = buyerWithACart("立即购买的买家", product);
        browser.get(url("/p/" + product[0]));
        assertThat(browser.findElement(By.cssSelector("[data-testid=buy-now]")).getText()).isEqualTo("立即购买");
        chooseSmallTwoAndBuyNow(product);
        signIn(member);
        placeTheOneLine(member, product, "合计 ¥");
    }

    @Test
    void inEnglishASignedInMemberBuysNow() {
        long[] product = product("英文立即购买商品");
        Member member = buyerWithACart("英文立即购买", product);
        browser.get(url("/login?lang=en"));
        signIn(member);
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
        browser.get(url("/p/" + product[0]));
        assertThat(browser.findElement(By.cssSelector("[data-testid=buy-now]")).getText()).isEqualTo("Buy now");
        chooseSmallTwoAndBuyNow(product);
        placeTheOneLine(member, product, "Total ¥");
    }
}
