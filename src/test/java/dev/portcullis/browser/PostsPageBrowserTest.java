package dev.portcullis.browser;

import dev.portcullis.api.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person using the page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs): log in, write a post, edit it, fail to edit someone else's and read why, log out.
 */
@QuarkusTest
class PostsPageBrowserTest extends HeadlessChromiumTest {

    @TestHTTPResource("/")
    URL page;

    @Test
    void aPersonWritesEditsIsRefusedAndLogsOut() {
        Api.token("page-alice");
        Api.post(Api.token("page-bob"), "Bob's published post", true);

        browser.get(page.toString());
        browser.findElement(By.name("username")).sendKeys("page-alice");
        browser.findElement(By.name("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who"), "page-alice"));

        browser.findElement(By.cssSelector("#compose input[name=title]")).sendKeys("Written in the browser");
        browser.findElement(By.cssSelector("#compose textarea")).sendKeys("Hello from Chromium");
        browser.findElement(By.cssSelector("#compose button")).click();
        WebElement mine = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//article[@data-owner='page-alice'][h2='Written in the browser']")));
        assertTrue(mine.getText().contains("draft"));

        mine.findElement(By.className("edit")).click();
        answerPrompt("Edited in the browser");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//article[@data-owner='page-alice'][h2='Edited in the browser']")));
        assertEquals("", browser.findElement(By.id("error")).getText());

        WebElement bobs = browser.findElement(By.xpath("//article[@data-owner='page-bob'][h2=\"Bob's published post\"]"));
        bobs.findElement(By.className("edit")).click();
        answerPrompt("Mine now");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"),
                "403 You do not have permission to perform this action."));
        assertTrue(browser.findElements(By.xpath("//article/h2[.='Mine now']")).isEmpty());

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        assertTrue(!browser.findElement(By.id("app")).isDisplayed());
    }

    private void answerPrompt(String text) {
        Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys(text);
        prompt.accept();
    }
}
