package co.vigia.dashboard;

import co.vigia.dashboard.probe.MonitoredService;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are and how the dashboard watches them.
 *
 * @param operatorKey  the operator API key: the page's callers must present it, and it reads notify-service's
 *                     operator-only endpoint report with it
 * @param services     each service's base URL
 * @param pollInterval how often every service is polled (a stopped service shows DOWN within this plus the timeout)
 * @param timeout      connect and request timeout per call; short, so a hung service cannot hold the poll
 * @param window       the window of "last hour" figures (deliveries by outcome, p95 latency)
 */
@ConfigurationProperties("vigia.dashboard")
public record DashboardProperties(String operatorKey, Map<MonitoredService, URI> services, Duration pollInterval,
                                  Duration timeout, Duration window) {

    public DashboardProperties {
        operatorKey = operatorKey == null ? "" : operatorKey.trim();
        services = services == null ? Map.of() : Map.copyOf(services);
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        timeout = timeout == null ? Duration.ofMillis(1500) : timeout;
        window = window == null ? Duration.ofHours(1) : window;
        if (timeout.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("vigia.dashboard.timeout must be at most 2 s, so DOWN shows within 10 s");
        }
    }

    public URI url(MonitoredService service) {
        URI url = services.get(service);
        return url != null ? url : URI.create("http://localhost:" + service.defaultPort());
    }
}
