package co.vigia.web.ops.overview;

import co.vigia.web.ops.probe.CounterWindow;
import co.vigia.web.ops.probe.HealthStatus;
import co.vigia.web.ops.probe.MonitoredService;
import co.vigia.web.ops.probe.ServiceSnapshot;
import co.vigia.web.ops.prometheus.Histogram;
import co.vigia.web.ops.prometheus.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Builds the overview from the services' latest snapshots and their counters' increase over the window. */
public final class OverviewAssembler {

    static final String DEAD_LETTERED = "dead_lettered";

    private OverviewAssembler() {
    }

    public static Overview assemble(Instant now, Map<MonitoredService, ServiceSnapshot> snapshots,
                                    Map<MonitoredService, CounterWindow.Increase> increases) {
        List<Overview.ServiceView> services = new ArrayList<>();
        List<Overview.ConsumerLag> lag = new ArrayList<>();
        List<Overview.Outbox> outbox = new ArrayList<>();
        List<Overview.DeadLetters> deadLetters = new ArrayList<>();
        for (ServiceSnapshot s : snapshots.values()) {
            String name = s.service().displayName();
            services.add(new Overview.ServiceView(name, s.url(), s.status(), s.components(), s.problem(), s.checkedAt()));
            s.samples("vigia_kafka_consumer_lag").forEach(sample -> lag.add(new Overview.ConsumerLag(name,
                    sample.label("group"), sample.label("topic"), (long) sample.value())));
            if (!s.samples().isEmpty()) {
                long backlog = (long) sum(s, "vigia_outbox_backlog");
                double oldest = s.samples("vigia_outbox_oldest_age_seconds").mapToDouble(Sample::value).max().orElse(0);
                outbox.add(new Overview.Outbox(name, backlog, oldest));
            }
            CounterWindow.Increase increase = increases.get(s.service());
            s.samples("vigia_events_consumed_total").filter(x -> DEAD_LETTERED.equals(x.label("outcome")))
                    .forEach(x -> deadLetters.add(new Overview.DeadLetters(name, x.label("topic"), (long) x.value(),
                            increase == null ? 0 : Math.round(increase.get(new CounterWindow.Series(x.name(), x.labels()))))));
        }
        lag.sort(Comparator.comparingLong(Overview.ConsumerLag::lag).reversed()
                .thenComparing(Overview.ConsumerLag::service).thenComparing(l -> String.valueOf(l.topic())));
        ServiceSnapshot notify = snapshots.get(MonitoredService.NOTIFY);
        ServiceSnapshot vote = snapshots.get(MonitoredService.VOTE);
        Long votesWaiting = vote == null || vote.samples().isEmpty() ? null
                : (long) sum(vote, "vigia_votes_waiting");
        return new Overview(now, services, lag, outbox,
                deliveries(notify, increases.get(MonitoredService.NOTIFY)),
                notify == null ? List.of() : notify.endpoints(),
                notify == null ? "notify-service not polled yet" : notify.status() == HealthStatus.DOWN
                        && notify.endpoints().isEmpty() ? "notify-service is DOWN" : notify.endpointsProblem(),
                deadLetters, votesWaiting);
    }

    static Overview.Deliveries deliveries(ServiceSnapshot notify, CounterWindow.Increase increase) {
        if (notify == null || notify.samples().isEmpty()) {
            return new Overview.Deliveries(0, Map.of(), null, null, Map.of(), null, null, null);
        }
        CounterWindow.Increase window = increase == null ? new CounterWindow.Increase(Map.of(), 0) : increase;
        Map<String, Long> byOutcome = new TreeMap<>();
        Map<Double, Double> buckets = new TreeMap<>();
        window.values().forEach((series, value) -> {
            if (series.name().equals("vigia_deliveries_total")) {
                byOutcome.merge(series.labels().getOrDefault("outcome", "unknown"), Math.round(value), Long::sum);
            } else if (series.name().equals("vigia_delivery_latency_seconds_bucket")) {
                buckets.merge(bound(series.labels().get("le")), value, Double::sum);
            }
        });
        OptionalDouble p95 = Histogram.quantile(0.95, buckets);
        Map<String, Long> byAge = new LinkedHashMap<>();
        notify.samples("vigia_deliveries_pending_by_age").forEach(s -> byAge.put(s.label("age"), (long) s.value()));
        long open = Math.round(sum(notify, "vigia_circuit_breakers_open"));
        double settled = sum(notify, "vigia_delivery_attempts_count");
        Double attemptsPerDelivery = settled > 0 ? sum(notify, "vigia_delivery_attempts_sum") / settled : null;
        return new Overview.Deliveries(window.seconds(), byOutcome, p95.isPresent() ? p95.getAsDouble() : null,
                (long) sum(notify, "vigia_deliveries_pending"), byAge, (long) sum(notify, "vigia_subscriptions_disabled"),
                open, attemptsPerDelivery);
    }

    private static double sum(ServiceSnapshot s, String name) {
        return s.samples(name).mapToDouble(Sample::value).filter(v -> !Double.isNaN(v)).sum();
    }

    private static double bound(String le) {
        if (le == null || le.equals("+Inf")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(le);
        } catch (NumberFormatException e) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
