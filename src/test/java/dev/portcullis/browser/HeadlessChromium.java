package dev.portcullis.browser;

import dev.portcullis.MachineTools;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/** Debian's {@code chromium} driven by {@code chromium-driver} ({@code .ci/run} installs both), headless. */
final class HeadlessChromium implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    final WebDriver browser;
    final WebDriverWait wait;

    private HeadlessChromium(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    /** A new browser with an empty profile; skips the test (fails it, in CI) where Chromium is missing. */
    static HeadlessChromium open() throws IOException {
        MachineTools.require(CHROMIUM.canExecute() && DRIVER.canExecute(),
                "needs Debian's chromium and chromium-driver (installed by .ci/run)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        return new HeadlessChromium(new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .build(), options));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
