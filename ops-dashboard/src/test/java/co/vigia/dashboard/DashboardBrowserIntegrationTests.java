package co.vigia.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.dashboard.prometheus.PrometheusText;
import co.vigia.devstack.DevStack;
import co.vigia.devstack.Service;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in Debian's headless Chromium against the real stack (devstack: embedded Kafka and MongoDB, the
 * three service jars as processes; the dashboard in this JVM), as an operator uses it: opens the page, gives the
 * key, sees every service UP; an NGO endpoint that answers 500 shows among the worst endpoints; vote-service is
 * stopped and shows DOWN within 10 s. Screenshots go to {@code target/dashboard/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(DashboardBrowserIntegrationTests.class);
    static final String OPERATOR_KEY = "dashboard-browser-test-key";
    static final Path SCREENSHOTS = Path.of("target", "dashboard");
    static final Duration DOWN_WITHIN = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger failingCalls = new AtomicInteger();
    private DevStack stack;
    private HttpServer failingEndpoint;
    private ConfigurableApplicationContext dashboard;
    private WebDriver browser;
    private String dashboardUrl;
    private String failingSubscription;

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        failingEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        failingEndpoint.createContext("/", exchange -> {
            failingCalls.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        failingEndpoint.start();

        DevStack.Config config = DevStack.config().randomPorts()
                .repoRoot(Path.of(System.getProperty("vigia.repo", "..")))
                .logDir(Path.of("target", "dashboard", "logs"))
                .operatorKey(OPERATOR_KEY)
                .partitions(3)
                .env("VIGIA_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1:" + failingEndpoint.getAddress().getPort())
                .env("VIGIA_WEBHOOK_RETRY_SCHEDULE", "0s,1s,2s,3s,5s,8s,13s,21s")
                .env("VIGIA_KAFKA_PARTITIONS", "3");
        stack = config.build();
        // generous: on a shared 2-core machine under load three JVMs can take minutes to be healthy
        stack.start(Duration.ofSeconds(300));

        // arguments, not default properties: application.yml's ${SERVER_PORT:8084} would win over those
        dashboard = new SpringApplicationBuilder(DashboardApplication.class).run("--server.port=0",
                "--vigia.dashboard.operator-key=" + OPERATOR_KEY,
                "--vigia.dashboard.services.BILL=" + stack.service(Service.BILL).baseUrl(),
                "--vigia.dashboard.services.VOTE=" + stack.service(Service.VOTE).baseUrl(),
                "--vigia.dashboard.services.NOTIFY=" + stack.service(Service.NOTIFY).baseUrl());
        dashboardUrl = "http://localhost:" + dashboard.getEnvironment().getProperty("local.server.port") + "/";

        browser = chromium();
    }

    /** Debian's Chromium and chromedriver, never a downloaded browser; flags that keep it off the network. */
    static WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100",
                "--user-data-dir=" + Files.createTempDirectory("vigia-chromium").toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (failingEndpoint != null) {
            failingEndpoint.stop(0);
        }
    }

    @Test
    @Order(1)
    void withTheOperatorKeyTheDashboardShowsEveryServiceUp() throws Exception {
        browser.get(dashboardUrl);
        WebElement key = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("operator-key")));
        key.sendKeys(OPERATOR_KEY);
        browser.findElement(By.id("key-submit")).click();

        await(Duration.ofSeconds(60), "all three services UP", () -> List.of("bill-service", "vote-service",
                "notify-service").stream().allMatch(s -> "UP".equals(status(s))));
        for (String service : List.of("bill-service", "vote-service", "notify-service")) {
            assertThat(count("[data-service='" + service + "'] .component.UP")).as(service + "'s kafka and mongo")
                    .isEqualTo(2);
        }
        screenshot("all-up");
    }

    @Test
    @Order(2)
    void aFailingWebhookEndpointShowsAmongTheWorstEndpoints() throws Exception {
        String ngoKey = post(Service.NOTIFY, "/api/subscribers", OPERATOR_KEY,
                Map.of("name", "Failing NGO", "contactEmail", "ops@failing.ngo.example")).path("apiKey").asString();
        String url = "http://127.0.0.1:" + failingEndpoint.getAddress().getPort() + "/hooks";
        failingSubscription = post(Service.NOTIFY, "/api/subscriptions", ngoKey, Map.of("url", url,
                "eventTypes", List.of("co.vigia.bill.*"), "billIds", List.of(), "description", "answers 500"))
                .path("subscription").path("id").asString();
        post(Service.BILL, "/api/bills", OPERATOR_KEY, Map.of("id", "dashboard-bill", "title", "A bill to notify",
                "summary", "Registers a bill so that notify-service has a webhook to send", "kind", "ORDINARY",
                "originChamber", "SENATE", "filedOn", LocalDate.of(2026, 9, 1).toString(),
                "topics", List.of("dashboard")));

        String row = "#worst-endpoints tr[data-subscription='" + failingSubscription + "']";
        await(Duration.ofSeconds(60), "the failing endpoint among the worst endpoints", () -> count(row) > 0);
        assertThat(failingCalls.get()).isPositive();
        assertThat(text(row)).contains("127.0.0.1").contains("100 %").contains("HTTP 500");
        await(Duration.ofSeconds(30), "the failed attempts counted in the deliveries panel",
                () -> count("#failure-rate") > 0);
        screenshot("failing-endpoint");
    }

    @Test
    @Order(3)
    void everyMetricTheAlertsAndGrafanaUseIsExposed() throws Exception {
        Path monitoring = Path.of(System.getProperty("vigia.repo", "..")).resolve("monitoring");
        String used = Files.readString(monitoring.resolve("prometheus/alerts.yml"))
                + Files.readString(monitoring.resolve("grafana/dashboards/vigia.json"));
        Matcher names = Pattern.compile("\\bvigia_[a-z_]+").matcher(used);
        Set<String> referenced = new TreeSet<>();
        while (names.find()) {
            referenced.add(names.group());
        }
        assertThat(referenced).hasSizeGreaterThan(10);
        // counters with labels appear with their first increment, the lag once a group committed (measured every 5 s)
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<String> missing;
        do {
            missing = new TreeSet<>(referenced);
            missing.removeAll(exposedMetricNames());
        } while (!missing.isEmpty() && System.nanoTime() < deadline && sleep(Duration.ofSeconds(1)));
        assertThat(missing).as("metrics the alerts or Grafana use that no service exposes").isEmpty();
    }

    private Set<String> exposedMetricNames() throws Exception {
        Set<String> exposed = new HashSet<>();
        for (Service service : Service.values()) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(stack.service(service).baseUrl()
                    + "/actuator/prometheus")).header("Authorization", "Bearer " + OPERATOR_KEY).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            PrometheusText.parse(metrics).forEach(sample -> exposed.add(sample.name()));
        }
        return exposed;
    }

    private static boolean sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
        return true;
    }

    @Test
    @Order(4)
    void aStoppedServiceShowsDownWithinTenSeconds() throws Exception {
        assertThat(status("vote-service")).isEqualTo("UP");
        long stopping = System.nanoTime();
        stack.service(Service.VOTE).stop(Duration.ofSeconds(10));
        Duration exiting = Duration.ofNanos(System.nanoTime() - stopping);

        await(DOWN_WITHIN, "vote-service DOWN", () -> "DOWN".equals(status("vote-service")));
        Duration took = Duration.ofNanos(System.nanoTime() - stopping);
        log.info("vote-service showed DOWN {} ms after it was sent SIGTERM (its process took {} ms to exit)",
                took.toMillis(), exiting.toMillis());
        assertThat(took).isLessThan(DOWN_WITHIN);
        assertThat(status("bill-service")).isEqualTo("UP");
        // while the process shuts down it may answer (503) or time out first: the page says why once it is gone
        await(DOWN_WITHIN, "vote-service's problem: connection refused",
                () -> "connection refused".equals(text("[data-service='vote-service'] .problem")));
        assertThat(text("#votes-waiting")).as("unknown while vote-service is DOWN").isEqualTo("–");
        screenshot("vote-service-down");
    }

    private String status(String service) {
        return text("[data-service='" + service + "'] .status");
    }

    /**
     * The text of the first element matching {@code css}, or null; read in one script, since the page redraws
     * every 2 s and an element found a moment ago may be gone (stale) by the time it is read.
     */
    private String text(String css) {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
        return text == null ? null : text.toString().strip();
    }

    private long count(String css) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll(arguments[0]).length;", css)).longValue();
    }

    private void screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        log.info("Screenshot: {}", file.toAbsolutePath());
    }

    /** Waits for what the page shows; on a time-out keeps the page as it was (screenshot, HTML, the overview). */
    private void await(Duration atMost, String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                screenshot("timed-out");
                Files.writeString(SCREENSHOTS.resolve("timed-out.html"), browser.getPageSource());
                HttpResponse<String> overview = http.send(HttpRequest.newBuilder(URI.create(dashboardUrl + "api/overview"))
                        .header("Authorization", "Bearer " + OPERATOR_KEY).build(), HttpResponse.BodyHandlers.ofString());
                Files.writeString(SCREENSHOTS.resolve("timed-out-overview.json"), overview.body());
                Files.write(SCREENSHOTS.resolve("timed-out-console.txt"), browser.manage().logs().get("browser")
                        .getAll().stream().map(Object::toString).toList());
                throw new AssertionError("not within " + atMost.toSeconds() + " s: " + what + " (the page as it was: "
                        + SCREENSHOTS.resolve("timed-out.png").toAbsolutePath() + ")");
            }
            Thread.sleep(100);
        }
    }

    private JsonNode post(Service service, String path, String key, Map<String, Object> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.service(service).baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }
}
