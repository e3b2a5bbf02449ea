package com.kinshop.identity;

import com.kinshop.support.Browser;
import com.kinshop.support.BrowserJourney;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Phones;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;


import static org.assertj.core.api.Assertions.assertThat;

/** A person on a phone registers with an SMS code, signs out, and signs in again with the password. */
@KinshopIT
class RegistrationJourneyIT extends BrowserJourney {


    @Test
    void registerSignOutAndSignInAgain() {
        String phone = Phones.fresh();
        browser.get(url("/register"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("注册亲享");

        browser.findElement(By.id("phone")).sendKeys(phone);
        browser.findElement(By.cssSelector("[data-code-button]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register-code-status"), "验证码已发送"));
        Browser.screenshot(browser, "register-code-sent");

        browser.findElement(By.id("code")).sendKeys(codeFromSandboxInbox(phone));
        browser.findElement(By.id("password")).sendKeys("secret123");
        browser.findElement(By.id("nickname")).sendKeys("手机用户");
        browser.findElement(By.cssSelector("#register button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/me"));
        assertThat(nickname()).isEqualTo("手机用户");
        Browser.screenshot(browser, "me-after-register");

        tap(browser, browser.findElement(By.cssSelector("[data-testid=logout]")));
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getPageSource()).contains("你已安全退出登录");

        browser.findElement(By.id("phone")).sendKeys(phone);
        browser.findElement(By.id("password")).sendKeys("wrong-pass1");
        browser.findElement(By.cssSelector("#password-login button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-login"), "手机号或密码错误"));

        browser.findElement(By.id("password")).sendKeys("secret123");
        browser.findElement(By.cssSelector("#password-login button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/me"));
        assertThat(nickname()).isEqualTo("手机用户");
    }

    /** Reads the code the way a tester would: from the sandbox's inbox page, in a second tab. */
    private String codeFromSandboxInbox(String phone) {
        String form = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url("/dev/sms"));
        String code = browser.findElements(By.cssSelector(".sms-message")).stream()
                .filter(message -> message.findElement(By.cssSelector(".sms-phone")).getText().equals(phone))
                .map(message -> message.findElement(By.cssSelector(".sms-body")).getText().replaceAll("\\D*(\\d{6}).*", "$1"))
                .findFirst().orElseThrow(() -> new AssertionError("No SMS for " + phone + " in the sandbox inbox"));
        browser.close();
        browser.switchTo().window(form);
        return code;
    }

    private String nickname() {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=nickname]")));
        return element.getText();
    }
}
