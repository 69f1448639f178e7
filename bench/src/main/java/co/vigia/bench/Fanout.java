package co.vigia.bench;

import co.vigia.devstack.Service;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;

/**
 * Figure 2: one event fanned out to {@code fanout} subscriptions, each a signed webhook with its delivery record, to
 * the local sink. Baseline: a plain {@link HttpClient} POST loop to the same sink, at notify-service's concurrency,
 * each request signed (HMAC-SHA256, as Standard Webhooks) with the same body.
 */
final class Fanout {

    /**
     * {@code cpu}: what each process used from the vote's POST until every webhook arrived (see BenchStack);
     * {@code warmUp}: the same for the untimed fan-out before it ({@link #WARM_UP}).
     */
    record Result(int subscriptions, Duration setup, long delivered, long distinct, Duration eventToLast,
                  Duration firstToLast, double rate, double baselineRate, long baselineErrors, String loadAverage,
                  String cpu, WarmUp warmUp) {
    }

    /** The untimed fan-out: its rate and CPU, to compare with the timed one (a cold notify-service's cost). */
    record WarmUp(double rate, String cpu) {
    }

    /**
     * The timed fan-out is the second one notify-service runs: the first, untimed, goes to as many other subscriptions
     * following another bill. notify-service is about two minutes old here (figure 5 restarts it), and in its first
     * fan-out the JIT compiler took a third of its CPU (perf, by thread: C2 35 %, HttpClient 21 %), where the raw
     * baseline's loop is small and compiled at once. In four runs the first ran at 700-1,110 deliveries/s, the second
     * at 990-1,310 (docs/benchmarks-profiling.md, eighth session). Figures 1 and 3 are measured warm for the same
     * reason.
     */
    static final String WARM_UP = "fanout-warm";

    private Fanout() {
    }

    /**
     * The subscriptions of the untimed fan-out ({@link #WARM_UP}) and of the timed one, each set following its own
     * bill: ten through the API (one NGO), then the rest as copies of the first one's stored document, each
     * with its own id, endpoint and {@code whsec_} secret, written straight into notify-service's database: through
     * the API each takes tens of milliseconds on this shared machine, minutes for ten thousand, and the figure is
     * about delivering, not subscribing.
     */
    static Duration prepare(BenchStack stack, WebhookSink sink, BenchSettings s) {
        long started = System.nanoTime();
        prepare(stack, sink, s, WARM_UP);
        prepare(stack, sink, s, "fanout");
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Bill {@code name + "-bill"}, {@code s.fanout()} subscriptions to it, their endpoints sink group {@code name}. */
    private static void prepare(BenchStack stack, WebhookSink sink, BenchSettings s, String name) {
        String bill = name + "-bill";
        stack.bill(bill, "SENATE");
        int viaApi = Math.min(10, s.fanout());
        stack.subscriptions(name, viaApi, 1, i -> List.of(bill), i -> sink.url(name, "s" + i));
        try (MongoClient mongo = MongoClients.create(stack.mongoUri(Service.NOTIFY.database()))) {
            MongoCollection<Document> subscriptions = mongo.getDatabase(Service.NOTIFY.database())
                    .getCollection("subscriptions");
            Document template = subscriptions.find(Filters.eq("url", sink.url(name, "s0"))).first();
            if (template == null) {
                throw new IllegalStateException("the subscription created through the API is not in "
                        + Service.NOTIFY.database() + ".subscriptions");
            }
            SecureRandom random = new SecureRandom();
            List<Document> copies = new ArrayList<>();
            for (int i = viaApi; i < s.fanout(); i++) {
                byte[] key = new byte[24];
                random.nextBytes(key);
                Document copy = new Document(template);
                copy.put("_id", UUID.randomUUID().toString());
                copy.put("url", sink.url(name, "s" + i));
                Document secret = new Document(template.getList("secrets", Document.class).get(0));
                secret.put("secret", "whsec_" + Base64.getEncoder().encodeToString(key));
                copy.put("secrets", List.of(secret));
                copies.add(copy);
                if (copies.size() == 1000 || i == s.fanout() - 1) {
                    subscriptions.insertMany(copies);
                    copies.clear();
                }
            }
        }
    }

    static Result measure(BenchStack stack, WebhookSink sink, BenchSettings s, Duration setup) {
        Run first = fanOut(stack, sink.group(WARM_UP), s, WARM_UP);
        if (first.group().distinct() < s.fanout()) {
            Bench.log("fan-out warm-up: only " + first.group().distinct() + " of " + s.fanout() + " webhooks within "
                    + s.deadline().toSeconds() + " s; the timed fan-out runs behind the rest");
        }
        WarmUp warmUp = new WarmUp(first.rate(), first.cpu());
        Bench.log(String.format("fan-out warm-up: %.0f deliveries/s; CPU: %s", warmUp.rate(), warmUp.cpu()));

        Run timed = fanOut(stack, sink.group("fanout"), s, "fanout");
        String load = Machine.loadAverage();
        WebhookSink.Group group = timed.group();
        String body = group.sampleBody == null ? "{\"type\":\"co.vigia.vote.tallied\",\"data\":{}}" : group.sampleBody;
        long[] baseline = baseline(sink, s.fanout(), s.fanoutConcurrency(), body);
        double baselineRate = s.fanout() / (baseline[0] / 1e9);
        return new Result(s.fanout(), setup, group.requests(), group.distinct(), timed.eventToLast(),
                timed.firstToLast(), timed.rate(), baselineRate, baseline[1], load, timed.cpu(), warmUp);
    }

    /** One fan-out as measured: the vote's POST to the last webhook, first to last, their rate, the CPU meanwhile. */
    private record Run(WebhookSink.Group group, Duration eventToLast, Duration firstToLast, double rate, String cpu) {
    }

    /**
     * One vote on bill {@code name + "-bill"}, awaited (bounded) until its {@code s.fanout()} webhooks reached sink
     * group {@code group}; the untimed and the timed fan-out are measured alike, so their rates compare.
     */
    private static Run fanOut(BenchStack stack, WebhookSink.Group group, BenchSettings s, String name) {
        java.util.Map<String, Long> cpuBefore = stack.cpuMillis();
        long posted = System.nanoTime();
        stack.vote.post("/api/votes", BenchStack.rollCallWithoutQuorum(name + "-v-0", name + "-bill"));
        Machine.await(s.deadline(), () -> group.distinct() >= s.fanout());
        String cpu = BenchStack.cpuBetween(cpuBefore, stack.cpuMillis(), (System.nanoTime() - posted) / 1e9);
        // with nothing delivered, the figure is 0 over the whole wait rather than a rate over nothing
        long last = group.distinct() == 0 ? System.nanoTime() : group.lastNanos.get();
        long first = group.distinct() == 0 ? last : group.firstNanos.get();
        Duration eventToLast = Duration.ofNanos(last - posted);
        double rate = group.distinct() / (eventToLast.toNanos() / 1e9);
        return new Run(group, eventToLast, Duration.ofNanos(last - first), rate, cpu);
    }

    /** Returns {elapsed nanos, errors} of {@code count} signed POSTs on {@code concurrency} threads. */
    static long[] baseline(WebhookSink sink, int count, int concurrency, String body) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        byte[] key = "bench-baseline-secret-32-bytes!!".getBytes(StandardCharsets.UTF_8);
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    Mac mac = hmac(key);
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        String id = "baseline-" + i;
                        long timestamp = System.currentTimeMillis() / 1000;
                        String signature = "v1," + Base64.getEncoder().encodeToString(
                                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                        HttpRequest request = HttpRequest.newBuilder(URI.create(sink.url("fanout-baseline", "b" + (i % 1000))))
                                .timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
                                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                                .header("webhook-signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                        try {
                            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() / 100 != 2) {
                                errors.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get(5, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the HttpClient baseline failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        return new long[] {System.nanoTime() - started, errors.get()};
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
