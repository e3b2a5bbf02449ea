package com.kinshop.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

/** Base of the real-browser journeys: a fresh phone-sized Chromium (Chinese) per test, closed afterwards. */
public abstract class BrowserJourney {

    @LocalServerPort
    protected int port;
    protected ChromeDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.phone("zh-CN");
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
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

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
