package co.vigia.bench;

import co.vigia.devstack.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: starts the stack as run-local.sh does, drives each figure from this process on loopback (every
 * loop bounded in count and time), measures each beside its raw baseline in the same run, and writes the report.
 *
 * <pre>
 *   ./mvnw -B -ntp -pl bench -am verify -Pbench -DskipTests          the full run: docs/benchmarks.md
 *   ... -Dvigia.bench.args="--jfr --out bench/target/profile"          with JFR in each service, report elsewhere
 *   ... -Dvigia.bench.args=--smoke                                      the smoke sizes, report in bench/target
 *   ... -Dvigia.bench.args="--only ingestion --out /tmp/x"             one figure on a fresh stack, printed only
 *   ... -Dvigia.bench.args="--only scale,aot"                           the scale figure; the stack without AOT cache
 *   ... -Dvigia.bench.args=--no-aot-cache                               the services from their plain jars
 * </pre>
 * Profiling settings, as system properties of this JVM (in {@code -Dvigia.bench.java-options="-Xmx1536m
 * -XX:+UseSerialGC ..."}): {@code vigia.bench.ingestion-warm-up} (roll calls, 300),
 * {@code vigia.bench.ingestion-bills} (10), {@code vigia.bench.ingestion-small-rounds} (at most 8 rounds of
 * small roll calls after the warm-up; 0: none), {@code vigia.bench.service-java-options} (added to the services' JVM
 * options, e.g. {@code -XX:TieredStopAtLevel=1}), {@code vigia.bench.drain-before-raw} (true). The report's text
 * describes the defaults, so use other values with {@code --only}.
 */
public final class Bench {

    /** Everything one run measured. */
    record Results(BenchSettings settings, Instant startedAt, Instant finishedAt, String loadAtStart,
                   String loadAtEnd, Duration startToHealthy, Duration secondStartToHealthy,
                   Map<Service, Long> rssAtRest, long benchRssAtRest,
                   Latencies kafkaRoundTrip, String kafkaLoad, EndToEnd.Result endToEnd, Ingestion.Result ingestion,
                   FaultTest.Result fault, Fanout.Result fanout, Duration training, AotStart.Result withoutAotCache,
                   Scale.Result scale) {
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("vigia.repo", ".")).toAbsolutePath().normalize();
        boolean jfr = false;
        boolean smoke = false;
        boolean aotCache = true;
        String scaleSizes = "";
        Path out = null;
        java.util.Set<String> only = java.util.Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> { }
                case "--only" -> only = java.util.Set.of(args[++i].split(","));
                case "--jfr" -> jfr = true;
                case "--smoke" -> smoke = true;
                case "--no-aot-cache" -> aotCache = false;
                case "--scale-sizes" -> scaleSizes = args[++i];
                case "--out" -> out = repo.resolve(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --full, --smoke, --jfr, --no-aot-cache, --scale-sizes 1000,10000, --out <dir>,"
                        + " --only e2e,ingestion,fault,fanout,scale,aot)");
            }
        }
        BenchSettings full = BenchSettings.full(repo, jfr);
        BenchSettings chosen = smoke ? BenchSettings.smoke(repo, repo.resolve("bench/target/bench-smoke")) : full;
        List<Integer> sizes = Arrays.stream(scaleSizes.split(","))
                .filter(v -> !v.isBlank()).map(v -> Integer.parseInt(v.trim())).toList();
        BenchSettings settings = chosen.with(out == null ? chosen.reportDir() : out, aotCache,
                sizes.isEmpty() ? chosen.scaleSizes() : sizes);
        if (!only.isEmpty()) {
            runOnly(settings, only);
            return;
        }
        Results results = run(settings);
        Path report = Report.write(results);
        System.out.println("Wrote " + report);
        System.out.println(Report.table(results));
    }

    /**
     * Runs the figures on two stacks, each started as run-local.sh does: the latency figure (and the footprint under
     * its load) on the first; ingestion, the fault and the fan-out on a second, fresh one, so that a backlog one figure
     * leaves behind (or the deliveries it stored, which the embedded MongoDB reads in full where no index serves a
     * query) cannot slow another. The stacks and the sink are always stopped.
     */
    static Results run(BenchSettings s) {
        Instant startedAt = Instant.now();
        String loadAtStart = Machine.loadAverage();
        Duration startToHealthy;
        Map<Service, Long> rest;
        long benchRest;
        Latencies kafka;
        String kafkaLoad;
        EndToEnd.Result e2e;
        Duration training;
        AotStart.Result withoutCache = null;
        if (s.aotCache() && s.full()) {
            log("a stack without the AOT cache: start to healthy and figure 1's warm-up");
            withoutCache = AotStart.withoutCache(s);
        }
        log("starting the stack (load average " + Machine.loadAverage() + ")");
        try (WebhookSink sink = WebhookSink.start(8);
             BenchStack stack = BenchStack.start(s, sink.port())) {
            startToHealthy = stack.startedIn;
            training = stack.training;
            log("stack healthy in " + stack.startedIn.toMillis() + " ms (AOT cache " + (s.aotCache() ? "on" : "off")
                    + ", training before it " + stack.training.toMillis() + " ms)");
            Machine.sleep(s.full() ? 5000 : 500);
            rest = stack.rss();
            benchRest = Machine.rssMiB(ProcessHandle.current().pid());

            log("end to end: " + s.matching() + " matching + " + s.nonMatching() + " other subscriptions");
            EndToEnd.prepare(stack, sink, s);
            log("raw Kafka round trip at " + s.e2eRate() + "/s for " + s.kafkaRoundTrip().toSeconds() + " s");
            kafka = KafkaRoundTrip.measure(stack.kafka(), s.e2eRate(), s.warmup(), s.kafkaRoundTrip(), s.deadline());
            kafkaLoad = Machine.loadAverage();
            log("Kafka round trip p50/p95/p99/max ms: " + kafka.summary());
            log("end to end at " + s.e2eRate() + " votes/s for " + s.e2eDuration().toSeconds() + " s");
            e2e = EndToEnd.measure(stack, sink, s);
            log("end to end p50/p95/p99/max ms: " + e2e.webhooks().summary() + " (" + e2e.received() + " of "
                    + e2e.expected() + " webhooks)");
        }

        log("starting a fresh stack for ingestion, the fault and the fan-out (load average " + Machine.loadAverage() + ")");
        Ingestion.Result ingestion;
        FaultTest.Result fault;
        Fanout.Result fanout;
        Duration secondStart;
        Scale.Result scale;
        try (WebhookSink sink = WebhookSink.start(8);
             BenchStack stack = BenchStack.start(s, sink.port())) {
            log("stack healthy in " + stack.startedIn.toMillis() + " ms");
            log("ingestion: " + s.rollCalls() + " roll calls of " + Ingestion.MEMBERS + " members");
            Ingestion.prepare(stack, s);
            ingestion = Ingestion.measure(stack, s);
            logIngestion(ingestion);

            log("fault: " + s.faultEvents() + " events, notify-service killed and restarted");
            FaultTest.prepare(stack, sink);
            fault = FaultTest.measure(stack, sink, s);
            log("fault: lost " + fault.lost() + ", duplicates " + fault.duplicates() + ", drained "
                    + fault.restartToDrained().toMillis() + " ms after the restart");
            awaitCaughtUp(stack, s);

            log("fan-out: creating " + s.fanout() + " subscriptions");
            Duration setup = Fanout.prepare(stack, sink, s);
            log("fan-out: one event to " + s.fanout() + " subscriptions");
            fanout = Fanout.measure(stack, sink, s, setup);
            log(String.format("fan-out %.0f deliveries/s, raw HttpClient %.0f/s; CPU s: %s", fanout.rate(),
                    fanout.baselineRate(), fanout.cpu()));
            secondStart = stack.startedIn;
            // the smoke run keeps to two stack starts (it runs in every build): its scale figure follows on this one
            scale = s.full() ? null : Scale.measure(stack, sink, s);
        }
        scale = s.full() ? scale(s) : scale;
        return new Results(s, startedAt, Instant.now(), loadAtStart, Machine.loadAverage(), startToHealthy,
                secondStart, rest, benchRest, kafka, kafkaLoad, e2e, ingestion, fault, fanout, training, withoutCache,
                scale);
    }

    /** Figure 6 on a stack of its own: none of the other figures' subscriptions among the ones it counts. */
    static Scale.Result scale(BenchSettings s) {
        log("starting a fresh stack for the scale figure (" + s.scaleSizes() + " subscriptions)");
        try (WebhookSink sink = WebhookSink.start(8);
             BenchStack stack = BenchStack.start(s, sink.port())) {
            log("stack healthy in " + stack.startedIn.toMillis() + " ms");
            return Scale.measure(stack, sink, s);
        }
    }

    private static void logIngestion(Ingestion.Result ingestion) {
        log(String.format("ingestion %.0f roll calls/s, raw %.0f/s", ingestion.rate(), ingestion.baselineRate()));
        log("CPU during ingestion: " + ingestion.cpu() + "; then, until the consumers caught up: "
                + ingestion.drainCpu());
        log("MongoDB commands of the timed part and the drain after it:" + ingestion.mongoCommands());
    }

    /**
     * A profiling aid: the named figures, in the usual order, on one fresh stack; printed, never
     * written to docs/ (a report needs every figure from one run).
     */
    static void runOnly(BenchSettings s, java.util.Set<String> figures) {
        if (figures.contains("aot")) {
            AotStart.measure(s, true);
            AotStart.measure(s, false);
        }
        if (figures.contains("scale")) {
            scale(s);
        }
        if (figures.stream().noneMatch(f -> List.of("e2e", "ingestion", "fault", "fanout").contains(f))) {
            return;
        }
        try (WebhookSink sink = WebhookSink.start(8);
             BenchStack stack = BenchStack.start(s, sink.port())) {
            log("stack healthy in " + stack.startedIn.toMillis() + " ms; running only " + figures);
            if (figures.contains("e2e")) {
                EndToEnd.prepare(stack, sink, s);
                EndToEnd.Result e2e = EndToEnd.measure(stack, sink, s);
                log("end to end p50/p95/p99/max ms: " + e2e.webhooks().summary() + " (" + e2e.received() + " of "
                        + e2e.expected() + " webhooks)");
            }
            if (figures.contains("ingestion")) {
                Ingestion.prepare(stack, s);
                Ingestion.Result ingestion = Ingestion.measure(stack, s);
                logIngestion(ingestion);
            }
            if (figures.contains("fault")) {
                FaultTest.prepare(stack, sink);
                FaultTest.Result fault = FaultTest.measure(stack, sink, s);
                log("fault: lost " + fault.lost() + ", duplicates " + fault.duplicates() + ", drained "
                        + fault.restartToDrained().toMillis() + " ms after the restart");
            }
            if (figures.contains("fanout")) {
                awaitCaughtUp(stack, s);
                Duration setup = Fanout.prepare(stack, sink, s);
                MongoCommandTimes.Snapshot before = MongoCommandTimes.read(stack.notify.baseUrl(), stack.operatorKey);
                Fanout.Result fanout = Fanout.measure(stack, sink, s, setup);
                log("CPU during the fan-out: " + fanout.cpu());
                log("notify-service's MongoDB commands during both fan-outs and the baseline:"
                        + MongoCommandTimes.read(stack.notify.baseUrl(), stack.operatorKey).since(before));
                log(String.format("fan-out %.0f deliveries/s (%d distinct; vote POST to first delivery %d ms, first to"
                        + " last %d ms), raw HttpClient %.0f/s", fanout.rate(), fanout.distinct(),
                        fanout.eventToLast().minus(fanout.firstToLast()).toMillis(), fanout.firstToLast().toMillis(),
                        fanout.baselineRate()));
            }
        }
    }

    /** Lets the stack finish the previous figure's events before the next figure starts. */
    static void awaitCaughtUp(BenchStack stack, BenchSettings s) {
        Duration waited = stack.awaitConsumersCaughtUp(s.deadline());
        log(waited == null ? "the consumers had not caught up within " + s.deadline().toSeconds() + " s; going on"
                : "consumers caught up with every topic after " + waited.toMillis() + " ms");
    }

        static void log(String message) {
        System.out.println("[bench " + Instant.now() + "] " + message);
        System.out.flush();
    }
}
