package co.vigia.systemtests;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import tools.jackson.databind.JsonNode;

/**
 * A real webhook receiver on localhost: one path per endpoint ({@code /hooks/<name>}), every request verified
 * with the Standard Webhooks reference library against the endpoint's secrets, every {@code webhook-id}
 * recorded. An endpoint can be told to fail (503), to answer 410 Gone, and the whole receiver can go down and
 * come back on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    enum Mode { ACCEPT, FAIL, GONE }

    /** One request as received. */
    record Received(String endpoint, String webhookId, String type, String subject, JsonNode data, Instant at,
                    boolean verified) {
    }

    private final int port;
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver(co.vigia.devstack.Ports.free());
        receiver.up();
        return receiver;
    }

    int port() {
        return port;
    }

    /** The URL to register for endpoint {@code name}. */
    String url(String name) {
        return "http://localhost:" + port + "/hooks/" + name;
    }

    void secret(String name, String secret) {
        secrets.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(secret);
    }

    void mode(String name, Mode mode) {
        modes.put(name, mode);
    }

    synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            executor = Executors.newFixedThreadPool(16);
            s.setExecutor(executor);
            s.createContext("/hooks/", this::handle);
            s.start();
            server = s;
        } catch (IOException e) {
            throw new IllegalStateException("webhook receiver cannot bind port " + port, e);
        }
    }

    /** Stops listening: deliveries meet a refused connection until {@link #up()}. */
    synchronized void down() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/hooks/".length());
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        Mode mode = modes.getOrDefault(name, Mode.ACCEPT);
        if (mode == Mode.ACCEPT) {
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
            boolean verified = verify(name, body, headers);
            JsonNode json = Api.JSON.readTree(body);
            JsonNode data = json.path("data");
            String subject = data.hasNonNull("billId") ? data.get("billId").asString()
                    : data.path("subscriptionId").asString(null);
            received.add(new Received(name, exchange.getRequestHeaders().getFirst("webhook-id"),
                    json.path("type").asString(), subject, data, Instant.now(), verified));
        }
        int status = switch (mode) {
            case ACCEPT -> 204;
            case FAIL -> 503;
            case GONE -> 410;
        };
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private boolean verify(String name, String body, Map<String, List<String>> headers) {
        for (String secret : secrets.getOrDefault(name, List.of())) {
            try {
                new Webhook(secret).verify(body, headers);
                return true;
            } catch (Exception e) {
                // try the next secret
            }
        }
        return false;
    }

    List<Received> received(String name) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.endpoint().equals(name)) {
                out.add(r);
            }
        }
        return out;
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        down();
    }
}
