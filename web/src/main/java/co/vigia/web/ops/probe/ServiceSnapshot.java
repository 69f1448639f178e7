package co.vigia.web.ops.probe;

import co.vigia.web.ops.prometheus.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one poll of one service saw: its health (DOWN when it did not answer in time), its components, its
 * Prometheus samples, and for notify-service its worst endpoints ({@code endpointsProblem} says why they are missing).
 */
public record ServiceSnapshot(MonitoredService service, String url, HealthStatus status,
                              Map<String, HealthStatus> components, String problem, List<Sample> samples,
                              List<EndpointReport> endpoints, String endpointsProblem, Instant checkedAt) {

    public ServiceSnapshot {
        components = Map.copyOf(components);
        samples = List.copyOf(samples);
        endpoints = List.copyOf(endpoints);
    }

    public static ServiceSnapshot unreachable(MonitoredService service, String url, String problem, Instant at) {
        return new ServiceSnapshot(service, url, HealthStatus.DOWN, Map.of(), problem, List.of(), List.of(), null, at);
    }

    public Stream<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name));
    }
}
