package dev.portcullis.browser;

import dev.portcullis.api.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browsable API in headless Chromium, as a DRF user reaches for it: log in on a list's page, browse it, be
 * refused with the reason, create an object through the raw form, log out.
 */
@QuarkusTest
class BrowsableApiBrowserTest extends HeadlessChromiumTest {

    @TestHTTPResource("/")
    URL base;

    private void open(String path) {
        browser.get(base.toString().replaceFirst("/$", "") + path);
    }

    private String who() {
        return browser.findElement(By.className("who")).getText();
    }

    @Test
    void aStaffMemberLogsInBrowsesIsRefusedWithTheReasonPostsAndLogsOut() {
        Api.token("browsable-staff", true, false, true);

        open("/api/posts/");
        assertEquals("Not signed in", who());
        assertTrue(browser.getTitle().startsWith("Post List – GET /api/posts/"), browser.getTitle());
        browser.findElement(By.cssSelector(".login input[name=username]")).sendKeys("browsable-staff");
        browser.findElement(By.cssSelector(".login input[name=password]")).sendKeys(Api.PASSWORD);
        browser.findElement(By.cssSelector(".login button")).click();
        wait.until(ExpectedConditions.textToBe(By.className("who"), "Signed in as browsable-staff by SessionAuthentication"));
        assertTrue(browser.findElement(By.cssSelector(".answer pre")).getText().startsWith("HTTP 200 OK"));

        open("/api/probe/not-staff/");
        WebElement denial = browser.findElement(By.className("denial"));
        assertTrue(denial.getText().startsWith("403 Forbidden: You do not have permission to perform this action.\n"
                + "Denied by ~IsAdminUser."), denial.getText());
        assertTrue(denial.findElement(By.className("why")).getText().contains("IsAdminUser allows this request, and "
                + "~IsAdminUser allows only what IsAdminUser does not."), denial.getText());

        open("/api/posts/");
        WebElement content = browser.findElement(By.cssSelector(".raw textarea"));
        content.clear();
        content.sendKeys("{\"title\": \"Sent from the browsable API\", \"body\": \"raw JSON\", \"published\": true}");
        browser.findElement(By.cssSelector(".raw button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".answer pre"), "HTTP 201 Created"));
        assertTrue(browser.findElement(By.cssSelector(".answer pre")).getText().contains("\"title\": \"Sent from the browsable API\""));

        browser.findElement(By.cssSelector("header form button")).click();
        wait.until(ExpectedConditions.textToBe(By.className("who"), "Not signed in"));
    }
}
