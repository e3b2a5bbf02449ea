package com.kinshop.storefront;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Purchases;
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
 * The product page as buyers expect it on a phone: the bottom bar (店铺 / 购物车 / 加入购物车 / 立即购买) opens the
 * 选择规格 sheet; choosing a SKU changes the price and stock shown without a request, the quantity stops at the stock;
 * 加入购物车 stays on the page with a toast and a bumped badge; 立即购买 goes to the checkout of that SKU and quantity.
 * The order page then shows a line's discount (stored as checkout stores a coupon's) against the struck-through price.
 */
@KinshopIT
class ProductPageJourneyIT extends BrowserJourney {



    /** What the page says in one language. */
    private record Words(String lang, String stockOfBig, String stockOfSmall, String earn, String added, String total, String discountOff) {
    }

    private static final Words CHINESE = new Words("zh_CN", "库存 20", "库存 3", "分享赚 ¥", "已加入购物车", "合计 ¥", "优惠 ¥10.00");
    private static final Words ENGLISH = new Words("en", "20 in stock", "3 in stock", "Share to earn ¥", "Added to cart", "Total ¥", "¥10.00 off");

    /** [productId, 大份 ¥100.00 × 20, 小份 ¥80.00 × 3, 礼盒 ¥120.00 sold out] from a supplier charging ¥8.00 shipping. */
    private long[] product(String name) {
        return product(fixtures.supplier(name + "供应商"), name);
    }

    private long[] product(Fixtures.Staff supplier, String name) {
        assertThat(supplier.session().put("/api/supplier/shipping", Map.of("flatFeeFen", 800)).status()).isEqualTo(200);
        long[] product = fixtures.onSale(supplier, name, List.of(Fixtures.sku("大份", 10_000, 5_000, "FIXED", 1_000, 20),
                Fixtures.sku("小份", 8_000, 4_000, "FIXED", 800, 3), Fixtures.sku("礼盒", 12_000, 6_000, "FIXED", 1_200, 5)));
        jdbc.sql("update sku set stock = 0 where id = ?").param(product[3]).update();
        return product;
    }

    private void signIn(Member member, Words words) {
        browser.get(url("/login?lang=" + words.lang()));
        type(By.id("phone"), member.phone());
        type(By.id("password"), "secret123");
        tap(browser, browser.findElement(By.cssSelector("#password-login button[type=submit]")));
        wait.until(ExpectedConditions.urlContains("/me"));
    }

    private String text(String testId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=" + testId + "]"))).getText();
    }

    /** Taps a bar button and waits for the sheet to have slid up. */
    private void openSheetWith(String barButton) {
        tap(browser, browser.findElement(By.cssSelector("[data-testid=" + barButton + "]")));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=sku-sheet]"), "data-state", "open"));
    }

    private List<String> cart(Member member) {
        return jdbc.sql("select sku_id || '×' || quantity from cart_item where account_id = ? order by sku_id").param(member.id()).query(String.class).list();
    }

    @Test
    void inChineseTheSheetAddsToTheCartInPlaceAndBuysNow() {
        journey(CHINESE);
    }

    @Test
    void inEnglishTheSheetAddsToTheCartInPlaceAndBuysNow() {
        journey(ENGLISH);
    }

    @Test
    void aProductTakenOffSaleWhileThePageIsOpenIsRefusedInTheToastAndNothingIsAdded() {
        Fixtures.Staff supplier = fixtures.supplier("下架面板供应商");
        long[] product = product(supplier, "下架面板商品");
        Member buyer = fixtures.member("下架面板买家");
        signIn(buyer, CHINESE);
        browser.get(url("/p/" + product[0]));
        openSheetWith("add-to-cart");
        assertThat(supplier.session().post("/api/supplier/products/" + product[0] + "/off-sale", Map.of()).status()).isEqualTo(200);

        tap(browser, browser.findElement(By.cssSelector("[data-testid=confirm-add]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=toast]")));
        assertThat(text("toast")).isEqualTo("该商品已下架或不存在，不能加入购物车");
        assertThat(browser.findElement(By.cssSelector("[data-testid=toast]")).getAttribute("class")).contains("failed");
        assertThat(browser.findElement(By.cssSelector("[data-testid=sku-sheet]")).getAttribute("data-state")).as("the sheet stays open").isEqualTo("open");
        assertThat(browser.findElement(By.cssSelector("[data-testid=cart-badge]")).isDisplayed()).isFalse();
        assertThat(cart(buyer)).isEmpty();
        Browser.screenshot(browser, "product-refused-zh");
    }

    private void journey(Words words) {
        String lang = words.lang();
        String suffix = "en".equals(lang) ? "英" : "中";
        long[] product = product("规格面板商品" + suffix);
        Member buyer = fixtures.member("面板买家" + suffix);
        new Purchases(jdbc).address(buyer);
        Fixtures.openShop(buyer, "买家也开店", "b"); // so the page shows what sharing each SKU pays (60 % of its ¥10.00 / ¥8.00 budget)
        Member sharer = fixtures.member("面板店主" + suffix);
        String shop = Fixtures.openShop(sharer, "面板小店", "m");
        signIn(buyer, words);

        // through a share link, 店铺 leads back to that shop; the cart is empty, so no badge
        browser.get(url("/p/" + product[0] + "?s=" + shop));
        assertThat(text("price")).isEqualTo("¥100.00");
        assertThat(text("share-earning")).isEqualTo(words.earn() + "6.00");
        assertThat(browser.findElement(By.cssSelector("[data-testid=bar-shop]")).getAttribute("href")).endsWith("/s/" + shop);
        assertThat(browser.findElement(By.cssSelector("[data-testid=cart-badge]")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("[data-testid=sku-sheet]")).isDisplayed()).isFalse();
        Browser.screenshot(browser, "product-page-" + lang);

        // 加入购物车 opens the sheet on the chosen SKU with only its own confirm button; the sold-out SKU cannot be chosen
        openSheetWith("add-to-cart");
        assertThat(text("sheet-price")).isEqualTo("¥100.00");
        assertThat(text("sheet-stock")).isEqualTo(words.stockOfBig());
        assertThat(browser.findElement(By.cssSelector("[data-testid=confirm-add]")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("[data-testid=confirm-buy]")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("input[name=skuId][value='" + product[3] + "']")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.cssSelector("[data-testid=sheet-coupon-price]")).isDisplayed()).as("no coupon, no 券后价").isFalse();

        // 小份: price and stock follow at once, here and in the headline; the stepper stops at its 3 in stock
        tap(browser, browser.findElement(By.cssSelector("[data-sku-option='" + product[2] + "']")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=sheet-price]"), "¥80.00"));
        assertThat(text("sheet-stock")).isEqualTo(words.stockOfSmall());
        assertThat(text("price")).isEqualTo("¥80.00");
        assertThat(text("sheet-earning")).isEqualTo(words.earn() + "4.80");
        assertThat(text("share-earning")).isEqualTo(words.earn() + "4.80");
        for (int i = 0; i < 4; i++) {
            tap(browser, browser.findElement(By.cssSelector("[data-testid=quantity-plus]")));
        }
        WebElement quantity = browser.findElement(By.cssSelector("[data-testid=sheet-quantity]"));
        assertThat(quantity.getDomProperty("value")).isEqualTo("3");
        Browser.screenshot(browser, "product-sheet-" + lang);

        // confirmed: a toast, the badge says 1, still on the product page, the sheet closed
        tap(browser, browser.findElement(By.cssSelector("[data-testid=confirm-add]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=toast]")));
        assertThat(text("toast")).isEqualTo(words.added());
        assertThat(text("cart-badge")).isEqualTo("1");
        assertThat(browser.getCurrentUrl()).contains("/p/" + product[0]).doesNotContain("/cart");
        assertThat(browser.findElement(By.cssSelector("[data-testid=sku-sheet]")).getAttribute("data-state")).isEqualTo("closed");
        Browser.screenshot(browser, "product-toast-" + lang);
        assertThat(cart(buyer)).containsExactly(product[2] + "×3");

        // 立即购买: the sheet again, 2 units of 小份, straight to the checkout of that one line
        openSheetWith("buy-now");
        assertThat(browser.findElement(By.cssSelector("[data-testid=confirm-add]")).isDisplayed()).isFalse();
        tap(browser, browser.findElement(By.cssSelector("[data-testid=quantity-minus]")));
        assertThat(quantity.getDomProperty("value")).isEqualTo("2");
        tap(browser, browser.findElement(By.cssSelector("[data-testid=confirm-buy]")));
        wait.until(ExpectedConditions.urlContains("/checkout?sku=" + product[2] + "&quantity=2"));
        assertThat(text("checkout-payable")).isEqualTo(words.total() + "168.00");
        assertThat(browser.findElements(By.cssSelector(".ks-cart-line"))).hasSize(1);
        assertThat(text("line-paid")).isEqualTo("¥160.00");
        assertThat(text("line-unit")).isEqualTo("¥80.00 × 2");
        assertThat(text("order-goods")).isEqualTo("¥160.00");
        assertThat(text("order-shipping")).isEqualTo("¥8.00");
        assertThat(text("order-total")).isEqualTo("¥168.00");
        assertThat(browser.findElements(By.cssSelector("[data-testid=order-discount]"))).as("no discount, no discount row").isEmpty();
        Browser.screenshot(browser, "product-checkout-" + lang);
        tap(browser, browser.findElement(By.cssSelector("[data-testid=place-order]")));
        wait.until(driver -> !driver.getCurrentUrl().contains("/checkout"));
        assertThat(cart(buyer)).as("buy now leaves the cart as it was").containsExactly(product[2] + "×3");

        // ¥10.00 off the line, stored as checkout stores a coupon's discount: the order page shows it
        String order = jdbc.sql("select number from orders where buyer_id = ?").param(buyer.id()).query(String.class).single();
        jdbc.sql("update order_line set paid_fen = 15000, discount_fen = 1000, platform_discount_fen = 1000 where order_id = (select id from orders where number = ?)")
                .param(order).update();
        jdbc.sql("update orders set discount_fen = 1000, total_fen = 15800 where number = ?").param(order).update();
        browser.get(url("/me/orders/" + order));
        assertThat(text("line-paid")).isEqualTo("¥150.00");
        assertThat(browser.findElement(By.cssSelector("[data-testid=line-original]")).getTagName()).as("struck through").isEqualTo("s");
        assertThat(text("line-original")).isEqualTo("¥160.00");
        assertThat(text("line-discount")).isEqualTo(words.discountOff());
        assertThat(browser.findElements(By.cssSelector("[data-testid=order-amounts] dd"))).extracting(WebElement::getText)
                .containsExactly("¥160.00", "-¥10.00", "¥8.00", "¥158.00");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", browser.findElement(By.cssSelector("[data-testid=order-amounts]")));
        Browser.screenshot(browser, "order-discount-" + lang);
    }
}
