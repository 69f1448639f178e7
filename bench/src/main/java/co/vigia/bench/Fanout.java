package co.vigia.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Figure 2: one event fanned out to {@code fanout} subscriptions, each a signed webhook with its delivery record, to
 * the local sink. Baseline: a plain {@link HttpClient} POST loop to the same sink, at notify-service's concurrency,
 * each request signed (HMAC-SHA256, as Standard Webhooks) with the same body.
 */
final class Fanout {

    /**
     * {@code cpu}: what each process used from the vote's POST until every webhook arrived (see BenchStack);
     * {@code warmUp}: the untimed fan-outs before it ({@link #WARM_UP}).
     */
    record Result(int subscriptions, Duration setup, long delivered, long distinct, Duration eventToLast,
                  Duration firstToLast, double rate, double baselineRate, long baselineErrors, String loadAverage,
                  String cpu, WarmUp warmUp) {
    }

    /**
     * The untimed fan-outs, in order: their rates and the part of notify-service's CPU its JIT compiler took in each,
     * the CPU of the first and of the last, and whether the last was warm ({@link CpuReading#WARM_JIT_SHARE}) or
     * {@link #MAX_WARM_UPS} ran out first.
     */
    record WarmUp(List<Double> rates, List<Double> notifyJitShares, String firstCpu, String lastCpu, boolean warm) {
    }

    /**
     * The timed fan-out follows untimed ones of the same size, each one vote on another bill that as many other
     * subscriptions follow, until notify-service is warm: until its JIT compiler took under {@link
     * CpuReading#WARM_JIT_SHARE} of its CPU in one (at most {@link #MAX_WARM_UPS}). notify-service is about two minutes
     * old here (figure 5 restarts it), and the raw baseline's loop is small and compiled at once. On a saturated
     * machine HotSpot raises its compile thresholds with the length of its compile queue, so the delivery path stays in
     * C1's profiling tier for tens of thousands of deliveries: in the tenth session's runs notify-service's JIT took
     * 36-42 % of its CPU in each of the first two untimed fan-outs, the rates went 474, 701, 985 and 1,182
     * deliveries/s, and the timed one after them ran at 1,565/s (docs/benchmarks-profiling.md). A service that runs for
     * days is past all that; figures 1 and 3 are measured warm for the same reason.
     */
    static final String WARM_UP = "fanout-warm";

    /** At most this many untimed fan-outs (the smoke run: 2). */
    static final int MAX_WARM_UPS = 8;

    private Fanout() {
    }

    /**
     * The subscriptions of the untimed fan-out ({@link #WARM_UP}) and of the timed one, each set following its own
     * bill, all created through the API as the operator onboards NGOs ({@link BenchStack#subscriptionsInBatches}).
     */
    static Duration prepare(BenchStack stack, WebhookSink sink, BenchSettings s) {
        long started = System.nanoTime();
        for (String name : List.of(WARM_UP, "fanout")) {
            stack.bill(name + "-bill", "SENATE");
            stack.subscriptionsInBatches(name, s.fanout(), i -> List.of(name + "-bill"), i -> sink.url(name, "s" + i));
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static Result measure(BenchStack stack, WebhookSink sink, BenchSettings s, Duration setup) {
        WarmUp warmUp = warmUp(stack, sink.group(WARM_UP), s);

        Run timed = fanOut(stack, sink.group("fanout"), s, "fanout", 0);
        String load = Machine.loadAverage();
        WebhookSink.Group group = timed.group();
        String body = group.sampleBody == null ? "{\"type\":\"co.vigia.vote.tallied\",\"data\":{}}" : group.sampleBody;
        long[] baseline = baseline(sink, s.fanout(), s.fanoutConcurrency(), body);
        double baselineRate = s.fanout() / (baseline[0] / 1e9);
        return new Result(s.fanout(), setup, group.requests(), group.distinct(), timed.eventToLast(),
                timed.firstToLast(), timed.rate(), baselineRate, baseline[1], load, timed.cpu(), warmUp);
    }

    /**
     * Untimed fan-outs, one vote each on the warm-up bill, until notify-service's JIT took under
     * {@link CpuReading#WARM_JIT_SHARE} of its CPU in one.
     */
    private static WarmUp warmUp(BenchStack stack, WebhookSink.Group group, BenchSettings s) {
        List<Double> rates = new ArrayList<>();
        List<Double> jitShares = new ArrayList<>();
        String firstCpu = null;
        String lastCpu = null;
        boolean warm = false;
        int max = s.full() ? MAX_WARM_UPS : 2;
        for (int vote = 0; vote < max && !warm; vote++) {
            Run run = fanOut(stack, group, s, WARM_UP, vote);
            if (run.delivered() < s.fanout()) {
                Bench.log("fan-out warm-up " + (vote + 1) + ": only " + run.delivered() + " of " + s.fanout()
                        + " webhooks within " + s.deadline().toSeconds()
                        + " s; the timed fan-out runs behind the rest");
            }
            rates.add(run.rate());
            jitShares.add(run.notifyJitShare());
            warm = run.notifyJitShare() < CpuReading.WARM_JIT_SHARE;
            firstCpu = firstCpu == null ? run.cpu() : firstCpu;
            lastCpu = run.cpu();
            Bench.log(String.format("fan-out warm-up %d: %.0f deliveries/s, notify-service's JIT %.0f %% of its CPU; "
                    + "CPU: %s", vote + 1, run.rate(), 100 * run.notifyJitShare(), run.cpu()));
        }
        return new WarmUp(List.copyOf(rates), List.copyOf(jitShares), firstCpu, lastCpu, warm);
    }

    /**
     * One fan-out as measured: the vote's POST to the last webhook, first to last (zero for a group's later fan-outs:
     * only the timed one, a group's first, reports it), their rate, the CPU meanwhile.
     */
    private record Run(WebhookSink.Group group, long delivered, Duration eventToLast, Duration firstToLast, double rate,
                       String cpu, double notifyJitShare) {
    }

    /**
     * One vote on bill {@code name + "-bill"}, awaited (bounded) until its {@code s.fanout()} webhooks reached sink
     * group {@code group}; the untimed and the timed fan-out are measured alike, so their rates compare.
     */
    private static Run fanOut(BenchStack stack, WebhookSink.Group group, BenchSettings s, String name, int vote) {
        long before = group.distinct();
        CpuReading cpuBefore = stack.cpu();
        long posted = System.nanoTime();
        stack.vote.post("/api/votes", BenchStack.rollCallWithoutQuorum(name + "-v-" + vote, name + "-bill")).expect2xx();
        Machine.await(s.deadline(), () -> group.distinct() >= before + s.fanout());
        CpuReading cpuAfter = stack.cpu();
        long delivered = group.distinct() - before;
        // with nothing delivered, the figure is 0 over the whole wait rather than a rate over nothing
        long last = delivered == 0 ? System.nanoTime() : group.lastNanos.get();
        long first = delivered == 0 || before > 0 ? last : group.firstNanos.get();
        Duration eventToLast = Duration.ofNanos(last - posted);
        double rate = delivered / (eventToLast.toNanos() / 1e9);
        return new Run(group, delivered, eventToLast, Duration.ofNanos(last - first), rate, cpuAfter.since(cpuBefore),
                cpuAfter.jitShareSince("notify", cpuBefore));
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
