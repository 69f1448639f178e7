package co.vigia.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.Service;
import co.vigia.testsupport.Api;
import co.vigia.testsupport.TestStack;
import co.vigia.testsupport.WebhookReceiver;
import co.vigia.web.ops.prometheus.PrometheusText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The NGO portal and the operators' console in Debian's headless Chromium against the real stack (devstack: embedded
 * Kafka and MongoDB, the three service jars as processes; the web app in this JVM), by keyboard alone, axe-core on
 * every page. Journey 2: an NGO signs in, adds an endpoint on a local receiver, copies the secret, sends a test, sees
 * the delivery, makes the receiver fail, sees the failure and its status code, redelivers, sees it succeed.
 * Journey 3: an operator signs in, registers an NGO, stops a service and sees it DOWN, starts it and sees it UP.
 * Screenshots: {@code target/journeys/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountJourneysBrowserIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(AccountJourneysBrowserIntegrationTests.class);
    static final String OPERATOR_KEY = "journeys-operator-key";
    static final Path SCREENSHOTS = Path.of("target", "journeys");
    static final Duration DOWN_WITHIN = Duration.ofSeconds(10);

    private TestStack stack;
    private ConfigurableApplicationContext web;
    private WebhookReceiver receiver;
    private BrowserSession browser;

    @BeforeAll
    void start() throws Exception {
        receiver = new WebhookReceiver();
        // generous: on a shared 2-core machine under load three JVMs can take minutes to be healthy
        stack = TestStack.start(TestStack.config(Path.of(System.getProperty("vigia.repo", "..")),
                SCREENSHOTS.resolve("logs"), OPERATOR_KEY, receiver.port()), Duration.ofSeconds(300));
        web = new SpringApplicationBuilder(WebApplication.class).run("--server.port=0",
                "--vigia.ops.operator-key=" + OPERATOR_KEY,
                "--vigia.web.services.bill=" + stack.process(Service.BILL).baseUrl(),
                "--vigia.web.services.vote=" + stack.process(Service.VOTE).baseUrl(),
                "--vigia.web.services.notify=" + stack.process(Service.NOTIFY).baseUrl());
        browser = new BrowserSession("http://localhost:" + web.getEnvironment().getProperty("local.server.port"),
                SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (web != null) {
            web.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void journey2AnNgoFollowsItsWebhooksFromTheTestEventToARedelivery() throws Exception {
        String key = post(Service.NOTIFY, "/api/subscribers", OPERATOR_KEY,
                Map.of("name", "Fundación Paz y Reconciliación", "contactEmail", "alertas@pares.example"))
                .path("apiKey").asString();

        browser.open("/portal/entrar");
        browser.axe("portal-sign-in");
        browser.type("apiKey", key);
        browser.go("sign-in");
        assertThat(browser.path()).isEqualTo("/portal");
        assertThat(browser.text("main")).contains("Fundación Paz y Reconciliación");
        browser.axe("portal-endpoints-empty");

        browser.open("/portal/endpoints/nuevo");
        browser.axe("portal-new-endpoint");
        // an address Vigía refuses (cloud metadata): the reason shows beside the field
        browser.type("url", "https://169.254.169.254/latest/meta-data");
        browser.tick("eventTypes-0");
        browser.go("create-endpoint");
        assertThat(browser.text("#url-error")).contains("no envía webhooks").contains("link-local");
        assertThat(browser.attribute("#url", "aria-invalid")).isEqualTo("true");
        browser.axe("portal-new-endpoint-refused");
        browser.driver().findElement(By.id("url")).clear();
        browser.type("url", receiver.url("/vigia"));
        browser.go("create-endpoint");
        String secret = browser.text("#secret");
        assertThat(secret).startsWith("whsec_");
        browser.press("copy-secret");
        browser.await(Duration.ofSeconds(5), "the copy confirmed", false,
                () -> "Copiado al portapapeles.".equals(browser.text("#copy-status")));
        browser.axe("portal-secret");
        browser.screenshot("portal-1-secret");

        browser.go("next-endpoint");
        String endpointPath = browser.path();
        browser.go("send-test");
        assertThat(browser.text("#notice")).contains("prueba");
        browser.await(Duration.ofSeconds(30), "the test event delivered", true,
                () -> browser.count("#deliveries tr[data-outcome='DELIVERED']") == 1);
        assertThat(receiver.received()).hasSize(1);
        assertThat(receiver.received().get(0).signedWith(secret)).as("signed with the copied secret").isTrue();
        assertThat(receiver.received().get(0).body()).contains("co.vigia.ping");
        browser.axe("portal-endpoint");

        receiver.answering(r -> WebhookReceiver.Reply.status(500));
        browser.go("send-test");
        browser.await(Duration.ofSeconds(30), "the failing delivery's status code in the log", true,
                () -> "500".equals(browser.text("#deliveries tbody tr:first-child .status-code")));
        browser.screenshot("portal-2-failing");
        String failing = browser.attribute("#deliveries tbody tr:first-child", "data-delivery");
        browser.go("delivery-" + failing);
        assertThat(browser.text("#attempts tbody tr:first-child .status-code")).isEqualTo("500");
        assertThat(browser.text("#attempts")).contains("HTTP 500");
        browser.axe("portal-delivery-failing");

        receiver.answering(r -> WebhookReceiver.Reply.status(204));
        browser.go("redeliver");
        assertThat(browser.text("#notice")).contains("Reenvío programado");
        browser.await(Duration.ofSeconds(60), "the redelivery delivered", true,
                () -> "DELIVERED".equals(browser.attribute("#delivery", "data-outcome")));
        assertThat(browser.text("#attempts tbody tr:last-child .status-code")).isEqualTo("204");
        browser.axe("portal-delivery-redelivered");
        browser.open(endpointPath);
        browser.scrollTo("log");
        browser.screenshot("portal-3-redelivered");
        assertThat(receiver.received().stream().filter(r -> r.signedWith(secret)).count())
                .isEqualTo(receiver.received().size());

        // another NGO, signed in the same browser, finds nothing of the first one's
        String other = post(Service.NOTIFY, "/api/subscribers", OPERATOR_KEY,
                Map.of("name", "Corporación Otra", "contactEmail", "otra@otra.example")).path("apiKey").asString();
        browser.go("sign-out");
        browser.type("apiKey", other);
        browser.go("sign-in");
        browser.open(endpointPath);
        assertThat(browser.text("h1")).isEqualTo("No encontrado");
        assertThat(browser.text("main")).doesNotContain(receiver.url("/vigia"));
        browser.go("sign-out");
    }

    /** Kept from ops-dashboard's test: what the alerts and Grafana read must exist (with the operator key). */
    @Test
    @Order(2)
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
        // a bill's events go through Kafka to every consumer, so the consumed counters and the lag appear
        post(Service.BILL, "/api/bills", OPERATOR_KEY, Map.of("id", "journeys-bill", "title", "A bill to consume",
                "summary", "Registers a bill so that every consumer reads an event", "kind", "ORDINARY",
                "originChamber", "SENATE", "filedOn", "2026-09-01", "topics", java.util.List.of("journeys")));
        // counters with labels appear with their first increment, the lag once a group committed (measured every 5 s)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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
            String metrics = api(service, OPERATOR_KEY).get("/actuator/prometheus").body();
            PrometheusText.parse(metrics).forEach(sample -> exposed.add(sample.name()));
        }
        return exposed;
    }

    private static boolean sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
        return true;
    }

    @Test
    @Order(3)
    void journey3AnOperatorRegistersAnNgoAndSeesAStoppedServiceDownThenUp() throws Exception {
        browser.open("/ops");
        assertThat(browser.path()).isEqualTo("/ops/entrar");
        browser.axe("ops-sign-in");
        browser.type("operatorKey", OPERATOR_KEY);
        browser.go("sign-in");
        assertThat(browser.path()).isEqualTo("/ops");
        browser.await(Duration.ofSeconds(60), "every service UP", false, () -> java.util.stream.Stream.of(
                "bill-service", "vote-service", "notify-service").allMatch(s -> "UP".equals(status(s))));
        browser.axe("ops-console");

        browser.open("/ops/suscriptores");
        browser.axe("ops-subscribers");
        browser.type("name", "Observatorio de Paz");
        browser.type("contactEmail", "datos@observatorio.example");
        browser.go("create-subscriber");
        String key = browser.text("#new-api-key");
        assertThat(key).startsWith("vgs_");
        assertThat(get(Service.NOTIFY, "/api/subscribers/me", key).path("name").asString())
                .isEqualTo("Observatorio de Paz");
        browser.axe("ops-subscriber-created");
        browser.screenshot("ops-1-ngo-created");

        browser.open("/ops");
        long stopping = System.nanoTime();
        stack.process(Service.VOTE).stop(Duration.ofSeconds(10));
        browser.await(DOWN_WITHIN, "vote-service DOWN", false, () -> "DOWN".equals(status("vote-service")));
        Duration took = Duration.ofNanos(System.nanoTime() - stopping);
        log.info("vote-service showed DOWN on the console {} ms after it was sent SIGTERM", took.toMillis());
        assertThat(took).isLessThan(DOWN_WITHIN);
        assertThat(status("bill-service")).isEqualTo("UP");
        browser.await(DOWN_WITHIN, "why: connection refused", false,
                () -> "connection refused".equals(browser.text("[data-service='vote-service'] .problem")));
        browser.axe("ops-console-down");
        browser.screenshot("ops-2-vote-down");

        long starting = System.nanoTime();
        stack.process(Service.VOTE).start();
        browser.await(Duration.ofSeconds(240), "vote-service UP again", false,
                () -> "UP".equals(status("vote-service")));
        log.info("vote-service showed UP on the console {} s after it was started",
                Duration.ofNanos(System.nanoTime() - starting).toSeconds());
        browser.screenshot("ops-3-vote-up");
    }

    private String status(String service) {
        return browser.text("[data-service='" + service + "'] .status");
    }

    private JsonNode post(Service service, String path, String key, Map<String, Object> body) {
        return api(service, key).timeout(Duration.ofSeconds(60)).post(path, body).expect(201).json();
    }

    private JsonNode get(Service service, String path, String key) {
        return api(service, key).get(path).expect(200).json();
    }

    private Api api(Service service, String key) {
        return new Api(stack.process(service).baseUrl(), key);
    }
}
