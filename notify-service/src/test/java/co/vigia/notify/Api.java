package co.vigia.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** notify-service's REST API over real HTTP, for integration tests. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Response(int status, JsonNode body, String contentType) {
    }

    public Response call(String method, String path, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers().firstValue("content-type").orElse(""));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String key) {
        return call("GET", path, key, null);
    }

    public Response post(String path, String key, String json) {
        return call("POST", path, key, json);
    }

    /** Creates a subscriber with the operator key; returns its API key. */
    public String newSubscriberKey(String operatorKey, String name) {
        Response created = post("/api/subscribers", operatorKey,
                "{\"name\":\"" + name + "\",\"contactEmail\":\"alertas@" + name.toLowerCase().replaceAll("[^a-z0-9]", "")
                        + ".org\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("subscriber not created: " + created);
        }
        return created.body().path("apiKey").asString();
    }

    /** Creates a subscription; returns its JSON ({subscription, secret}). */
    public JsonNode subscribe(String key, String url, String typesJson, String billsJson) {
        Response created = post("/api/subscriptions", key, "{\"url\":\"" + url + "\",\"eventTypes\":" + typesJson
                + ",\"billIds\":" + billsJson + ",\"description\":\"test\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("subscription not created: " + created);
        }
        return created.body();
    }
}
