package co.vigia.web.ops.probe;

import co.vigia.web.ops.prometheus.Sample;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls every service every {@code pollInterval} (2 s) and keeps the latest snapshot of each, so the page's request
 * is answered from memory and a stopped service is DOWN on the next poll: within interval + timeout, under 4 s.
 * Counters that the page shows "over the last hour" are fed to a {@link CounterWindow} per service.
 */
public class Poller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    /** Counters whose last-hour increase the overview shows. */
    static final Set<String> WINDOWED = Set.of("vigia_deliveries_total", "vigia_delivery_latency_seconds_bucket",
            "vigia_delivery_latency_seconds_count", "vigia_events_consumed_total");

    private final ServiceProbe probe;
    private final ProbeProperties properties;
    private final Clock clock;
    private final Map<MonitoredService, ServiceSnapshot> latest = new ConcurrentHashMap<>();
    private final Map<MonitoredService, CounterWindow> windows = new EnumMap<>(MonitoredService.class);
    private ScheduledExecutorService scheduler;

    public Poller(ServiceProbe probe, ProbeProperties properties, Clock clock) {
        this.probe = probe;
        this.properties = properties;
        this.clock = clock;
        for (MonitoredService s : MonitoredService.values()) {
            windows.put(s, new CounterWindow(properties.window(), Duration.ofSeconds(15)));
        }
    }

    /** Polls every service once and waits for the answers (each bounded by the probe's timeout). */
    public void pollOnce() {
        CompletableFuture<?>[] polls = new CompletableFuture<?>[MonitoredService.values().length];
        int i = 0;
        for (MonitoredService service : MonitoredService.values()) {
            polls[i++] = probe.poll(service).thenAccept(this::accept);
        }
        try {
            CompletableFuture.allOf(polls).get(properties.timeout().toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.debug("a poll did not finish in time: {}", e.toString());
        }
    }

    void accept(ServiceSnapshot snapshot) {
        latest.put(snapshot.service(), snapshot);
        if (!snapshot.samples().isEmpty()) {
            List<Sample> counters = snapshot.samples().stream().filter(s -> WINDOWED.contains(s.name())).toList();
            double started = snapshot.samples("process_start_time_seconds").mapToDouble(Sample::value).findFirst()
                    .orElse(Double.NaN);
            windows.get(snapshot.service()).record(snapshot.checkedAt(), counters, started);
        }
    }

    /** The latest snapshot of every service; a service not polled yet is DOWN "not polled yet". */
    public Map<MonitoredService, ServiceSnapshot> snapshots() {
        Map<MonitoredService, ServiceSnapshot> all = new EnumMap<>(MonitoredService.class);
        for (MonitoredService s : MonitoredService.values()) {
            all.put(s, latest.getOrDefault(s, ServiceSnapshot.unreachable(s, properties.url(s).toString(),
                    "not polled yet", clock.instant())));
        }
        return all;
    }

    public CounterWindow window(MonitoredService service) {
        return windows.get(service);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ops-poller");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                log.warn("poll failed: {}", e.toString());
            }
        }, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
