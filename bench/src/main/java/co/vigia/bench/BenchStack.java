package co.vigia.bench;

import co.vigia.devstack.DevStack;
import co.vigia.devstack.Service;
import co.vigia.testsupport.Api;
import co.vigia.testsupport.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stack as run-local.sh starts it (devstack: embedded Kafka and MongoDB in this JVM, the three service jars as
 * processes), on random ports, and the API steps the figures take: bills, subscribers, subscriptions.
 */
final class BenchStack implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final TestStack stack;
    /** From the first process to all healthy; a training run of the AOT caches before it is not counted. */
    final Duration startedIn;
    /** How long the AOT caches' training took before this start, zero when they were there or off. */
    final Duration training;
    final String operatorKey;
    final Api bill;
    final Api vote;
    final Api notify;

    private BenchStack(TestStack stack) {
        this.stack = stack;
        this.startedIn = stack.startedIn();
        this.training = stack.training();
        this.operatorKey = stack.operatorKey();
        // batch writes of the load wait longer than a test's requests
        this.bill = stack.bill.timeout(Duration.ofSeconds(120));
        this.vote = stack.vote.timeout(Duration.ofSeconds(120));
        this.notify = stack.notify.timeout(Duration.ofSeconds(120));
    }

    /**
     * Starts the stack and times it from the first process to all healthy. With {@code jfr}, every service records a
     * JFR profile into {@code workDir/jfr} (a directory: JFR names each file after its process).
     */
    static BenchStack start(BenchSettings settings, int sinkPort) {
        return start(settings, sinkPort, settings.aotCache());
    }

    /** As {@link #start(BenchSettings, int)}, with the services' AOT caches on or off ({@code aotCache}). */
    static BenchStack start(BenchSettings settings, int sinkPort, boolean aotCache) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        // extra JVM options for the three services, for comparing JIT and GC settings (e.g. -XX:TieredStopAtLevel=1)
        String extra = System.getProperty("vigia.bench.service-java-options", "").trim();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        if (settings.jfr()) {
            Path jfrDir = settings.workDir().resolve("jfr").toAbsolutePath();
            jfrDir.toFile().mkdirs();
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfrDir + "/");
        }
        return new BenchStack(TestStack.start(TestStack.config(settings.repo(), settings.workDir().resolve("logs"),
                "bench-" + UUID.randomUUID(), sinkPort).jvmOptions(jvm).aotCache(aotCache), START_TIMEOUT));
    }

    DevStack devstack() {
        return stack.devstack();
    }

    /**
     * Waits (at most {@code within}) until every consumer group of the stack has read every topic to its end, so a
     * figure does not run beside the previous figure's backlog: after figure 5, bill-service was still applying its
     * 10,000 votes during the fan-out, and notify-service took in 743 of the events that made, each a pass over the
     * fan-out's 10,000 subscriptions. Returns how long it waited, or null if the groups had not caught up.
     */
    Duration awaitConsumersCaughtUp(Duration within) {
        long started = System.nanoTime();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
            boolean caughtUp = Machine.await(within, () -> lagOf(admin) == 0);
            return caughtUp ? Duration.ofNanos(System.nanoTime() - started) : null;
        }
    }

    private static long lagOf(org.apache.kafka.clients.admin.Admin admin) {
        try {
            long lag = 0;
            for (var group : admin.listConsumerGroups().all().get()) {
                var committed = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                var latest = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                        tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null) {
                        lag += Math.max(0, latest.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (java.util.concurrent.ExecutionException e) {
            return Long.MAX_VALUE; // not known yet: ask again
        }
    }

    String kafka() {
        return stack.kafkaBootstrapServers();
    }

    String mongoUri(String database) {
        return stack.mongoUri(database);
    }

    /** Resident memory of each service process, in MiB. */
    Map<Service, Long> rss() {
        Map<Service, Long> rss = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            rss.put(s, Machine.rssMiB(stack.process(s).pid()));
        }
        return rss;
    }

    /** The CPU each service and this process (embedded Kafka, MongoDB, sink, load) have used so far. */
    CpuReading cpu() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (Service s : Service.values()) {
            pids.put(s.name().toLowerCase(java.util.Locale.ROOT), stack.process(s).pid());
        }
        pids.put("bench", ProcessHandle.current().pid());
        return CpuReading.of(pids);
    }

    /** A bill in bill-service, so vote-service tallies votes on it at once. */
    void bill(String id, String originChamber) {
        Api.Response created = bill.post("/api/bills", Map.of("id", id, "title", "Proyecto " + id, "summary", "A bill for the benchmarks",
                "kind", "ORDINARY", "originChamber", originChamber, "filedOn", "2023-03-15",
                "topics", List.of("benchmarks")));
        if (created.status() != 409) { // already there: fine
            created.expect2xx();
        }
    }

    /** An NGO, created by the operator; returns its API key. */
    String subscriber(String name) {
        return notify.post("/api/subscribers", Map.of("name", name, "contactEmail", name + "@ngo.example"))
                .expect2xx().json().path("apiKey").asString();
    }

    /** A subscription to {@code co.vigia.vote.tallied} on {@code billIds}, delivered to {@code url}. */
    void subscribe(String ngoKey, String url, List<String> billIds) {
        notify.as(ngoKey).post("/api/subscriptions", Map.of("url", url, "eventTypes", List.of("co.vigia.vote.tallied"),
                "billIds", billIds, "description", "benchmark")).expect2xx();
    }

    /**
     * {@code count} subscriptions, ten per NGO (notify-service's endpoint limit per subscriber), created on
     * {@code threads} threads; {@code billIdsOf} and {@code urlOf} give each its bills and endpoint by index.
     */
    void subscriptions(String prefix, int count, int threads, java.util.function.IntFunction<List<String>> billIdsOf,
                       java.util.function.IntFunction<String> urlOf) {
        int perNgo = 10;
        int ngos = (count + perNgo - 1) / perNgo;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int n = 0; n < ngos; n++) {
                int ngo = n;
                work.add(pool.submit(() -> {
                    String key = subscriber(prefix + "-ngo-" + ngo);
                    for (int i = ngo * perNgo; i < Math.min(count, (ngo + 1) * perNgo); i++) {
                        subscribe(key, urlOf.apply(i), billIdsOf.apply(i));
                    }
                }));
            }
            for (int n = 0; n < work.size(); n++) {
                work.get(n).get(10, java.util.concurrent.TimeUnit.MINUTES);
                if ((n + 1) % 100 == 0) {
                    Bench.log("  " + Math.min(count, (n + 1) * perNgo) + " of " + count + " " + prefix + " subscriptions");
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("creating subscriptions failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("creating subscriptions took over 10 minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code count} subscriptions as the operator onboards NGOs: the NGOs one by one ({@code POST /api/subscribers},
     * ten endpoints each, two at a time), their subscriptions {@value #BATCH} at a time through
     * {@code POST /api/subscriptions:batch}, each item checked as a single subscription is.
     */
    void subscriptionsInBatches(String prefix, int count, java.util.function.IntFunction<List<String>> billIdsOf,
                                java.util.function.IntFunction<String> urlOf) {
        int perNgo = 10;
        String[] ngos = new String[(count + perNgo - 1) / perNgo];
        java.util.stream.IntStream.range(0, ngos.length).parallel().forEach(n -> ngos[n] =
                withinRateLimit("/api/subscribers", Map.of("name", prefix + "-ngo-" + n,
                        "contactEmail", prefix + "-ngo-" + n + "@ngo.example")).json().path("id").asString());
        for (int from = 0; from < count; from += BATCH) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                items.add(Map.of("subscriberId", ngos[i / perNgo], "subscription", Map.of("url", urlOf.apply(i),
                        "eventTypes", List.of("co.vigia.vote.tallied"), "billIds", billIdsOf.apply(i),
                        "description", "benchmark")));
            }
            withinRateLimit("/api/subscriptions:batch", Map.of("items", items));
            if ((from / BATCH + 1) % 10 == 0) {
                Bench.log("  " + Math.min(count, from + BATCH) + " of " + count + " " + prefix + " subscriptions");
            }
        }
    }

    /** A POST as the operator that waits out a 429's {@code Retry-After}, as any client of the API must. */
    private Api.Response withinRateLimit(String path, Object body) {
        for (int attempt = 0; ; attempt++) {
            Api.Response response = notify.post(path, body);
            if (response.status() != 429 || attempt == 20) {
                return response.expect2xx();
            }
            String retryAfter = response.header("Retry-After");
            Machine.sleep(1000L * (retryAfter == null ? 1 : Math.max(1, Integer.parseInt(retryAfter.trim()))));
        }
    }

    /** Items in one {@code POST /api/subscriptions:batch}: notify-service's most. */
    static final int BATCH = 1000;

    /** A totals-only committee roll call without quorum: a {@code co.vigia.vote.tallied} event that moves nothing. */
    static Map<String, Object> rollCallWithoutQuorum(String externalId, String billId) {
        return Map.of("externalId", externalId, "billId", billId, "chamber", "SENATE",
                "body", Map.of("kind", "COMMITTEE", "name", "Comisión Primera"), "debate", "FIRST",
                "date", "2023-05-10", "motion", "Aprobar el informe de ponencia", "seats", 19,
                "totals", Map.of("yes", 3, "no", 2, "abstain", 0, "absent", 14));
    }

    @Override
    public void close() {
        stack.close();
    }
}
