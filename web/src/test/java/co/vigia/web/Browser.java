package co.vigia.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through its own chromedriver (Selenium Manager never downloads anything), and axe. */
final class Browser {

    private Browser() {
    }

    /** @param javascript false for a browser with JavaScript switched off */
    static WebDriver chromium(boolean javascript) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=es-CO",
                "--user-data-dir=" + Files.createTempDirectory("vigia-web-chromium").toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-CO,es",
                "profile.managed_default_content_settings.javascript", javascript ? 1 : 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The page's axe violations (WCAG 2.0/2.1 A and AA and best practices), as lines to read in a failure. */
    static List<String> axeViolations(WebDriver browser) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                "best-practice")).analyze(browser);
        return results.getViolations().stream().map(Browser::describe).collect(Collectors.toList());
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
    }

    static void screenshot(WebDriver browser, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
