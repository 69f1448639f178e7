package co.vigia.web.ops.probe;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where the services are and how the operators' console watches them.
 *
 * @param operatorKey  the operator API key: sent as the bearer on every poll (health details, metrics and the
 *                     endpoint report are for operators only)
 * @param services     each service's base URL
 * @param pollInterval how often every service is polled (a stopped service shows DOWN within this plus the timeout)
 * @param timeout      connect and request timeout per call; short, so a hung service cannot hold the poll
 * @param window       the window of "last hour" figures (deliveries by outcome, p95 latency)
 */
public record ProbeProperties(String operatorKey, Map<MonitoredService, URI> services, Duration pollInterval,
                              Duration timeout, Duration window) {

    public ProbeProperties {
        operatorKey = operatorKey == null ? "" : operatorKey.trim();
        services = services == null ? Map.of() : Map.copyOf(services);
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        timeout = timeout == null ? Duration.ofMillis(1500) : timeout;
        window = window == null ? Duration.ofHours(1) : window;
        if (timeout.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("vigia.ops.timeout must be at most 2 s, so DOWN shows within 10 s");
        }
    }

    public URI url(MonitoredService service) {
        URI url = services.get(service);
        return url != null ? url : URI.create("http://localhost:" + service.defaultPort());
    }
}
