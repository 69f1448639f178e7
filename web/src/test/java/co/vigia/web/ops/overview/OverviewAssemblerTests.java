package co.vigia.web.ops.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.vigia.web.ops.probe.CounterWindow;
import co.vigia.web.ops.probe.EndpointReport;
import co.vigia.web.ops.probe.HealthStatus;
import co.vigia.web.ops.probe.MonitoredService;
import co.vigia.web.ops.probe.ServiceSnapshot;
import co.vigia.web.ops.prometheus.PrometheusText;
import co.vigia.web.ops.prometheus.Sample;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's one answer, assembled from what each service's poll saw and its counters over the window. */
class OverviewAssemblerTests {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Map<String, HealthStatus> UP = Map.of("kafka", HealthStatus.UP, "mongo", HealthStatus.UP);

    static final String BILL = """
            vigia_kafka_consumer_lag{group="bill-service",topic="vote-events"} 2
            vigia_outbox_backlog{application="bill-service"} 4
            vigia_outbox_oldest_age_seconds{application="bill-service"} 75.5
            vigia_events_consumed_total{topic="vote-events",outcome="applied"} 10
            vigia_events_consumed_total{topic="vote-events",outcome="dead_lettered"} 3
            """;
    static final String VOTE = """
            vigia_kafka_consumer_lag{group="vote-service",topic="bill-events"} 40
            vigia_outbox_backlog 0
            vigia_outbox_oldest_age_seconds 0
            vigia_votes_waiting{application="vote-service"} 2
            """;
    static final String NOTIFY = """
            vigia_outbox_backlog 0
            vigia_deliveries_pending 5
            vigia_deliveries_pending_by_age{age="lt_1m"} 4
            vigia_deliveries_pending_by_age{age="gt_1h"} 1
            vigia_subscriptions_disabled 1
            vigia_circuit_breakers_open 2
            vigia_delivery_attempts_count 10
            vigia_delivery_attempts_sum 15
            """;

    @Test
    void assemblesEverySectionFromTheSnapshots() {
        Map<MonitoredService, ServiceSnapshot> snapshots = new EnumMap<>(MonitoredService.class);
        snapshots.put(MonitoredService.BILL, up(MonitoredService.BILL, BILL, List.of()));
        snapshots.put(MonitoredService.VOTE, up(MonitoredService.VOTE, VOTE, List.of()));
        EndpointReport failing = new EndpointReport("sub-1", "ngo-1", "hooks.ngo.example",
                EndpointReport.SubscriptionStatus.ACTIVE, 4, 4, 1.0, EndpointReport.BreakerState.OPEN, "HTTP 500",
                NOW, null, NOW.minusSeconds(60));
        snapshots.put(MonitoredService.NOTIFY, up(MonitoredService.NOTIFY, NOTIFY, List.of(failing)));
        Map<CounterWindow.Series, Double> lastHour = Map.of(
                series("vigia_deliveries_total", "outcome", "delivered"), 90.0,
                series("vigia_deliveries_total", "outcome", "failed"), 10.0,
                series("vigia_delivery_latency_seconds_bucket", "le", "0.5"), 90.0,
                series("vigia_delivery_latency_seconds_bucket", "le", "1.0"), 100.0,
                series("vigia_delivery_latency_seconds_bucket", "le", "+Inf"), 100.0);
        Map<MonitoredService, CounterWindow.Increase> increases = new EnumMap<>(MonitoredService.class);
        increases.put(MonitoredService.NOTIFY, new CounterWindow.Increase(lastHour, 3600));
        increases.put(MonitoredService.BILL, new CounterWindow.Increase(Map.of(series(
                "vigia_events_consumed_total", Map.of("topic", "vote-events", "outcome", "dead_lettered")), 1.0), 3600));

        Overview overview = OverviewAssembler.assemble(NOW, snapshots, increases);

        assertThat(overview.services()).extracting(Overview.ServiceView::name)
                .containsExactly("bill-service", "vote-service", "notify-service");
        assertThat(overview.services()).allSatisfy(s -> assertThat(s.status()).isEqualTo(HealthStatus.UP));
        assertThat(overview.consumerLag()).as("the largest lag first").extracting(Overview.ConsumerLag::lag)
                .containsExactly(40L, 2L);
        assertThat(overview.outbox()).contains(new Overview.Outbox("bill-service", 4, 75.5));
        assertThat(overview.deadLetters()).containsExactly(new Overview.DeadLetters("bill-service", "vote-events", 3, 1));
        assertThat(overview.votesWaiting()).isEqualTo(2);
        Overview.Deliveries deliveries = overview.deliveries();
        assertThat(deliveries.byOutcome()).isEqualTo(Map.of("delivered", 90L, "failed", 10L));
        assertThat(deliveries.p95LatencySeconds()).isCloseTo(0.75, within(1e-9));
        assertThat(deliveries.pending()).isEqualTo(5);
        assertThat(deliveries.pendingByAge()).containsEntry("lt_1m", 4L).containsEntry("gt_1h", 1L);
        assertThat(deliveries.openCircuitBreakers()).isEqualTo(2);
        assertThat(deliveries.disabledSubscriptions()).isEqualTo(1);
        assertThat(deliveries.attemptsPerDelivery()).isEqualTo(1.5);
        assertThat(overview.worstEndpoints()).containsExactly(failing);
        assertThat(overview.worstEndpointsProblem()).isNull();
    }

    @Test
    void aServiceThatDoesNotAnswerIsDownAndItsFiguresAreUnknown() {
        Map<MonitoredService, ServiceSnapshot> snapshots = new EnumMap<>(MonitoredService.class);
        snapshots.put(MonitoredService.BILL, up(MonitoredService.BILL, BILL, List.of()));
        snapshots.put(MonitoredService.VOTE, ServiceSnapshot.unreachable(MonitoredService.VOTE, "http://localhost:8082",
                "connection refused", NOW));
        snapshots.put(MonitoredService.NOTIFY, ServiceSnapshot.unreachable(MonitoredService.NOTIFY,
                "http://localhost:8083", "no answer within 1500 ms", NOW));

        Overview overview = OverviewAssembler.assemble(NOW, snapshots, Map.of());

        assertThat(overview.services()).extracting(Overview.ServiceView::status)
                .containsExactly(HealthStatus.UP, HealthStatus.DOWN, HealthStatus.DOWN);
        assertThat(overview.services().get(1).problem()).isEqualTo("connection refused");
        assertThat(overview.votesWaiting()).as("unknown, not zero").isNull();
        assertThat(overview.deliveries().pending()).isNull();
        assertThat(overview.deliveries().p95LatencySeconds()).isNull();
        assertThat(overview.worstEndpointsProblem()).isEqualTo("notify-service is DOWN");
        assertThat(overview.outbox()).extracting(Overview.Outbox::service).containsExactly("bill-service");
    }

    static ServiceSnapshot up(MonitoredService service, String metrics, List<EndpointReport> endpoints) {
        List<Sample> samples = PrometheusText.parse(metrics);
        return new ServiceSnapshot(service, "http://localhost:" + service.defaultPort(), HealthStatus.UP, UP, null,
                samples, endpoints, null, NOW);
    }

    static CounterWindow.Series series(String name, String label, String value) {
        return series(name, Map.of(label, value));
    }

    static CounterWindow.Series series(String name, Map<String, String> labels) {
        return new CounterWindow.Series(name, labels);
    }
}
