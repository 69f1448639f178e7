package co.vigia.bench;

import co.vigia.devstack.Ports;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The subscribers' endpoints: a JDK {@link HttpServer} on loopback answering 204 at once. Requests are counted per
 * group (the first path segment after {@code /hooks/}), distinct per path and {@code webhook-id}, so duplicates and
 * losses can be told apart; a group may have a listener (the end-to-end figure times each arrival).
 */
final class WebhookSink implements AutoCloseable {

    /** Called on the sink's thread for each request of a group, with its arrival time. */
    interface Listener {
        void received(String path, String webhookId, String body, long arrivedNanos);
    }

    /** What one group received. */
    static final class Group {
        final AtomicLong requests = new AtomicLong();
        final Map<String, Boolean> distinct = new ConcurrentHashMap<>();
        final AtomicLong firstNanos = new AtomicLong();
        final AtomicLong lastNanos = new AtomicLong();
        volatile String sampleBody;
        volatile Listener listener;

        long requests() {
            return requests.get();
        }

        long distinct() {
            return distinct.size();
        }
    }

    private final int port;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    int port() {
        return port;
    }

    private WebhookSink(int port, int threads) {
        this.port = port;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            throw new IllegalStateException("webhook sink cannot bind port " + port, e);
        }
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sink");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/hooks/", this::handle);
        server.start();
    }

    static WebhookSink start(int threads) {
        return new WebhookSink(Ports.free(), threads);
    }

    /** The URL to register for {@code group/name}. */
    String url(String group, String name) {
        return "http://127.0.0.1:" + port + "/hooks/" + group + "/" + name;
    }

    Group group(String name) {
        return groups.computeIfAbsent(name, k -> new Group());
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath().substring("/hooks/".length());
        int slash = path.indexOf('/');
        Group group = group(slash < 0 ? path : path.substring(0, slash));
        String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
        group.requests.incrementAndGet();
        group.distinct.put(path + " " + webhookId, Boolean.TRUE);
        group.firstNanos.compareAndSet(0, arrived);
        group.lastNanos.accumulateAndGet(arrived, Math::max);
        String body = null;
        if (group.sampleBody == null || group.listener != null) {
            body = new String(raw, StandardCharsets.UTF_8);
            if (group.sampleBody == null) {
                group.sampleBody = body;
            }
        }
        Listener listener = group.listener;
        if (listener != null) {
            listener.received(path, webhookId, body, arrived);
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
