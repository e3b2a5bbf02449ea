package com.kinshop.console;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.HttpSession;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Phones;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator on a phone opens the console, switches language, and makes a member supplier staff. */
@KinshopIT
class ConsoleJourneyIT extends BrowserJourney {


    @Test
    void operatorPromotesAMemberToSupplierStaff() {
        String phone = registeredMember();
        browser.get(url("/console"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("phone")).sendKeys("13800000000");
        browser.findElement(By.id("password")).sendKeys("kinshop123");
        browser.findElement(By.cssSelector("#password-login button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/console"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("工作台");
        assertThat(browser.findElement(By.cssSelector("[data-stat=members]")).getText()).matches("\\d+");
        Browser.screenshot(browser, "console-dashboard-zh");

        // on a phone the menu is folded away: the content comes first, 菜单 opens it
        assertThat(browser.findElement(By.cssSelector("[data-lang-switch]")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("[data-stat=members]")).getRect().getY()).as("the figures are on the first screen").isLessThan(400);
        browser.findElement(By.cssSelector("[data-testid=console-menu]")).click();
        Browser.screenshot(browser, "console-menu-zh");
        browser.findElement(By.cssSelector("[data-lang-switch]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
        Browser.screenshot(browser, "console-dashboard-en");
        browser.get(url("/console/admin/accounts?lang=zh_CN&q=" + phone));

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-account='" + phone + "']")));
        row.findElement(By.cssSelector("input[value=SUPPLIER_STAFF]")).click();
        row.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "角色已更新"));
        Browser.screenshot(browser, "console-accounts-zh");
        assertThat(jdbc.sql("select count(*) from account_role r join account a on a.id = r.account_id where a.phone = ? and r.role = 'SUPPLIER_STAFF'")
                .param(phone).query(Integer.class).single()).isEqualTo(1);
    }

    private String registeredMember() {
        HttpSession visitor = new HttpSession(port);
        String phone = Phones.fresh();
        visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        visitor.post("/api/auth/register", Map.of("phone", phone, "code", Phones.lastCodeSentTo(jdbc, phone),
                "password", "secret123", "nickname", "想当供应商"));
        return phone;
    }
}
