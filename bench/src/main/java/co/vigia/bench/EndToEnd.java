package co.vigia.bench;

import co.vigia.devstack.Service;
import co.vigia.testsupport.Api;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Figure 1: a vote POSTed to vote-service → its signed webhook received by a local sink, at a steady rate, each vote
 * matching {@code matching} subscriptions while {@code nonMatching} others (other bills) must be filtered out. Each
 * webhook is one sample, timed from the moment its vote's POST was scheduled to start (so the POST itself, the
 * outbox relay, Kafka, notify's intake and its delivery are all inside). Also samples the services' RSS under load.
 */
final class EndToEnd {

    record Result(Latencies webhooks, Latencies posts, int votes, long expected, long received, long distinct,
                  long failedPosts, Map<Service, Long> peakRss, long peakBenchRss, String loadAverage,
                  String worstByWindow, String warmupWorstByWindow, Duration warmUp) {
    }

    /** A warm-up 10 s whose webhooks all arrived within this has no backlog left from the cold start. */
    static final Duration WARM_UP_CAUGHT_UP = Duration.ofSeconds(1);

    private EndToEnd() {
    }

    static void prepare(BenchStack stack, WebhookSink sink, BenchSettings s) {
        List<String> bills = bills(s);
        for (String bill : bills) {
            stack.bill(bill, "SENATE");
        }
        stack.subscriptions("e2e-match", s.matching(), 4, i -> bills, i -> sink.url("e2e", "m" + i));
        // other NGOs follow other bills: every vote is checked against their filters and matches none
        stack.subscriptions("e2e-other", s.nonMatching(), 4, i -> List.of("e2e-unfollowed-" + i),
                i -> sink.url("e2e-other", "o" + i));
    }

    static List<String> bills(BenchSettings s) {
        List<String> bills = new ArrayList<>();
        for (int i = 0; i < s.e2eBills(); i++) {
            bills.add("e2e-bill-" + i);
        }
        return bills;
    }

    static Result measure(BenchStack stack, WebhookSink sink, BenchSettings s) {
        List<String> bills = bills(s);
        Map<String, Long> scheduledAt = new ConcurrentHashMap<>();
        Latencies webhooks = new Latencies();
        Latencies posts = new Latencies();
        AtomicLong failedPosts = new AtomicLong();
        WebhookSink.Group group = sink.group("e2e");
        // the worst latency of each 10 s of the schedule, to tell a backlog at the start from one that builds up
        int perWindow = Math.max(1, s.e2eRate() * 10);
        Map<Integer, Long> worstByWindow = new java.util.concurrent.ConcurrentSkipListMap<>();
        Map<Integer, Long> warmupWorstByWindow = new java.util.concurrent.ConcurrentSkipListMap<>();
        group.listener = (path, webhookId, body, arrived) -> {
            String externalId = Api.JSON.readTree(body).path("data").path("externalId").asString("");
            Long scheduled = scheduledAt.get(externalId);
            if (scheduled != null && externalId.startsWith("e2e-m-")) {
                webhooks.record(arrived - scheduled);
                worstByWindow.merge(Integer.parseInt(externalId.substring(6)) / perWindow, arrived - scheduled,
                        Math::max);
            } else if (scheduled != null && externalId.startsWith("e2e-w-")) {
                warmupWorstByWindow.merge(Integer.parseInt(externalId.substring(6)) / perWindow, arrived - scheduled,
                        Math::max);
            }
        };
        Duration warmUp = warmUp(stack, s, bills, scheduledAt, warmupWorstByWindow, failedPosts);
        Map<Service, Long> peak = new ConcurrentHashMap<>();
        AtomicLong peakBench = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                stack.rss().forEach((service, mib) -> peak.merge(service, mib, Math::max));
                peakBench.accumulateAndGet(Machine.rssMiB(ProcessHandle.current().pid()), Math::max);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss-sampler");
        sampler.setDaemon(true);
        long before = group.requests();
        sampler.start();
        int votes = Pacer.run(s.e2eRate(), s.e2eDuration(), (i, scheduled) -> post(stack, "e2e-m-" + i,
                bills.get(i % bills.size()), scheduled, scheduledAt, posts, failedPosts));
        String load = Machine.loadAverage();
        long expected = (long) votes * s.matching();
        Machine.await(s.deadline(), () -> webhooks.count() >= expected);
        sampler.interrupt();
        group.listener = null;
        String windows = windows(worstByWindow);
        String warmupWindows = windows(warmupWorstByWindow);
        Bench.log("end to end, worst latency (ms) by 10 s of the warm-up: " + warmupWindows + "; of the recorded load: "
                + windows);
        return new Result(webhooks, posts, votes, expected, webhooks.count(), group.distinct(),
                failedPosts.get(), peak, peakBench.get(), load, windows, warmupWindows, warmUp);
    }

    /** Figure 1's warm-up alone, after {@link #prepare}: how long it ran, its worst latency (ms) by 10 s. */
    record WarmUp(Duration duration, String worstByWindow) {
    }

    static WarmUp warmUpOnly(BenchStack stack, WebhookSink sink, BenchSettings s) {
        Map<String, Long> scheduledAt = new ConcurrentHashMap<>();
        Map<Integer, Long> worst = new java.util.concurrent.ConcurrentSkipListMap<>();
        int perWindow = Math.max(1, s.e2eRate() * 10);
        WebhookSink.Group group = sink.group("e2e");
        group.listener = (path, webhookId, body, arrived) -> {
            String externalId = Api.JSON.readTree(body).path("data").path("externalId").asString("");
            Long scheduled = scheduledAt.get(externalId);
            if (scheduled != null && externalId.startsWith("e2e-w-")) {
                worst.merge(Integer.parseInt(externalId.substring(6)) / perWindow, arrived - scheduled, Math::max);
            }
        };
        Duration ran = warmUp(stack, s, bills(s), scheduledAt, worst, new AtomicLong());
        group.listener = null;
        return new WarmUp(ran, windows(worst));
    }

    /**
     * The warm-up: the same load, not recorded (its webhooks carry e2e-w- ids), for s.warmup() and then, 10 s at a
     * time, until the stack has caught up with it (see WARM_UP_CAUGHT_UP), at most three times that long: a cold start
     * on 2 cores took 40-70 s to drain, so a fixed minute let it run into the recorded load in some runs. Returns how
     * long it ran; {@code worstByWindow} gets the worst latency of each 10 s (the sink's listener records it).
     */
    static Duration warmUp(BenchStack stack, BenchSettings s, List<String> bills, Map<String, Long> scheduledAt,
                           Map<Integer, Long> worstByWindow, AtomicLong failedPosts) {
        int perWindow = Math.max(1, s.e2eRate() * 10);
        int warmedUp = 0;
        long warmUpEnds = System.nanoTime() + 3 * s.warmup().toNanos();
        Duration step = s.warmup().compareTo(Duration.ofSeconds(10)) < 0 ? s.warmup() : Duration.ofSeconds(10);
        do {
            int offset = warmedUp;
            warmedUp += Pacer.run(s.e2eRate(), step, (i, scheduled) -> post(stack,
                    "e2e-w-" + (offset + i), bills.get((offset + i) % bills.size()), scheduled, scheduledAt, null,
                    failedPosts));
        } while (System.nanoTime() < warmUpEnds && (warmedUp < s.e2eRate() * s.warmup().toSeconds()
                || !caughtUp(worstByWindow, warmedUp / perWindow)));
        return Duration.ofSeconds(warmedUp / s.e2eRate());
    }

    /**
     * Whether the warm-up's last complete 10 s (the one before the 10 s just scheduled, whose webhooks may still be on
     * their way) had every webhook within {@link #WARM_UP_CAUGHT_UP}: the stack keeps up with the load, no backlog left.
     */
    private static boolean caughtUp(Map<Integer, Long> worstByWindow, int windowsScheduled) {
        Long worst = worstByWindow.get(windowsScheduled - 2);
        return worst != null && worst < WARM_UP_CAUGHT_UP.toNanos();
    }

    /** {@code 0-10 s: 13421, 10-20 s: 92, ...}: the worst latency in ms of each 10 s of the schedule. */
    static String windows(Map<Integer, Long> worstNanos) {
        StringBuilder out = new StringBuilder();
        worstNanos.forEach((w, nanos) -> out.append(out.isEmpty() ? "" : ", ").append(w * 10).append('-')
                .append(w * 10 + 10).append(" s: ").append(nanos / 1_000_000));
        return out.toString();
    }

    private static void post(BenchStack stack, String externalId, String bill, long scheduled,
                             Map<String, Long> scheduledAt, Latencies posts, AtomicLong failed) {
        scheduledAt.put(externalId, scheduled);
        String json = Api.JSON.writeValueAsString(BenchStack.rollCallWithoutQuorum(externalId, bill));
        Api.HTTP.sendAsync(stack.vote.request("POST", "/api/votes", json), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> {
                    if (error != null || response.statusCode() != 201) {
                        failed.incrementAndGet();
                    } else if (posts != null) {
                        posts.record(System.nanoTime() - scheduled);
                    }
                });
    }

    /** The {@code data} of a sampled webhook body, for the report. */
    static JsonNode sample(WebhookSink sink) {
        String body = sink.group("e2e").sampleBody;
        return body == null ? null : Api.JSON.readTree(body);
    }
}
