package co.vigia.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * Debian's headless Chromium through {@code /usr/bin/chromedriver} (nothing downloaded), driven by keyboard: every
 * control is reached with Tab and worked with Enter or Space, as a keyboard-only user does. Each page visited is
 * checked with axe-core (any violation fails), and screenshots go to {@code target/<dir>/}.
 */
public final class BrowserSession implements AutoCloseable {

    private final WebDriver driver;
    private final Path screenshots;
    private final String base;

    public BrowserSession(String base, Path screenshots) throws IOException {
        this.base = base;
        this.screenshots = Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=es-CO",
                "--user-data-dir=" + Files.createTempDirectory("vigia-chromium").toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-CO,es"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    /** Tabs through the page from the top until {@code id} has the focus; fails if Tab never reaches it. */
    public WebElement tabTo(String id) {
        ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur();"
                + "window.scrollTo(0, 0);");
        driver.findElement(By.tagName("body"));
        for (int i = 0; i < 120; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            Object focused = ((JavascriptExecutor) driver).executeScript(
                    "return document.activeElement ? document.activeElement.id : null;");
            if (id.equals(focused)) {
                return driver.switchTo().activeElement();
            }
        }
        throw new AssertionError("Tab never reached #" + id + " on " + path());
    }

    /** Reaches {@code id} by Tab and presses Enter (links, buttons). */
    public void press(String id) {
        tabTo(id);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
    }

    /** Reaches {@code id} by Tab, presses Enter, and waits for the page it leads to. */
    public void go(String id) throws InterruptedException {
        ((JavascriptExecutor) driver).executeScript("window.__vigiaOldPage = true;");
        press(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return window.__vigiaOldPage === true || document.readyState !== 'complete';"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pressing #" + id + " led to no new page on " + path());
            }
            Thread.sleep(50);
        }
    }

    /** Reaches a checkbox by Tab and ticks it with Space. */
    public void tick(String id) {
        tabTo(id);
        new Actions(driver).sendKeys(Keys.SPACE).perform();
    }

    /** Reaches a field by Tab and types into it. */
    public void type(String id, String text) {
        tabTo(id);
        new Actions(driver).sendKeys(text).perform();
    }

    /** Scrolls the element with this id to the top of the window (for a screenshot of what matters). */
    public void scrollTo(String id) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView(true);", id);
    }

    public String text(String css) {
        Object text = ((JavascriptExecutor) driver).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
        return text == null ? null : text.toString().strip();
    }

    public long count(String css) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll(arguments[0]).length;", css)).longValue();
    }

    public String attribute(String css, String name) {
        Object value = ((JavascriptExecutor) driver).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                css, name);
        return value == null ? null : value.toString();
    }

    /** axe-core on the page as it is: WCAG 2.0/2.1 A and AA and best practices; any violation fails. */
    public void axe(String name) throws IOException {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            screenshot("axe-" + name);
        }
        assertThat(violations).as(name + " (" + path() + "): " + violations.stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getHtml())
                        .collect(Collectors.joining(" | "))).collect(Collectors.joining("\n"))).isEmpty();
    }

    public Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Waits for what the page shows, reloading it between looks when {@code reload}; keeps the page on a time-out. */
    public void await(Duration atMost, String what, boolean reload, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                screenshot("timed-out");
                Files.writeString(screenshots.resolve("timed-out.html"), driver.getPageSource());
                throw new AssertionError("not within " + atMost.toSeconds() + " s: " + what + " (on " + path() + ")");
            }
            Thread.sleep(reload ? 700 : 100);
            if (reload) {
                driver.navigate().refresh();
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
