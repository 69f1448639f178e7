package co.vigia.notify;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** notify-service's REST API over real HTTP, for integration tests: the shared client, answers read as JSON. */
public final class Api {

    private static final JsonMapper JSON = co.vigia.testsupport.Api.JSON;

    private final co.vigia.testsupport.Api api;

    public Api(String baseUrl) {
        this.api = new co.vigia.testsupport.Api(baseUrl, null);
    }

    public record Response(int status, JsonNode body, String contentType) {
    }

    public Response call(String method, String path, String key, String json) {
        co.vigia.testsupport.Api.Response response = api.as(key).send(method, path, json);
        if (response.status() < 0) {
            throw new IllegalStateException(method + " " + path + ": " + response.body());
        }
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Response(response.status(), body, response.contentType());
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
