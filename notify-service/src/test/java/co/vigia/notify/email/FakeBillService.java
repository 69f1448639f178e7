package co.vigia.notify.email;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** bill-service's {@code GET /api/bills/{id}} as JSON, for the facts an email names (an HTTP stand-in). */
final class FakeBillService implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> bills = new ConcurrentHashMap<>();

    FakeBillService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/bills/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/api/bills/".length());
            String body = bills.get(id);
            byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A Senate bill numbered {@code number}, with these topics and deadlines (JSON array text). */
    void bill(String id, String number, String topicsJson, String deadlinesJson) {
        bills.put(id, """
                {"id":"%s","title":"Sujeción a la justicia ordinaria","originChamber":"SENATE",
                 "numbers":{"SENATE":"%s"},"topics":%s,"deadlines":%s}""".formatted(id, number, topicsJson,
                deadlinesJson));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
