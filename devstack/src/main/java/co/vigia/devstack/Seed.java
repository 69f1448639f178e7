package co.vigia.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record's seed data, loaded through the public APIs like any client would: each entry of {@code seed/record.json}
 * is {@code {"service": "BILL", "method": "POST", "path": "/api/bills", "body": {...}}}, in the order the facts
 * happened. An entry with {@code "waitFor": {"billId": ..., "stage": ...}} is sent once the bill reached that stage
 * (a vote moves a bill through Kafka, a moment after vote-service answered). A 409 (already there) counts as loaded,
 * and the actions of a bill already registered are not sent again, so seeding twice is harmless.
 */
public final class Seed {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Seed() {
    }

    /** Seed files in the order they load: bills first, since votes and opinions need their bill. */
    public static final List<String> FILES = List.of("/seed/record.json");

    /** How long an entry waits for its bill's stage. */
    static final Duration WAIT = Duration.ofSeconds(60);

    /** The seed requests in order. */
    public static List<JsonNode> requests() {
        List<JsonNode> requests = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = Seed.class.getResourceAsStream(file)) {
                if (in != null) {
                    JSON.readTree(in).forEach(requests::add);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the seed data " + file, e);
            }
        }
        return requests;
    }

    /** Loads every seed request into a running stack; returns how many were sent. */
    public static int load(DevStack stack) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int sent = 0;
        // a bill already there was seeded before: its actions (not idempotent) are not sent again
        java.util.Set<String> seeded = new java.util.HashSet<>();
        for (JsonNode request : requests()) {
            Service service = Service.valueOf(request.path("service").asString());
            String path = request.path("path").asString();
            if (service == Service.BILL && path.startsWith("/api/bills/") && path.endsWith("/actions")
                    && seeded.contains(path.split("/")[3])) {
                continue;
            }
            if (request.has("waitFor") && !seeded.contains(request.path("waitFor").path("billId").asString())) {
                awaitStage(http, stack, request.get("waitFor"));
            }
            String url = stack.service(service).baseUrl() + request.path("path").asString();
            String body = request.has("body") ? JSON.writeValueAsString(request.get("body")) : "";
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + stack.settings().operatorKey())
                    .header("Content-Type", "application/json")
                    .method(request.path("method").asString("POST"), HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = send(http, builder.build(), request);
            if (response.statusCode() == 409 && path.equals("/api/bills")) {
                seeded.add(request.path("body").path("id").asString());
            }
            if (response.statusCode() >= 300 && response.statusCode() != 409) {
                throw new IllegalStateException(request.path("method").asString() + " " + url + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            sent++;
            // bill facts travel by Kafka to vote-service; give each write a moment to be relayed
            DevStack.sleep(request.path("pauseMillis").asInt(0));
        }
        return sent;
    }

    /** Polls the bill until it reaches the stage; throws when it does not within {@link #WAIT}. */
    static void awaitStage(HttpClient http, DevStack stack, JsonNode waitFor) {
        String billId = waitFor.path("billId").asString();
        String stage = waitFor.path("stage").asString();
        HttpRequest get = HttpRequest.newBuilder(URI.create(stack.service(Service.BILL).baseUrl() + "/api/bills/"
                + billId)).timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(http, get, waitFor);
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body()).path("stage").asString();
                if (stage.equals(last)) {
                    return;
                }
            }
            DevStack.sleep(200);
        }
        throw new IllegalStateException("bill " + billId + " did not reach " + stage + " within " + WAIT
                + " (it is " + last + ")");
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, JsonNode seed) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("seed request failed: " + seed, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
