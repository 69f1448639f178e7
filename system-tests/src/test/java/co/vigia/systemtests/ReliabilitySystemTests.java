package co.vigia.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.Service;
import co.vigia.testsupport.Api;
import co.vigia.testsupport.TestStack;
import co.vigia.testsupport.WebhookReceiver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each service, as a separate process, under what sank or could sink it: 100 MB bodies, 300 slow connections, 2,000
 * wrong-key requests and (notify-service) ten concurrent replays. Meanwhile another caller reads every 100 ms; the
 * service must stay healthy, answer that caller within 1 s at the 99th percentile, and grow its RSS by under 100 MB.
 * The figures are printed (RELIABILITY lines) for the closing note.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReliabilitySystemTests {

    private TestStack stack;
    private WebhookReceiver receiver;
    private final List<String> figures = new ArrayList<>();

    @BeforeAll
    void start() {
        receiver = WebhookReceiver.start();
        stack = SystemStack.start("reliability", receiver.port(), Map.of());
    }

    @AfterAll
    void stop() throws IOException {
        figures.forEach(line -> System.out.println("RELIABILITY " + line));
        Files.write(Path.of("target", "reliability-figures.txt"), figures);
        if (receiver != null) {
            receiver.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void billServiceWithstandsLargeSlowAndWrongKeyRequests() throws Exception {
        withstands(Service.BILL, "/api/bills", "/api/bills?size=1", List.of());
    }

    @Test
    void voteServiceWithstandsLargeSlowAndWrongKeyRequests() throws Exception {
        withstands(Service.VOTE, "/api/votes:batch", "/api/votes?size=1", List.of());
    }

    @Test
    void notifyServiceWithstandsLargeSlowWrongKeyRequestsAndConcurrentReplays() throws Exception {
        Vigia vigia = new Vigia(stack, receiver);
        vigia.bill("fiabilidad", "Proyecto de la prueba de fiabilidad", "2024-08-01"); // events for the replays
        vigia.action("fiabilidad", "ASSIGNED_TO_COMMITTEE", "2024-08-05", "Comisión Primera del Senado");
        String ngoKey = vigia.subscriber("reliability-ngo");
        String subscription = vigia.subscribe(ngoKey, "reliability", List.of("co.vigia.bill.registered",
                "co.vigia.bill.stage-changed", "co.vigia.bill.action-recorded"), List.of());
        Thread.sleep(5_000); // notify-service stores the seed's events
        Runnable replay = () -> stack.notify.as(ngoKey).post("/api/subscriptions/" + subscription + "/replay?since="
                + Instant.now().minusSeconds(86_400), null);
        withstands(Service.NOTIFY, "/api/subscribers", "/actuator/health/liveness", List.of(replay));
    }

    private void withstands(Service service, String writePath, String readPath, List<Runnable> extra)
            throws Exception {
        var process = stack.process(service);
        Api other = service == Service.BILL ? stack.bill : service == Service.VOTE ? stack.vote : stack.notify;
        // the baseline is a service in use, not one just started: ordinary reads first touch the heap's young
        // generation, which any traffic fills, so the growth measured is the attacks' own
        for (int i = 0; i < 3_000; i++) {
            other.get(readPath);
        }
        long rssBefore = rssKb(process.pid());
        Caller caller = new Caller(other, readPath);
        caller.start();
        String host = "localhost";
        int port = process.port();
        try {
            long started = System.nanoTime();
            hugeBodies(host, port, writePath);
            figures.add(service + " 100 MB bodies x3: refused in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            started = System.nanoTime();
            slowConnections(host, port, writePath, 300, 30);
            figures.add(service + " 300 slow connections (1 byte / 10 s) for 30 s: done in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            started = System.nanoTime();
            Map<Integer, Integer> statuses = wrongKeys(other, writePath, 2_000);
            figures.add(service + " 2,000 wrong-key requests: " + statuses + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            for (Runnable run : extra) {
                started = System.nanoTime();
                ExecutorService pool = Executors.newFixedThreadPool(10);
                List<Future<?>> replays = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    replays.add(pool.submit(run));
                }
                for (Future<?> replay : replays) {
                    replay.get();
                }
                pool.shutdown();
                figures.add(service + " 10 concurrent replays: done in " + (System.nanoTime() - started) / 1_000_000
                        + " ms");
            }
        } finally {
            caller.stop();
        }
        Thread.sleep(2_000);
        long rssAfter = rssKb(process.pid());
        long p99 = caller.percentile(99);
        figures.add(String.format("%s RSS before %d MB, after %d MB (+%d MB); other caller: %d reads, p50 %d ms,"
                        + " p99 %d ms, max %d ms, %d failed", service, rssBefore / 1024, rssAfter / 1024,
                (rssAfter - rssBefore) / 1024, caller.count(), caller.percentile(50), p99, caller.percentile(100),
                caller.failed()));
        System.out.println("RELIABILITY " + figures.get(figures.size() - 1));
        assertThat(process.isHealthy()).as(service + " healthy").isTrue();
        assertThat(p99).as(service + " p99 of another caller, ms").isLessThan(1_000);
        assertThat(rssAfter - rssBefore).as(service + " RSS growth, KB").isLessThan(100 * 1024);
    }

    /** Three 100 MB bodies at once: one declared (Content-Length), two chunked, streamed until the service stops. */
    private static void hugeBodies(String host, int port, String path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            boolean chunked = i > 0;
            sent.add(pool.submit(() -> {
                try (Socket socket = new Socket(host, port)) {
                    socket.setSoTimeout(60_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer " + SystemStack.OPERATOR_KEY + "\r\nConnection: close\r\n"
                            + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + 100_000_000 + "\r\n")
                            + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] block = ("[{\"title\":\"" + "x".repeat(1_000_000 - 12) + "\"},").getBytes(StandardCharsets.UTF_8);
                    try {
                        for (int mb = 0; mb < 100; mb++) {
                            if (chunked) {
                                out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            }
                            out.write(block);
                            if (chunked) {
                                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                            }
                        }
                    } catch (IOException refused) {
                        // the service answered and closed: what it should do
                    }
                    socket.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // a reset after the refusal is fine too
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
    }

    /** Connections that send their headers and then one byte every 10 s, reconnecting when the service drops them. */
    private static void slowConnections(String host, int port, String path, int connections, int seconds)
            throws Exception {
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < connections; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < until) {
                    try (Socket socket = new Socket(host, port)) {
                        OutputStream out = socket.getOutputStream();
                        // with the operator's key, so that the handler reads the body (without, it is a 401 at once)
                        out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                                + "Authorization: Bearer " + SystemStack.OPERATOR_KEY + "\r\n"
                                + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        while (System.nanoTime() < until) {
                            out.write(' ');
                            out.flush();
                            Thread.sleep(10_000);
                        }
                    } catch (IOException | InterruptedException dropped) {
                        // dropped by the service: come back, as a patient attacker would
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static Map<Integer, Integer> wrongKeys(Api api, String path, int count) throws Exception {
        Api wrong = api.as("wrong-key-" + System.nanoTime());
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean write = i % 2 == 0;
            sent.add(pool.submit(() -> {
                Api.Response response = write ? wrong.post(path.replace(":batch", ""), Map.of("name", "x"))
                        : wrong.get(path.replace(":batch", ""));
                statuses.merge(response.status(), 1, Integer::sum);
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        return statuses;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    /** Another caller reading every 100 ms; keeps each answer's time. */
    private static final class Caller {
        private final Api api;
        private final String path;
        private final ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private int failed;
        private Thread thread;

        Caller(Api api, String path) {
            this.api = api;
            this.path = path;
        }

        void start() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    try {
                        if (!api.get(path).ok()) {
                            failed++;
                        }
                    } catch (RuntimeException e) {
                        failed++;
                    }
                    millis.add((System.nanoTime() - started) / 1_000_000);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        int count() {
            return millis.size();
        }

        int failed() {
            return failed;
        }

        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(millis);
            if (sorted.isEmpty()) {
                return 0;
            }
            sorted.sort(null);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }
}
