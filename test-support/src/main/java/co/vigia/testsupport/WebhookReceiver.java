package co.vigia.testsupport;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * An NGO's webhook endpoints on loopback: a JDK {@link HttpServer} on one port, an endpoint per path. Every request
 * is recorded (unless told not to) and, when the test gave the path's secrets, verified with the Standard Webhooks
 * reference library. It answers what the test says, per path or by a function: a status, a hang, a reset; and it can
 * go down and come back on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** Called on the receiver's thread for each request (the benchmark times arrivals this way). */
    public interface Listener {
        void received(Received request);
    }

    private final int threads;
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> answer = r -> Reply.status(204);
    private volatile Listener listener;
    private volatile boolean recording = true;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    /** Never answers (for a minute, or until the receiver goes down). */
    public static final Reply HANG = new Reply(-1, Map.of(), "");
    /** Closes the connection without an answer. */
    public static final Reply RESET = new Reply(-2, Map.of(), "");

    /** A receiver on a free port, answering 204 on every path. */
    public WebhookReceiver() {
        this(16);
    }

    /** As {@link #WebhookReceiver()}, handling at most {@code threads} requests at once. */
    public WebhookReceiver(int threads) {
        this.threads = threads;
        up();
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    public int port() {
        return port;
    }

    /** The URL of the endpoint at {@code path} ("/ngo-a"), on 127.0.0.1. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** As {@link #url}, spelt with {@code localhost}. */
    public String localhostUrl(String path) {
        return "http://localhost:" + port + path;
    }

    /** A secret of the endpoint at {@code path}: its requests are verified against each secret it has. */
    public WebhookReceiver secret(String path, String secret) {
        secrets.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>()).add(secret);
        return this;
    }

    /** How to answer every request that has no reply of its own. */
    public WebhookReceiver answering(Function<Received, Reply> answer) {
        this.answer = answer;
        return this;
    }

    /** How to answer every request to {@code path} from now on. */
    public WebhookReceiver answer(String path, Reply reply) {
        replies.put(path, reply);
        return this;
    }

    public WebhookReceiver listener(Listener listener) {
        this.listener = listener;
        return this;
    }

    /** Whether requests are kept for {@link #received()}; a load test that only counts turns it off. */
    public WebhookReceiver recording(boolean keep) {
        this.recording = keep;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Listens again, on the same port. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
            executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "webhook-receiver");
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(executor);
            s.createContext("/", this::handle);
            s.start();
            port = s.getAddress().getPort();
            server = s;
        } catch (IOException e) {
            throw new IllegalStateException("webhook receiver cannot bind port " + port, e);
        }
    }

    /** Stops listening: deliveries meet a refused connection until {@link #up()}. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        down();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
        String body = new String(raw, StandardCharsets.UTF_8);
        Received request = new Received(path, Map.copyOf(headers), body, Instant.now(), arrived,
                secrets.getOrDefault(path, List.of()).stream().anyMatch(s -> Received.signed(s, body, headers)));
        if (recording) {
            received.add(request);
        }
        Listener l = listener;
        if (l != null) {
            l.received(request);
        }
        reply(exchange, replies.getOrDefault(path, answer.apply(request)));
    }

    private static void reply(HttpExchange exchange, Reply reply) throws IOException {
        if (reply == HANG) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (reply == RESET) {
            exchange.close(); // no status line at all: the client sees the connection end
            return;
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** How to answer: a status, headers, a body; or {@link #HANG} / {@link #RESET}. */
    public record Reply(int status, Map<String, String> headers, String body) {

        public static Reply status(int status) {
            return new Reply(status, Map.of(), "");
        }
    }

    /** One request as received; header names in lower case. */
    public record Received(String path, Map<String, List<String>> headers, String body, Instant at, long arrivedNanos,
                           boolean verified) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String webhookId() {
            return header("webhook-id");
        }

        /** The path without its leading slash: the name a test gave the endpoint. */
        public String endpoint() {
            return path.substring(1);
        }

        public JsonNode json() {
            return Api.JSON.readTree(body);
        }

        /** The event's type ({@code co.vigia.vote.tallied}). */
        public String type() {
            return json().path("type").asString();
        }

        public JsonNode data() {
            return json().path("data");
        }

        /** What the event is about: its bill, or else the subscription it concerns. */
        public String subject() {
            JsonNode data = data();
            return data.hasNonNull("billId") ? data.get("billId").asString() : data.path("subscriptionId").asString(null);
        }

        /** Whether the request carries a valid signature by {@code secret} (the Standard Webhooks library says). */
        public boolean signedWith(String secret) {
            return signed(secret, body, headers);
        }

        static boolean signed(String secret, String body, Map<String, List<String>> headers) {
            try {
                new Webhook(secret).verify(body, headers);
                return true;
            } catch (WebhookVerificationException | EmptyWebhookSecretException | RuntimeException e) {
                return false;
            }
        }
    }
}
