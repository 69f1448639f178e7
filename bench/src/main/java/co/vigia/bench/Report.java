package co.vigia.bench;

import co.vigia.devstack.Service;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes {@code benchmarks.md} and its latency plot from one run's results; every figure comes from that run. */
final class Report {

    static final String FILE = "benchmarks.md";
    static final String PLOT = "benchmarks-latency.png";
    static final String PROFILING = "benchmarks-profiling.md";

    static final double E2E_P99_TARGET_MS = 250;
    static final double E2E_RATIO_TARGET = 20;
    static final double FANOUT_TARGET = 0.60;
    static final double INGESTION_TARGET = 0.50;

    private Report() {
    }

    static Path write(Bench.Results r) {
        Path dir = r.settings().reportDir();
        try {
            Files.createDirectories(dir);
            LatencyPlot.write(dir.resolve(PLOT), "End to end (vote POST → webhook) beside the raw Kafka round trip, "
                    + r.settings().e2eRate() + "/s", List.of(
                    new LatencyPlot.Series("Vigía: vote POST → signed webhook at the sink", new Color(200, 60, 40),
                            r.endToEnd().webhooks().copy()),
                    new LatencyPlot.Series("raw Kafka produce → consume", new Color(40, 90, 200),
                            r.kafkaRoundTrip().copy())));
            Path file = dir.resolve(FILE);
            Files.writeString(file, markdown(r));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean e2eMet(Bench.Results r) {
        double p99 = r.endToEnd().webhooks().millis(99);
        return r.endToEnd().received() >= r.endToEnd().expected() && p99 < E2E_P99_TARGET_MS
                && p99 <= E2E_RATIO_TARGET * r.kafkaRoundTrip().millis(99);
    }

    static String table(Bench.Results r) {
        EndToEnd.Result e2e = r.endToEnd();
        Fanout.Result fan = r.fanout();
        Ingestion.Result in = r.ingestion();
        FaultTest.Result f = r.fault();
        double p99Ratio = e2e.webhooks().millis(99) / Math.max(0.001, r.kafkaRoundTrip().millis(99));
        double fanRatio = fan.rate() / fan.baselineRate();
        double inRatio = in.rate() / in.baselineRate();
        StringBuilder t = new StringBuilder();
        t.append("| figure | Vigía | baseline, same run | Vigía / baseline | target | met |\n");
        t.append("|---|---|---|---|---|---|\n");
        t.append(row("1. end to end, vote POST → webhook, p50 / p95 / p99 / max (ms), " + r.settings().e2eRate()
                        + " votes/s × " + r.settings().e2eDuration().toSeconds() + " s",
                e2e.webhooks().summary() + (e2e.received() < e2e.expected()
                        ? " (only " + e2e.received() + " of " + e2e.expected() + " webhooks)" : ""),
                "raw Kafka produce → consume: " + r.kafkaRoundTrip().summary(),
                fmt("p99 × %.1f", p99Ratio),
                "p99 < " + (int) E2E_P99_TARGET_MS + " ms and ≤ " + (int) E2E_RATIO_TARGET + "× raw",
                e2eMet(r)));
        t.append(row("2. fan-out, one event → " + fan.subscriptions() + " subscriptions (deliveries/s)",
                fmt("%.0f (untimed before it: %s)", fan.rate(), rates(fan.warmUp().rates())),
                fmt("plain HttpClient POST loop, %d threads: %.0f",
                        r.settings().fanoutConcurrency(), fan.baselineRate()),
                fmt("%.0f %%", 100 * fanRatio), "≥ 60 %", fanRatio >= FANOUT_TARGET && fan.distinct() >= fan.subscriptions()));
        t.append(row("3. ingestion, " + Ingestion.MEMBERS + "-member roll calls via votes:batch → tallied event on Kafka"
                        + " (roll calls/s)", fmt("%.0f", in.rate()),
                fmt("raw MongoDB insertMany + Kafka send: %.0f", in.baselineRate()), fmt("%.0f %%", 100 * inRatio),
                "≥ 50 %", inRatio >= INGESTION_TARGET && in.events() >= in.rollCalls()));
        long rest = r.rssAtRest().values().stream().mapToLong(Long::longValue).sum();
        long load = e2e.peakRss().values().stream().mapToLong(Long::longValue).sum();
        t.append(row("4. footprint: three services' RSS at rest / peak under load 1; start to all healthy",
                fmt("%d MiB / %d MiB; %.1f s", rest, load, r.startToHealthy().toMillis() / 1000.0),
                fmt("embedded Kafka + MongoDB + load driver (one JVM): %d MiB / %d MiB", r.benchRssAtRest(),
                        e2e.peakBenchRss()), "", "(no target)", null));
        t.append(row("5. fault: notify-service SIGKILLed mid-stream and restarted, " + f.events() + " events",
                fmt("lost %d, duplicates %d, drained %.1f s after the restart", f.lost(), f.duplicates(),
                        f.restartToDrained().toMillis() / 1000.0), "", "", "0 lost", f.lost() == 0 && f.drained()));
        return t.append(ScaleReport.rows(r)).toString();
    }

    private static String markdown(Bench.Results r) {
        BenchSettings s = r.settings();
        EndToEnd.Result e2e = r.endToEnd();
        Fanout.Result fan = r.fanout();
        Ingestion.Result in = r.ingestion();
        FaultTest.Result f = r.fault();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Vigía beside the raw limits of the same machine, every figure and its baseline measured in one run "
                + "(generated by `bench`; do not edit by hand).\n\n");
        md.append("```bash\n./mvnw -B -ntp -pl bench -am verify -Pbench -DskipTests\n```\n\n");
        md.append("| run | |\n|---|---|\n");
        md.append("| date | ").append(DateTimeFormatter.ISO_INSTANT.format(r.startedAt())).append(" → ")
                .append(DateTimeFormatter.ISO_INSTANT.format(r.finishedAt())).append(" (")
                .append(java.time.Duration.between(r.startedAt(), r.finishedAt()).toSeconds()).append(" s)|\n");
        md.append("| machine | ").append(Machine.cores()).append(" cores, ")
                .append(fmt("%.1f GiB", Machine.memoryMiB() / 1024.0)).append(" memory, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(", Java ")
                .append(System.getProperty("java.version")).append(" |\n");
        md.append("| load average (1/5/15 min) | at start ").append(r.loadAtStart()).append("; after the Kafka baseline ")
                .append(r.kafkaLoad()).append("; after the end-to-end load ").append(e2e.loadAverage())
                .append("; at the end ").append(r.loadAtEnd())
                .append(" (the stack and the load share these cores; so does anything else running on the machine) |\n");
        md.append("| stack | as `./run-local.sh` starts it (devstack): embedded Kafka (KRaft) and MongoDB "
                + "(mongo-java-server, in memory) inside the benchmark's JVM, the three services as JVMs "
                + "(`-Xmx256m -XX:+UseSerialGC`" + (s.aotCache() ? ", each from its JDK AOT cache" : ", no AOT cache")
                + "), 3 partitions a topic; load from the benchmark's JVM on loopback. Figures 1 and 4 "
                + "on one stack; 3, 5 and 2 (in that order) on a second, fresh one, so none of those inherits "
                + "figure 1's backlog (figure 2 runs behind whatever figure 5 left); 6 on a third; 7 compares "
                + "figure 1's stack with one more started before it without the AOT cache |\n\n");
        md.append(table(r)).append('\n');
        if (Files.exists(s.reportDir().resolve(PROFILING))) {
            md.append("What was profiled, what was fixed, and the figures before and after: [")
                    .append(PROFILING).append("](").append(PROFILING).append(").\n\n");
        }

        md.append("## 1. End to end\n\n");
        md.append("![latency distribution](").append(PLOT).append(")\n\n");
        md.append(fmt("%d votes at %d/s (after %d s of unrecorded warm-up at the same rate: at least %d s, then 10 s more "
                        + "at a time until every webhook of a whole 10 s arrived within %d ms, i.e. the stack had "
                        + "caught up with its cold start; at most %d s), each a `POST /api/votes` "
                        + "(a totals-only committee roll call) on one of %d bills. %d subscriptions follow those bills; "
                        + "%d others (%d NGOs) follow other bills, so every event is filtered against %d subscriptions. "
                        + "Each webhook is one sample, timed from the moment its vote's POST was scheduled (open loop: "
                        + "a stall delays the schedule into the figures) to its arrival at the sink: vote-service's "
                        + "write, the outbox relay, Kafka, notify-service's intake, delivery record, signing and POST.\n\n",
                e2e.votes(), s.e2eRate(), e2e.warmUp().toSeconds(), s.warmup().toSeconds(),
                EndToEnd.WARM_UP_CAUGHT_UP.toMillis(), 3 * s.warmup().toSeconds(), s.e2eBills(), s.matching(), s.nonMatching(),
                (s.nonMatching() + 9) / 10, s.matching() + s.nonMatching()));
        md.append("| | p50 | p90 | p95 | p99 | p99.9 | max | samples |\n|---|---|---|---|---|---|---|---|\n");
        md.append(percentiles("webhook received (Vigía)", e2e.webhooks()));
        md.append(percentiles("vote POST answered 201 (Vigía)", e2e.posts()));
        md.append(percentiles("raw Kafka produce → consume, " + s.e2eRate() + "/s, 1 KB", r.kafkaRoundTrip()));
        md.append(fmt("\nWebhooks: %d expected, %d received (%d distinct); failed vote POSTs: %d.\n\n", e2e.expected(),
                e2e.received(), e2e.distinct(), e2e.failedPosts()));
        md.append("Worst webhook latency (ms) in each 10 s of the schedule, so a backlog that builds up shows apart from "
                + "the cold start: recorded load ").append(e2e.worstByWindow()).append("; warm-up (a stack just started, "
                + "its JIT compiling on the same 2 cores, not recorded) ").append(e2e.warmupWorstByWindow())
                .append(".\n\n");

        md.append("## 2. Fan-out\n\n");
        md.append(fmt("Started once every consumer group had read every topic to its end (figure 5's backlog in "
                        + "bill-service, and the events it makes, no longer run beside it), and after untimed fan-outs "
                        + "of the same size, each one vote on another bill that as many other subscriptions follow, "
                        + "until notify-service was warm: until its JIT compiler took under %.0f %% of its CPU in "
                        + "one, at most %d (notify-service was restarted by figure 5; in its first fan-outs its JIT "
                        + "compiler takes over a third of its CPU, and on a saturated machine HotSpot holds the "
                        + "delivery path in its profiling tier for tens of thousands of deliveries: "
                        + "[benchmarks-profiling.md](benchmarks-profiling.md), tenth session). They ran at %s "
                        + "deliveries/s, notify-service's JIT taking %s of its CPU (%s; CPU s of the first: %s; of the "
                        + "last: %s). "
                        + "The timed one: one vote on a bill that %d subscriptions follow (all created through the API: "
                        + "the NGOs one by one, ten endpoints each, in `POST /api/subscriptions:batch` requests of "
                        + BenchStack.BATCH + "), each delivery "
                        + "signed and recorded in MongoDB, to the sink (a JDK `HttpServer`, 8 threads, answering 204). "
                        + "Rate = distinct deliveries / time from the vote POST to the last delivery (%.1f s; "
                        + "first → last delivery %.1f s). %d requests, %d distinct. Creating the subscriptions "
                        + "took %.1f s (not counted). Baseline: %d signed POSTs of the same body to the same sink "
                        + "from a plain `java.net.http.HttpClient` on %d threads (notify-service's "
                        + "`VIGIA_WEBHOOK_MAX_CONCURRENCY`), %d errors. CPU s during the timed fan-out: %s. "
                        + "Load average after: %s.\n\n",
                100 * CpuReading.WARM_JIT_SHARE, Fanout.MAX_WARM_UPS, rates(fan.warmUp().rates()),
                shares(fan.warmUp().notifyJitShares()),
                fan.warmUp().warm() ? "warm" : "still compiling when they ran out",
                fan.warmUp().firstCpu(), fan.warmUp().lastCpu(), fan.subscriptions(),
                fan.eventToLast().toMillis() / 1000.0,
                fan.firstToLast().toMillis() / 1000.0, fan.delivered(), fan.distinct(), fan.setup().toMillis() / 1000.0,
                fan.subscriptions(), s.fanoutConcurrency(), fan.baselineErrors(), fan.cpu(), fan.loadAverage()));

        md.append("## 3. Ingestion\n\n");
        md.append(fmt("%d plenary roll calls of the House, %d named members each, in batches of %d (%d KB a request) "
                        + "through `POST /api/votes:batch`, one after another, after " + Ingestion.WARM_UP + " untimed "
                        + "ones on other bills, then rounds of %d untimed roll calls of " + Ingestion.SMALL_MEMBERS
                        + " members on " + Ingestion.SMALL_BILLS + " other bills (the same code with about a "
                        + "twentieth of the data, so that the embedded MongoDB server's heap stays small) until the "
                        + "JIT compilers took under %.0f %% of the four JVMs' CPU in one, at most %d rounds; rounds "
                        + "run: %d, the JIT's share in each: %s (%s; the stack was just started, and on a saturated "
                        + "machine HotSpot holds "
                        + "code in its profiling tier far longer than its nominal thresholds: "
                        + "[benchmarks-profiling.md](benchmarks-profiling.md), tenth session). The timed part starts "
                        + "once every consumer has read them, timed from the first request to the "
                        + "last `co.vigia.vote.tallied` event seen by a consumer on `vote-events` (%d of %d): %.1f s. "
                        + "Baseline, once every consumer group (bill-service, notify-service) had read those votes and the events they made: the same documents `insertMany`'d in the "
                        + "same batches into the same MongoDB server, "
                        + "and per roll call one Kafka send of a real tallied event's bytes (acks=all, awaited per batch), "
                        + "until a consumer had them all: %.1f s. Load average after: %s.\n\n",
                in.rollCalls(), Ingestion.MEMBERS, in.batchSize(), in.requestBytes() / 1024, in.warmUp().roundSize(),
                100 * CpuReading.WARM_JIT_SHARE, in.warmUp().maxRounds(), in.warmUp().jitShares().size(),
                shares(in.warmUp().jitShares()),
                in.warmUp().warm() ? "warm" : "still compiling when they ran out", in.events(), in.rollCalls(),
                in.elapsed().toMillis() / 1000.0, in.baselineElapsed().toMillis() / 1000.0, in.loadAverage()));

        md.append("## 4. Footprint\n\n");
        md.append(fmt("Start to all healthy (embedded Kafka and MongoDB, then the three services started together, each "
                + "UP with its Kafka and MongoDB components): %.1f s (the second stack, for figures 2, 3 and 5: "
                + "%.1f s).\n\n", r.startToHealthy().toMillis() / 1000.0, r.secondStartToHealthy().toMillis() / 1000.0));
        md.append("| process | RSS at rest (MiB) | peak RSS under load 1 (MiB) |\n|---|---|---|\n");
        for (Service service : Service.values()) {
            md.append("| ").append(service.artifact()).append(" | ").append(r.rssAtRest().get(service)).append(" | ")
                    .append(e2e.peakRss().getOrDefault(service, 0L)).append(" |\n");
        }
        md.append(fmt("| benchmark JVM: embedded Kafka + MongoDB + load driver + sink | %d | %d |\n\n",
                r.benchRssAtRest(), e2e.peakBenchRss()));

        md.append("## 5. Fault: notify-service killed mid-stream\n\n");
        md.append(fmt("%d votes posted in batches of %d (a steady stream), each matching one of %d subscriptions over "
                        + "%d bills. Once %d webhooks had arrived, notify-service got SIGKILL, stayed down 3 s, and was "
                        + "started again (healthy %.1f s after the kill). Accepted %d; delivered %d distinct; "
                        + "**lost %d** (not delivered within the bound of %d s after the restart); duplicates %d (%d requests; a delivery made but not yet recorded when the "
                        + "process died is sent again: at-least-once, the `webhook-id` lets a consumer drop it); "
                        + "drained %.1f s after the restart (%.1f s after the kill)%s. Load average after: %s.\n",
                f.events(), s.batchSize(), FaultTest.SUBSCRIPTIONS, FaultTest.BILLS, f.deliveredAtKill(),
                f.killToHealthy().toMillis() / 1000.0, f.accepted(), f.delivered(), f.lost(), s.deadline().toSeconds(),
                f.duplicates(),
                f.requests(), f.restartToDrained().toMillis() / 1000.0, f.killToDrained().toMillis() / 1000.0,
                f.drained() ? "" : " — **not drained within " + s.deadline().toSeconds() + " s**", f.loadAverage()));
        return md.append(ScaleReport.sections(r)).toString();
    }

    private static String percentiles(String label, Latencies l) {
        return fmt("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d |\n", label, l.millis(50), l.millis(90),
                l.millis(95), l.millis(99), l.millis(99.9), l.maxMillis(), l.count());
    }

    private static String row(String figure, String vigia, String baseline, String ratio, String target, Boolean met) {
        return "| " + figure + " | " + vigia + " | " + baseline + " | " + ratio + " | " + target + " | "
                + (met == null ? "—" : met ? "**met**" : "**missed**") + " |\n";
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Rates in order: "474, 701, 985". */
    private static String rates(List<Double> rates) {
        return joined(rates, r -> String.format("%.0f", r));
    }

    /** Shares from 0 to 1 as percentages: "38 %, 24 %, 9 %". */
    private static String shares(List<Double> shares) {
        return joined(shares, r -> String.format("%.0f %%", 100 * r));
    }

    private static String joined(List<Double> values, java.util.function.DoubleFunction<String> format) {
        return values.stream().map(format::apply).collect(java.util.stream.Collectors.joining(", "));
    }
}
