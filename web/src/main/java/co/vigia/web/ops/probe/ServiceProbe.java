package co.vigia.web.ops.probe;

import co.vigia.web.ops.prometheus.PrometheusText;
import co.vigia.web.ops.prometheus.Sample;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls one service: {@code /actuator/health}, {@code /actuator/prometheus} and, on notify-service, the worst
 * endpoints, all at once, each with the short timeout and the operator key as the bearer. A service that refuses the connection or does not answer
 * in time is DOWN; a health body that says DOWN (503) is DOWN with its components shown.
 */
public class ServiceProbe {

    static final int WORST_ENDPOINTS = 10;

    private final HttpClient http;
    private final JsonMapper json;
    private final ProbeProperties properties;
    private final Clock clock;

    public ServiceProbe(JsonMapper json, ProbeProperties properties, Clock clock) {
        // HTTP/1.1: the services speak nothing else, and an h2c upgrade attempt on every poll is wasted work
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** Polls the service without blocking; the future never fails (an unreachable service is a DOWN snapshot). */
    public CompletableFuture<ServiceSnapshot> poll(MonitoredService service) {
        String base = trimSlash(properties.url(service).toString());
        CompletableFuture<HttpResponse<String>> health = get(base + "/actuator/health");
        CompletableFuture<HttpResponse<String>> metrics = get(base + "/actuator/prometheus");
        CompletableFuture<HttpResponse<String>> endpoints = service == MonitoredService.NOTIFY
                ? get(base + "/api/ops/endpoints?limit=" + WORST_ENDPOINTS)
                : CompletableFuture.completedFuture(null);
        return CompletableFuture.allOf(settled(health), settled(metrics), settled(endpoints))
                .thenApply(done -> snapshot(service, base, health, metrics, endpoints));
    }

    private ServiceSnapshot snapshot(MonitoredService service, String base, CompletableFuture<HttpResponse<String>> health,
                                     CompletableFuture<HttpResponse<String>> metrics,
                                     CompletableFuture<HttpResponse<String>> endpoints) {
        Instant now = clock.instant();
        if (health.isCompletedExceptionally()) {
            return ServiceSnapshot.unreachable(service, base, why(health), now);
        }
        HttpResponse<String> healthResponse = health.join();
        HealthStatus status;
        Map<String, HealthStatus> components = new LinkedHashMap<>();
        String problem = null;
        try {
            JsonNode body = json.readTree(healthResponse.body());
            status = HealthStatus.of(body.path("status").asString(null));
            body.path("components").properties().forEach(c ->
                    components.put(c.getKey(), HealthStatus.of(c.getValue().path("status").asString(null))));
        } catch (RuntimeException e) {
            status = HealthStatus.DOWN;
            problem = "health answered " + healthResponse.statusCode() + " with a body that is not health JSON";
        }
        if (status == HealthStatus.UNKNOWN) {
            status = HealthStatus.DOWN;
            problem = "health answered " + healthResponse.statusCode() + " without a status";
        }
        List<Sample> samples = List.of();
        if (!metrics.isCompletedExceptionally() && metrics.join().statusCode() == 200) {
            samples = PrometheusText.parse(metrics.join().body());
        } else if (problem == null) {
            problem = "metrics unavailable: " + (metrics.isCompletedExceptionally() ? why(metrics)
                    : "HTTP " + metrics.join().statusCode() + keyHint(metrics.join().statusCode()));
        }
        List<EndpointReport> worst = new ArrayList<>();
        String endpointsProblem = null;
        if (service == MonitoredService.NOTIFY) {
            if (endpoints.isCompletedExceptionally()) {
                endpointsProblem = why(endpoints);
            } else if (endpoints.join().statusCode() != 200) {
                endpointsProblem = "notify-service answered " + endpoints.join().statusCode()
                        + keyHint(endpoints.join().statusCode());
            } else {
                try {
                    worst.addAll(json.readValue(endpoints.join().body(), new TypeReference<List<EndpointReport>>() { }));
                } catch (RuntimeException e) {
                    endpointsProblem = "unreadable endpoint report: " + e.getMessage();
                }
            }
        }
        return new ServiceSnapshot(service, base, status, components, problem, samples, worst, endpointsProblem, now);
    }

    /** Every call carries the operator key: health details, metrics and the endpoint report are for operators. */
    private CompletableFuture<HttpResponse<String>> get(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.timeout()).GET();
        if (!properties.operatorKey().isEmpty()) {
            request.header("Authorization", "Bearer " + properties.operatorKey());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String keyHint(int status) {
        return status == 401 || status == 403 ? " (is VIGIA_OPERATOR_KEY the same here and there?)" : "";
    }

    private static CompletableFuture<?> settled(CompletableFuture<?> future) {
        return future.handle((value, error) -> null);
    }

    private String why(CompletableFuture<?> failed) {
        try {
            failed.join();
            return "no answer";
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return "no answer within " + properties.timeout().toMillis() + " ms";
            }
            if (cause instanceof java.net.ConnectException) {
                return "connection refused";
            }
            return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    Duration timeout() {
        return properties.timeout();
    }
}
