package co.vigia.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.Seed;
import co.vigia.devstack.Service;
import co.vigia.testsupport.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public pages in Debian's headless Chromium against the real stack (devstack: embedded Kafka and MongoDB, the
 * three service jars as processes, seeded with the record's two bills; the website in this JVM). Journey 1: a
 * visitor searches "sometimiento", opens the submission bill, reads in Spanish that it was archived on 20 June 2023
 * for want of a first debate (art. 162), and switches to English. axe runs on every page and fails on any
 * violation; the journey works by keyboard alone and with JavaScript off; every page weighs under 150 KB.
 * Screenshots and the weights go to {@code target/web-browser/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicPagesBrowserIntegrationTests {

    static final String OPERATOR_KEY = "web-browser-test-key";
    static final Path OUT = Path.of("target", "web-browser");
    static final long MAX_PAGE_BYTES = 150 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestStack stack;
    private ConfigurableApplicationContext web;
    private WebDriver browser;
    private String base;

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(OUT);
        stack = TestStack.start(TestStack.config(Path.of(System.getProperty("vigia.repo", "..")), OUT.resolve("logs"),
                OPERATOR_KEY, null), Duration.ofSeconds(300));
        Seed.load(stack.devstack());
        String bill = stack.process(Service.BILL).baseUrl();
        // the seed ends with a deadline scan, which archives the submission bill (art. 162) as of 20 June 2023
        Awaitility.await("the submission bill archived by the deadline clock").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> get(bill + "/api/bills/sometimiento").body().contains("\"stage\":\"ARCHIVED\""));

        // arguments, not default properties: application.yml's ${SERVER_PORT:8080} would win over those
        web = new SpringApplicationBuilder(WebApplication.class).run("--server.port=0",
                "--vigia.web.services.bill=" + bill,
                "--vigia.web.services.vote=" + stack.process(Service.VOTE).baseUrl(),
                "--vigia.web.services.notify=" + stack.process(Service.NOTIFY).baseUrl());
        base = "http://localhost:" + web.getEnvironment().getProperty("local.server.port");
        browser = Browser.chromium(true);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (web != null) {
            web.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void journey1AVisitorFindsTheSubmissionBillReadsWhyItWasArchivedAndSwitchesToEnglish() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "/");
        assertNoAxeViolations("home");
        Browser.screenshot(browser, OUT, "1-home-es");

        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("sometimiento");
        browser.findElement(By.id("search-submit")).click();
        // a form's submission is not awaited by click(): wait for the results page
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/buscar?q=sometimiento"));
        assertNoAxeViolations("search");
        Browser.screenshot(browser, OUT, "2-search-es");

        browser.findElement(By.cssSelector("a[href='/proyectos/sometimiento']")).click();
        String spanish = browser.findElement(By.tagName("main")).getText();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        // the date as the record has it (DESIGN.md); checked last, softly, so the rest of the journey still runs
        // against a bill-service that dates the archiving by the day its clock noticed
        SoftAssertions record = new SoftAssertions();
        assertThat(browser.findElement(By.id("status")).getText()).contains("Archivado");
        record.assertThat(browser.findElement(By.id("status")).getText()).as("archived on, in Spanish")
                .contains("20 de junio de 2023");
        assertThat(browser.findElement(By.id("archive-reason")).getText())
                .contains("sin que tuviera su primer debate").contains("art. 162");
        assertThat(spanish).contains("15 de marzo de 2023").contains("Francisco Barbosa");
        assertNoAxeViolations("bill (es)");
        Browser.screenshot(browser, OUT, "3-bill-es");

        browser.findElement(By.cssSelector("a[hreflang='en']")).click();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("status")).getText()).contains("Archived");
        record.assertThat(browser.findElement(By.id("status")).getText()).as("archived on, in English")
                .contains("June 20, 2023");
        assertThat(browser.findElement(By.id("archive-reason")).getText()).contains("before its first debate");
        assertNoAxeViolations("bill (en)");
        Browser.screenshot(browser, OUT, "4-bill-en");
        // the cookie keeps the choice on the next page
        browser.get(base + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The bills we follow");
        assertNoAxeViolations("home (en)");
        record.assertAll();
    }

    @Test
    @Order(2)
    void everyOtherPublicPagePassesAxe() throws Exception {
        browser.manage().deleteAllCookies();
        for (String path : List.of("/proyectos/paz-total", "/buscar?stage=NOPE", "/proyectos/no-such-bill",
                "/buscar?chamber=SENATE&kind=ORDINARY")) {
            browser.get(base + path);
            assertNoAxeViolations(path);
        }
        Browser.screenshot(browser, OUT, "5-search-filters-es");
    }

    @Test
    @Order(3)
    void theJourneyWorksByKeyboardAlone() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "/");
        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("skip-link");
        keys.sendKeys(Keys.ENTER).perform();
        WebElement search = tabUntil(e -> "q".equals(e.getAttribute("id")), 20);
        search.sendKeys("sometimiento", Keys.ENTER);
        assertThat(browser.getCurrentUrl()).contains("/buscar?q=sometimiento");
        WebElement link = tabUntil(e -> "/proyectos/sometimiento".equals(e.getDomAttribute("href")), 40);
        assertThat(link.getCssValue("background-color")).isEqualTo("rgba(255, 221, 0, 1)"); // the focus is visible
        link.sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("/proyectos/sometimiento");
        WebElement english = tabUntil(e -> "en".equals(e.getAttribute("hreflang")), 20);
        english.sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.id("status")).getText()).contains("Archived");
        Browser.screenshot(browser, OUT, "6-keyboard-en");
    }

    @Test
    @Order(4)
    void thePublicPagesWorkWithJavaScriptOff() throws Exception {
        WebDriver noScript = Browser.chromium(false);
        try {
            noScript.get(base + "/");
            noScript.findElement(By.id("q")).sendKeys("sometimiento");
            noScript.findElement(By.id("search-submit")).click();
            noScript.findElement(By.cssSelector("a[href='/proyectos/sometimiento']")).click();
            assertThat(noScript.findElement(By.id("status")).getText()).contains("Archivado");
            noScript.findElement(By.cssSelector("a[hreflang='en']")).click();
            assertThat(noScript.findElement(By.id("status")).getText()).contains("Archived");
            Browser.screenshot(noScript, OUT, "7-no-javascript-en");
        } finally {
            noScript.quit();
        }
    }

    @Test
    @Order(5)
    void everyPageWeighsUnder150KB() throws Exception {
        Map<String, Long> weights = new LinkedHashMap<>();
        for (String path : List.of("/", "/buscar?q=sometimiento", "/proyectos/sometimiento", "/proyectos/paz-total")) {
            weights.put(path, weight(path));
        }
        List<String> lines = new ArrayList<>();
        weights.forEach((path, bytes) -> lines.add(String.format("%-28s %7d bytes (%.1f KB)", path, bytes,
                bytes / 1024.0)));
        Files.write(OUT.resolve("page-weights.txt"), lines);
        lines.forEach(System.out::println);
        assertThat(weights.values()).allMatch(bytes -> bytes < MAX_PAGE_BYTES);
    }


    /** The page's HTML plus everything it links to (stylesheet, icon), as sent without compression. */
    private long weight(String path) throws Exception {
        String html = get(base + path).body();
        long bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        Matcher linked = Pattern.compile("<link rel=\"(?:stylesheet|icon)\" href=\"([^\"]+)\"").matcher(html);
        while (linked.find()) {
            HttpResponse<byte[]> asset = http.send(HttpRequest.newBuilder(URI.create(base + linked.group(1))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(asset.statusCode()).isEqualTo(200);
            bytes += asset.body().length;
        }
        return bytes;
    }

    private WebElement tabUntil(java.util.function.Predicate<WebElement> wanted, int most) {
        Actions keys = new Actions(browser);
        for (int i = 0; i < most; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement active = browser.switchTo().activeElement();
            if (wanted.test(active)) {
                return active;
            }
        }
        throw new AssertionError("not reached by " + most + " presses of Tab on " + browser.getCurrentUrl());
    }

    private void assertNoAxeViolations(String page) {
        assertThat(Browser.axeViolations(browser)).as("axe on " + page).isEmpty();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
