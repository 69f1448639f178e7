package co.vigia.vote;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import co.vigia.contracts.CloudEvent;
import co.vigia.testsupport.Api;
import co.vigia.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers of the integration tests: a stand-in bill-service, HTTP calls, and reading a topic back. */
public final class VoteFixtures {

    public static final String OPERATOR_KEY = "test-operator-key";
    public static final JsonMapper JSON = Api.JSON;

    private VoteFixtures() {
    }

    /** Answers {@code GET /api/bills/{id}} like bill-service: the bills it was told about, 404 otherwise. */
    public static final class FakeBillService implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, String> bills = new ConcurrentHashMap<>();
        private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

        public FakeBillService() throws IOException {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/bills/", exchange -> {
                String id = exchange.getRequestURI().getPath().substring("/api/bills/".length());
                String bill = bills.get(id);
                int refusal = refusals.getOrDefault(id, 404);
                byte[] body = (bill != null ? bill : "{\"status\":" + refusal + ",\"title\":\"Refused\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", bill != null ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(bill != null ? 200 : refusal, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        public String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        public void knows(String billId, String kind, String stage) {
            bills.put(billId, "{\"id\":\"" + billId + "\",\"kind\":\"" + kind + "\",\"stage\":\"" + stage + "\"}");
        }

        /** A bill with its filing date. */
        public void knows(String billId, String kind, String stage, String filedOn) {
            bills.put(billId, "{\"id\":\"" + billId + "\",\"kind\":\"" + kind + "\",\"stage\":\"" + stage
                    + "\",\"filedOn\":\"" + filedOn + "\"}");
        }

        /** Answers this id with a client error, as bill-service does for an id it refuses. */
        public void refuses(String billId, int status) {
            refusals.put(billId, status);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    public record Response(int status, JsonNode body, String raw) {
    }

    public static Response send(int port, String method, String path, String body, String contentType) {
        Api.Response response = Api.onPort(port, OPERATOR_KEY).timeout(Duration.ofMinutes(3)).send(method, path, body,
                contentType == null ? Map.of() : Map.of("Content-Type", contentType));
        if (response.status() < 0) {
            throw new IllegalStateException(method + " " + path + ": " + response.body());
        }
        JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Response(response.status(), json, response.body());
    }

    public static Response post(int port, String path, String body) {
        return send(port, "POST", path, body, "application/json");
    }

    public static Response get(int port, String path) {
        return send(port, "GET", path, null, null);
    }

    /**
     * Reads a topic from its beginning until {@code expected} events about {@code subject} arrived, then keeps
     * reading for {@code quiet} to catch any extra one; returns all of them (bounded by {@code timeout}).
     */
    public static List<CloudEvent> events(String bootstrapServers, String topic, String subject, int expected,
                                          Duration timeout, Duration quiet) {
        List<ConsumerRecord<String, String>> records = new TopicReader(bootstrapServers).readUntil(topic, timeout,
                read -> read.stream().filter(r -> subject.equals(r.key())).count() >= expected, quiet);
        return TopicReader.eventsOf(records, subject);
    }
}
