package co.vigia.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * One service's public API as any client uses it: JSON over real HTTP with a bearer key. A service that cannot be
 * reached answers status {@code -1} rather than throwing, so fault tests can poll a service that is down.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** HTTP/1.1, as the services' clients and the webhook sender speak; shared, so connections are reused. */
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String key;
    private final Duration timeout;

    /** @param key the bearer key every request carries; null for none */
    public Api(String baseUrl, String key) {
        this(baseUrl, key, Duration.ofSeconds(30));
    }

    private Api(String baseUrl, String key, Duration timeout) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.timeout = timeout;
    }

    /** The service on {@code localhost:port}. */
    public static Api onPort(int port, String key) {
        return new Api("http://localhost:" + port, key);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The same service with another key (null: anonymous). */
    public Api as(String otherKey) {
        return new Api(baseUrl, otherKey, timeout);
    }

    /** The same service with a longer wait for an answer (batch writes on a loaded machine). */
    public Api timeout(Duration requestTimeout) {
        return new Api(baseUrl, key, requestTimeout);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** POSTs {@code body}: a String is sent as it is, anything else as JSON. */
    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, Object body) {
        return send(method, path, body, Map.of());
    }

    /** {@code headers} are added last, so a test may override the content type or the key. */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpResponse<String> response = exchange(method, path, body, headers);
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            return new Response(-1, e.toString(), HttpHeaders.of(Map.of(), (k, v) -> true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }

    /** The JDK's response as it is, for a test that reads it so; nothing answering is an {@link IOException}. */
    public HttpResponse<String> exchange(String method, String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = builder(method, path, body);
        headers.forEach(request::setHeader);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The request, ready to send, also asynchronously (a load generator sends many at once). */
    public HttpRequest request(String method, String path, Object body) {
        return builder(method, path, body).build();
    }

    private HttpRequest.Builder builder(String method, String path, Object body) {
        String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    /** A status, a body and the headers; status {@code -1} (and the error as the body) when nothing answered. */
    public record Response(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            return body == null || body.isBlank() ? NullNode.getInstance() : JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + excerpt());
            }
            return this;
        }

        public Response expect2xx() {
            if (!ok()) {
                throw new AssertionError("expected 2xx but got " + status + ": " + excerpt());
            }
            return this;
        }

        private String excerpt() {
            return body == null ? "" : body.substring(0, Math.min(1000, body.length()));
        }
    }
}
