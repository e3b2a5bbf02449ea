package com.kinshop.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/** Base of the real-browser journeys: a fresh phone-sized Chromium (Chinese) per test, closed afterwards. */
public abstract class BrowserJourney {

    @LocalServerPort
    protected int port;
    protected ChromeDriver browser;
    protected WebDriverWait wait;
    @Autowired
    protected JdbcClient jdbc;
    protected Fixtures fixtures;

    @BeforeEach
    void openBrowser() {
        fixtures = new Fixtures(port, jdbc);
        browser = Browser.phone("zh-CN");
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // a node of the previous document right after a navigation is not an answer yet: keep waiting
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /** Scrolls the element to the middle of the phone screen first, as a thumb would, then taps it. */
    protected static void tap(ChromeDriver driver, WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException offScreen) {
            // device emulation at 2x can confuse chromedriver's hit test far down a long page; the element is on screen
            driver.executeScript("arguments[0].click()", element);
        }
    }

    /**
     * Types into the element found by {@code locator}, finding it again if the page swapped its document in between
     * (right after a redirect, chromedriver can still hold a node of the previous document).
     */
    protected void type(By locator, String text) {
        for (int attempt = 1; ; attempt++) {
            try {
                wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(locator)).sendKeys(text);
                return;
            } catch (org.openqa.selenium.WebDriverException e) {
                boolean swapped = e instanceof org.openqa.selenium.StaleElementReferenceException
                        || String.valueOf(e.getMessage()).contains("does not belong to the document");
                if (!swapped || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** On the sign-in page a redirect brought the phone to: phone and password, then wait until it leaves the page. */
    protected static void signInWithPassword(ChromeDriver phone, WebDriverWait phoneWait, String phoneNumber, String password) {
        phoneWait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login"));
        phoneWait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("phone"))).sendKeys(phoneNumber);
        phone.findElement(By.id("password")).sendKeys(password);
        tap(phone, phone.findElement(By.cssSelector("#password-login button[type=submit]")));
        phoneWait.until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
