package co.vigia.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vigia.web.client.UpstreamUnavailableException.Reason;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** The client against a real local HTTP server: what a page learns when a service fails in each way. */
class ServiceClientTests {

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", ex -> {
            authorization.set(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "fine".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.createContext("/broken", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ServiceClient client(String base, CircuitBreaker breaker) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(1_000)).build());
        // generous for a loaded shared machine, well below the slow endpoint's 3 s
        factory.setReadTimeout(Duration.ofMillis(1_500));
        return new ServiceClient(Upstream.VOTE, RestClient.builder().baseUrl(base).requestFactory(factory).build(),
                breaker);
    }

    private ServiceClient client() {
        return client("http://127.0.0.1:" + server.getAddress().getPort(), CircuitBreaker.ofDefaults("vote"));
    }

    @Test
    void publicReadsGoWithoutAKeyAndACallersKeyGoesAsBearer() {
        assertThat(client().get("/ok", String.class)).isEqualTo("fine");
        assertThat(authorization.get()).isNull();
        assertThat(client().get(new ApiKey("vgk_secret"), "/ok", String.class)).isEqualTo("fine");
        assertThat(authorization.get()).isEqualTo("Bearer vgk_secret");
        assertThat(new ApiKey("vgk_secret").toString()).doesNotContain("vgk_secret");
    }

    @Test
    void a404IsEmptyForFindAndTheCallersAnswerForGet() {
        assertThat(client().find("/missing", String.class)).isEmpty();
        assertThatThrownBy(() -> client().get("/missing", String.class))
                .isInstanceOf(HttpClientErrorException.NotFound.class);
    }

    @Test
    void eachWayOfFailingIsNamed() throws IOException {
        assertThatThrownBy(() -> client().get("/broken", String.class))
                .isInstanceOfSatisfying(UpstreamUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FAILING);
                    assertThat(e.upstream()).isEqualTo(Upstream.VOTE);
                });
        assertThatThrownBy(() -> client().get("/slow", String.class))
                .isInstanceOfSatisfying(UpstreamUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThatThrownBy(() -> client("http://127.0.0.1:" + closed, CircuitBreaker.ofDefaults("x"))
                .get("/ok", String.class))
                .isInstanceOfSatisfying(UpstreamUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ANSWERING));
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndCallsStopReachingTheService() {
        CircuitBreaker breaker = CircuitBreaker.of("vote", CircuitBreakerConfig.custom().slidingWindowSize(4)
                .minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(Duration.ofMinutes(1))
                .ignoreExceptions(HttpClientErrorException.class).build());
        ServiceClient client = client("http://127.0.0.1:" + server.getAddress().getPort(), breaker);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.get("/broken", String.class)).isInstanceOf(UpstreamUnavailableException.class);
        }
        assertThatThrownBy(() -> client.get("/ok", String.class))
                .isInstanceOfSatisfying(UpstreamUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
        // a 404 is the caller's answer: it never opens the circuit
        CircuitBreaker other = CircuitBreaker.of("bill", breaker.getCircuitBreakerConfig());
        ServiceClient notFound = client("http://127.0.0.1:" + server.getAddress().getPort(), other);
        for (int i = 0; i < 6; i++) {
            assertThat(notFound.find("/missing", String.class)).isEmpty();
        }
        assertThat(other.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
