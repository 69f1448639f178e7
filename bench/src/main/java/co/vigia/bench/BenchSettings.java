package co.vigia.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How much load each figure drives, and where the report goes. {@link #full} is the measurement;
 * {@link #smoke} keeps the harness compiling and working in seconds, and never writes docs/.
 *
 * @param e2eRate            votes per second for the end-to-end figure (and its Kafka baseline)
 * @param warmup             load at that rate before each latency figure, not recorded (JIT, connection pools)
 * @param e2eDuration        how long that load runs, recorded
 * @param e2eBills           bills the votes rotate over (each matching subscription follows them all)
 * @param matching           subscriptions every vote matches
 * @param nonMatching        subscriptions that match nothing (filtering is part of the cost)
 * @param kafkaRoundTrip     how long the raw Kafka round trip runs, at the same rate
 * @param fanout             subscriptions one event fans out to
 * @param fanoutConcurrency  concurrency of the raw HttpClient baseline (notify's VIGIA_WEBHOOK_MAX_CONCURRENCY)
 * @param rollCalls          188-member roll calls ingested
 * @param batchSize          roll calls per {@code POST /api/votes:batch}
 * @param faultEvents        events streamed while notify-service is killed and restarted
 * @param deadline           the bound on every wait for deliveries or events
 * @param reportDir          where benchmarks.md and the plot go
 * @param workDir            logs, JFR recordings, raw results
 * @param jfr                whether the services record a JFR profile
 * @param aotCache           whether the services start from their JDK AOT caches (devstack's default)
 * @param scaleSizes         the subscriptions the scale figure measures at, in increasing order
 */
public record BenchSettings(boolean full, Path repo, int e2eRate, Duration warmup, Duration e2eDuration, int e2eBills,
                            int matching, int nonMatching, Duration kafkaRoundTrip, int fanout, int fanoutConcurrency,
                            int rollCalls, int batchSize, int faultEvents, Duration deadline, Path reportDir,
                            Path workDir, boolean jfr, boolean aotCache, java.util.List<Integer> scaleSizes) {

    /** Notify-service's default {@code VIGIA_WEBHOOK_MAX_CONCURRENCY}: the baseline runs at the same concurrency. */
    static final int NOTIFY_MAX_CONCURRENCY = 32;

    public static BenchSettings full(Path repo, boolean jfr) {
        // a 60 s warm-up: on 2 cores a stack just started needs about a minute of this load before its JIT has compiled
        // the hot paths (worst latency by 10 s: 13.4 s in the first minute, 86-395 ms after)
        return new BenchSettings(true, repo, 20, Duration.ofSeconds(60), Duration.ofMinutes(2), 10, 10, 1000,
                Duration.ofMinutes(1), 10_000, NOTIFY_MAX_CONCURRENCY, 1000, 100, 10_000, Duration.ofMinutes(3),
                repo.resolve("docs"), repo.resolve("bench").resolve("target").resolve("bench"), jfr, true,
                java.util.List.of(1_000, 10_000, 100_000));
    }

    /** The same, with the report going to {@code reportDir}, the AOT caches on or off and other scale sizes. */
    BenchSettings with(Path reportDir, boolean aotCache, java.util.List<Integer> scaleSizes) {
        return new BenchSettings(full, repo, e2eRate, warmup, e2eDuration, e2eBills, matching, nonMatching,
                kafkaRoundTrip, fanout, fanoutConcurrency, rollCalls, batchSize, faultEvents, deadline, reportDir,
                workDir, jfr, aotCache, scaleSizes);
    }

    public static BenchSettings smoke(Path repo, Path workDir) {
        return new BenchSettings(false, repo, 5, Duration.ofSeconds(1), Duration.ofSeconds(3), 2, 2, 10,
                Duration.ofSeconds(2), 40, 8, 20, 10, 60, Duration.ofSeconds(90), workDir, workDir, false, true,
                java.util.List.of(20, 40));
    }
}
