package co.vigia.web.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production monitoring of docker-compose.yml: the alert rules have the shape Prometheus needs and say what the
 * issue asks (promtool checks them and runs their unit tests, alerts-tests.yml, where it is installed: always on
 * CI), Prometheus scrapes the three services, and Grafana's dashboard is valid JSON on the provisioned data source.
 */
class MonitoringConfigTests {

    static final Path MONITORING = Path.of(System.getProperty("vigia.repo", "..")).resolve("monitoring");
    static final Path PROMETHEUS = MONITORING.resolve("prometheus");

    @Test
    @SuppressWarnings("unchecked")
    void theAlertRulesCoverWhatOperatorsMustActOn() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(PROMETHEUS.resolve("alerts.yml")));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
        assertThat(groups).isNotEmpty();
        Map<String, Map<String, Object>> rules = groups.stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
                .collect(Collectors.toMap(r -> (String) r.get("alert"), r -> r));

        assertThat(rules).containsOnlyKeys("VigiaServiceDown", "VigiaConsumerLagHigh", "VigiaOutboxStuck",
                "VigiaDeliveryFailureRateHigh", "VigiaDeadLetter");
        rules.forEach((name, rule) -> {
            assertThat(rule.get("expr")).as(name + " expr").isInstanceOf(String.class);
            assertThat((Map<String, Object>) rule.get("labels")).as(name).containsKey("severity");
            assertThat((Map<String, Object>) rule.get("annotations")).as(name).containsKeys("summary", "description");
        });
        assertThat(rules.get("VigiaServiceDown").get("expr")).asString().contains("up{").contains("== 0");
        assertThat(rules.get("VigiaConsumerLagHigh").get("for")).isEqualTo("5m");
        assertThat(rules.get("VigiaConsumerLagHigh").get("expr")).asString().contains("vigia_kafka_consumer_lag");
        assertThat(rules.get("VigiaOutboxStuck").get("expr")).asString()
                .contains("vigia_outbox_oldest_age_seconds").contains("> 60");
        assertThat(rules.get("VigiaDeliveryFailureRateHigh").get("expr")).asString()
                .contains("vigia_deliveries_total").contains("> 0.2");
        assertThat(rules.get("VigiaDeadLetter").get("expr")).asString().contains("dead_lettered");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceAndLoadsTheRules() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(PROMETHEUS.resolve("prometheus.yml")));
        assertThat((List<String>) config.get("rule_files")).containsExactly("alerts.yml");
        String scrape = config.get("scrape_configs").toString();
        assertThat(scrape).contains("/actuator/prometheus", "bill-service:8081", "vote-service:8082",
                "notify-service:8083");
    }

    @Test
    void grafanasDashboardIsValidJsonOnTheProvisionedDataSource() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(MONITORING.resolve("grafana/dashboards/vigia.json")));
        assertThat(dashboard.path("uid").asString()).isEqualTo("vigia-ops");
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(10);
        String datasources = Files.readString(MONITORING.resolve("grafana/provisioning/datasources/prometheus.yml"));
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                    .isEqualTo("vigia-prometheus");
            assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
        }
        assertThat(datasources).contains("uid: vigia-prometheus");
    }

    @Test
    void promtoolAcceptsTheConfigAndTheAlertsPassTheirUnitTests() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/promtool"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("CI installs promtool (Debian package prometheus): see .ci/run").isTrue();
        }
        assumeThat(installed).as("promtool (Debian package prometheus) is not installed").isTrue();
        // syntax only: the scrape's bearer-token file exists only inside the Prometheus container
        assertThat(promtool("check", "config", "--syntax-only", PROMETHEUS.resolve("prometheus.yml").toString()))
                .contains("SUCCESS");
        assertThat(promtool("check", "rules", PROMETHEUS.resolve("alerts.yml").toString())).contains("SUCCESS");
        assertThat(promtool("test", "rules", PROMETHEUS.resolve("alerts-tests.yml").toString())).contains("SUCCESS");
    }

    private static String promtool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }
}
