package co.vigia.web.ops.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * One poll of one service against a real HTTP server: UP with its components and metrics, DOWN as the service
 * reports it (503), DOWN when nothing listens, DOWN when it hangs (bounded by the timeout, so DOWN shows in time).
 */
class ServiceProbeTests {

    /** Generous where the service answers (a loaded CI machine is slow), short where it hangs. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration HUNG_TIMEOUT = Duration.ofMillis(400);

    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private HttpServer server;

    record Reply(int status, String body, long delayMillis) {
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aHealthyServiceIsUpWithItsComponentsMetricsAndWorstEndpoints() {
        replies.put("/actuator/health", new Reply(200,
                "{\"status\":\"UP\",\"components\":{\"kafka\":{\"status\":\"UP\"},\"mongo\":{\"status\":\"UP\"}}}", 0));
        replies.put("/actuator/prometheus", new Reply(200, "vigia_deliveries_pending 3\n", 0));
        replies.put("/api/ops/endpoints", new Reply(200, "[{\"subscriptionId\":\"s-1\",\"status\":\"ACTIVE\","
                + "\"attempts\":2,\"failures\":2,\"failureRate\":1.0,\"circuitBreaker\":\"OPEN\",\"futureField\":1}]", 0));

        ServiceSnapshot snapshot = poll(MonitoredService.NOTIFY, start());

        assertThat(snapshot.status()).as(snapshot.problem()).isEqualTo(HealthStatus.UP);
        assertThat(snapshot.components()).isEqualTo(Map.of("kafka", HealthStatus.UP, "mongo", HealthStatus.UP));
        assertThat(snapshot.samples("vigia_deliveries_pending")).hasSize(1);
        assertThat(snapshot.endpoints()).singleElement().satisfies(e -> {
            assertThat(e.subscriptionId()).isEqualTo("s-1");
            assertThat(e.circuitBreaker()).isEqualTo(EndpointReport.BreakerState.OPEN);
        });
        assertThat(snapshot.endpointsProblem()).isNull();
        // health details, metrics and the endpoint report are for operators only: every call carries the key
        assertThat(authorizations).containsOnly(Map.entry("/actuator/health", "Bearer key"),
                Map.entry("/actuator/prometheus", "Bearer key"), Map.entry("/api/ops/endpoints", "Bearer key"));
    }

    @Test
    void aServiceReportingDownIsDownWithTheComponentThatFailed() {
        replies.put("/actuator/health", new Reply(503,
                "{\"status\":\"DOWN\",\"components\":{\"kafka\":{\"status\":\"DOWN\"},\"mongo\":{\"status\":\"UP\"}}}", 0));
        replies.put("/actuator/prometheus", new Reply(200, "", 0));
        replies.put("/api/ops/endpoints", new Reply(401, "{}", 0));

        ServiceSnapshot snapshot = poll(MonitoredService.NOTIFY, start());

        assertThat(snapshot.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(snapshot.components()).as(snapshot.problem()).containsEntry("kafka", HealthStatus.DOWN);
        assertThat(snapshot.endpointsProblem()).contains("401").contains("VIGIA_OPERATOR_KEY");
    }

    @Test
    void nothingListeningIsDownConnectionRefused() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ServiceSnapshot snapshot = poll(MonitoredService.BILL, URI.create("http://127.0.0.1:" + closed));

        assertThat(snapshot.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(snapshot.problem()).isEqualTo("connection refused");
    }

    @Test
    void aHungServiceIsDownWithinTheTimeout() {
        replies.put("/actuator/health", new Reply(200, "{\"status\":\"UP\"}", 5_000));
        replies.put("/actuator/prometheus", new Reply(200, "", 5_000));
        URI url = start();

        long started = System.nanoTime();
        ServiceSnapshot snapshot = poll(MonitoredService.VOTE, url, HUNG_TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(snapshot.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(snapshot.problem()).isEqualTo("no answer within 400 ms");
    }

    private ServiceSnapshot poll(MonitoredService service, URI url) {
        return poll(service, url, TIMEOUT);
    }

    private ServiceSnapshot poll(MonitoredService service, URI url, Duration timeout) {
        ProbeProperties properties = new ProbeProperties("key", Map.of(service, url), Duration.ofSeconds(2),
                timeout, Duration.ofHours(1));
        try {
            return new ServiceProbe(JsonMapper.builder().build(), properties, Clock.systemUTC()).poll(service)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private URI start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            authorizations.put(exchange.getRequestURI().getPath(), authorization);
        }
        Reply reply = replies.getOrDefault(exchange.getRequestURI().getPath(), new Reply(404, "", 0));
        try {
            Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
