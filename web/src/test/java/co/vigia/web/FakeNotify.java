package co.vigia.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for notify-service's subscriber API on a real HTTP port, as it behaves for two NGOs: each key sees only
 * its own endpoint and delivery (another's answers 404, as notify-service does). It records the key of every call,
 * so a test can check the portal only ever sends the signed-in NGO's own. Web-level tests only: the real
 * notify-service is what the browser tests run against.
 */
public final class FakeNotify implements AutoCloseable {

    public record Ngo(String key, String id, String name, String endpointId, String url, String deliveryId) {
    }

    public static final Ngo A = new Ngo("vgs_key-of-ngo-a", "ngo-a", "Fundación A", "endpoint-a",
            "https://a.example/hooks-of-a", "delivery-a");
    public static final Ngo B = new Ngo("vgs_key-of-ngo-b", "ngo-b", "Corporación B", "endpoint-b",
            "https://b.example/hooks-of-b", "delivery-b");

    private final HttpServer server;
    private final List<String> keysSeen = new CopyOnWriteArrayList<>();
    private final Map<String, Ngo> byKey = new ConcurrentHashMap<>(Map.of(A.key(), A, B.key(), B));

    public FakeNotify() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> keysSeen() {
        return List.copyOf(keysSeen);
    }

    public void clearKeysSeen() {
        keysSeen.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String key = authorization == null ? null : authorization.replaceFirst("^Bearer ", "");
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/api/")) {
            keysSeen.add(String.valueOf(key));
        }
        Ngo ngo = key == null ? null : byKey.get(key);
        if (path.startsWith("/api/subscribers") && !path.startsWith("/api/subscribers/me") && !path.contains("rotate-key")
                && key != null && key.equals(operatorKey)) {
            operator(exchange, path);
            return;
        }
        if (path.equals("/v3/api-docs")) {
            send(exchange, 200, "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/subscribers/{id}/rotate-key\":{}}}");
        } else if (path.startsWith("/actuator/")) {
            send(exchange, 200, "{\"status\":\"UP\",\"components\":{\"kafka\":{\"status\":\"UP\"},\"mongo\":{\"status\":\"UP\"}}}");
        } else if (ngo == null) {
            send(exchange, 401, "{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"an API key is required\"}");
        } else if (path.equals("/api/subscribers/" + ngo.id() + "/rotate-key")
                && exchange.getRequestMethod().equals("POST")) {
            // the new key works at once; the old one keeps working (the overlap)
            Ngo rotated = new Ngo("vgs_rotated-" + ngo.id() + "-" + byKey.size(), ngo.id(), ngo.name(), ngo.endpointId(),
                    ngo.url(), ngo.deliveryId());
            byKey.put(rotated.key(), rotated);
            send(exchange, 200, "{\"id\":\"" + ngo.id() + "\",\"apiKey\":\"" + rotated.key()
                    + "\",\"previousKeyExpiresAt\":\"2026-12-06T23:00:00Z\"}");
        } else if (path.equals("/api/subscribers/me")) {
            send(exchange, 200, "{\"id\":\"" + ngo.id() + "\",\"name\":\"" + ngo.name() + "\",\"status\":\"ACTIVE\"}");
        } else if (path.equals("/api/subscriptions")) {
            send(exchange, 200, "[" + endpoint(ngo) + "]");
        } else if (path.startsWith("/api/subscriptions/" + ngo.endpointId())) {
            String rest = path.substring(("/api/subscriptions/" + ngo.endpointId()).length());
            switch (rest) {
                case "" -> send(exchange, 200, endpoint(ngo));
                case "/deliveries" -> send(exchange, 200, "[" + delivery(ngo) + "]");
                case "/test" -> send(exchange, 202, "{\"deliveryId\":\"d\",\"eventId\":\"e\",\"status\":\"PENDING\"}");
                default -> notFound(exchange);
            }
        } else if (path.equals("/api/deliveries/" + ngo.deliveryId())) {
            send(exchange, 200, delivery(ngo));
        } else {
            notFound(exchange);
        }
    }

    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private volatile String operatorKey;

    /** Lets {@code key} manage subscribers as the operator does ({@code /api/subscribers}). */
    public void operatorKey(String key) {
        this.operatorKey = key;
    }

    private void operator(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/api/subscribers") && exchange.getRequestMethod().equals("POST")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("\"name\":\"\"")) {
                send(exchange, 400, "{\"status\":400,\"detail\":\"name: must not be blank\","
                        + "\"errors\":[{\"field\":\"name\",\"message\":\"must not be blank\"}]}");
                return;
            }
            statuses.put("ngo-new", "ACTIVE");
            send(exchange, 201, "{\"id\":\"ngo-new\",\"name\":\"Observatorio\",\"contactEmail\":\"o@o.example\","
                    + "\"status\":\"ACTIVE\",\"apiKey\":\"vgs_shown-once\"}");
        } else if (path.equals("/api/subscribers")) {
            StringBuilder list = new StringBuilder("[");
            statuses.forEach((id, status) -> list.append(list.length() > 1 ? "," : "").append(subscriber(id, status)));
            send(exchange, 200, list.append("]").toString());
        } else if (path.matches("/api/subscribers/[^/]+/(suspend|reactivate)") && statuses.containsKey(path.split("/")[3])) {
            String id = path.split("/")[3];
            statuses.put(id, path.endsWith("suspend") ? "SUSPENDED" : "ACTIVE");
            send(exchange, 200, subscriber(id, statuses.get(id)));
        } else {
            notFound(exchange);
        }
    }

    private static String subscriber(String id, String status) {
        return "{\"id\":\"" + id + "\",\"name\":\"Observatorio\",\"contactEmail\":\"o@o.example\",\"status\":\""
                + status + "\",\"createdAt\":\"2026-12-01T10:00:00Z\"}";
    }

    private static String endpoint(Ngo ngo) {
        return "{\"id\":\"" + ngo.endpointId() + "\",\"url\":\"" + ngo.url() + "\",\"eventTypes\":[\"*\"],"
                + "\"billIds\":[],\"status\":\"ACTIVE\",\"createdAt\":\"2026-12-01T10:00:00Z\"}";
    }

    private static String delivery(Ngo ngo) {
        return "{\"id\":\"" + ngo.deliveryId() + "\",\"eventId\":\"event-of-" + ngo.id() + "\",\"eventType\":\"co.vigia.ping\","
                + "\"subject\":\"" + ngo.endpointId() + "\",\"subscriptionId\":\"" + ngo.endpointId() + "\","
                + "\"trigger\":\"PING\",\"status\":\"DELIVERED\",\"createdAt\":\"2026-12-01T10:00:00Z\",\"attemptCount\":1,"
                + "\"attempts\":[{\"at\":\"2026-12-01T10:00:01Z\",\"statusCode\":204,\"latencyMillis\":12}]}";
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, "{\"status\":404,\"title\":\"subscription not found\",\"detail\":\"does not exist\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
