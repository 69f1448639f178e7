package co.vigia.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One service's public API as any client uses it: JSON over HTTP on loopback, with a bearer key. */
final class ServiceClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String key;

    ServiceClient(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    String baseUrl() {
        return baseUrl;
    }

    ServiceClient as(String otherKey) {
        return new ServiceClient(baseUrl, otherKey);
    }

    /** The request, ready to send (also asynchronously by the load generator). */
    HttpRequest request(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json, application/problem+json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b.build();
    }

    /** POSTs and answers the JSON body; anything but 2xx (or 409 when {@code conflictIsFine}) is an error. */
    JsonNode post(String path, Object body, boolean conflictIsFine) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        try {
            HttpResponse<String> response = HTTP.send(request("POST", path, json), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if ((status < 200 || status >= 300) && !(conflictIsFine && status == 409)) {
                throw new IllegalStateException("POST " + path + " answered " + status + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + baseUrl + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    JsonNode post(String path, Object body) {
        return post(path, body, false);
    }
}
