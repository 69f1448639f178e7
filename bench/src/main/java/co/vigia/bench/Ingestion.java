package co.vigia.bench;

import co.vigia.contracts.Topics;
import co.vigia.testsupport.Api;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;

/**
 * Figure 3: roll calls of 188 members (the House's plenary) through {@code POST /api/votes:batch} until each one's
 * {@code co.vigia.vote.tallied} event is on Kafka. Baseline: the same documents inserted straight into the same
 * MongoDB server in the same batches, plus one raw Kafka send per roll call (of a real tallied event's bytes), until
 * a consumer has them all.
 */
final class Ingestion {

    static final int MEMBERS = 188;

    /**
     * Roll calls ingested before the timed ones, on bills of their own, and awaited on Kafka: the figure runs on a
     * stack just started, whose four JVMs were still compiling the ingestion path (a JFR of vote-service's run: its
     * compiler threads used more CPU than its request threads), while the raw baseline runs after it in a JVM that
     * was warm by then.
     */
    static final int WARM_UP = Integer.getInteger("vigia.bench.ingestion-warm-up", 300);

    /**
     * The bills the roll calls are spread over (each gets rollCalls / BILLS of them, as a bill voted article by article
     * does); settable to see what the size of a bill's document costs.
     */
    static final int BILLS = Integer.getInteger("vigia.bench.ingestion-bills", 10);

    /**
     * After the full-size warm-up, rounds of {@link #SMALL_ROUND} roll calls of {@link #SMALL_MEMBERS} members each, on
     * {@link #SMALL_BILLS} bills of their own, until the four JVMs' JIT compilers took under {@link
     * CpuReading#WARM_JIT_SHARE} of their CPU in one, at most {@link #MAX_SMALL_ROUNDS}. The per-roll-call and
     * per-batch code runs 300 and 3 times in the full-size warm-up, far under HotSpot's thresholds for C2, which it
     * raises further while the machine is saturated (docs/benchmarks-profiling.md, tenth session); small roll calls run
     * the same code without filling the embedded MongoDB server's heap, which drags the raw baseline down (ninth
     * session: 5,000 full-size ones).
     */
    static final int SMALL_ROUND = 1000;
    static final int SMALL_MEMBERS = 10;
    static final int SMALL_BILLS = 100;
    static final int MAX_SMALL_ROUNDS = Integer.getInteger("vigia.bench.ingestion-small-rounds", 8);

    record Result(int rollCalls, int batchSize, Duration elapsed, double rate, long events, Duration baselineElapsed,
                  double baselineRate, int requestBytes, String loadAverage, String cpu, String drainCpu,
                  String mongoCommands, WarmUp warmUp) {
    }

    /**
     * The rounds of small roll calls: their size, how many could run, the JIT's share of the four JVMs' CPU in each
     * that ran, and whether the last was warm.
     */
    record WarmUp(int roundSize, int maxRounds, List<Double> jitShares, boolean warm) {
    }

    private Ingestion() {
    }

    static void prepare(BenchStack stack, BenchSettings s) {
        for (int b = 0; b < BILLS; b++) {
            stack.bill("ingest-bill-" + b, "HOUSE");
            stack.bill("warm-bill-" + b, "HOUSE");
        }
        for (int b = 0; b < smallBills(s); b++) {
            stack.bill("warm-small-bill-" + b, "HOUSE");
        }
    }

    /** A plenary roll call of the House without quorum (most members absent): it is tallied and moves nothing. */
    static Map<String, Object> rollCall(int n) {
        return rollCall("ingest-" + n, "ingest-bill-" + (n % BILLS));
    }

    static Map<String, Object> rollCall(String externalId, String billId) {
        return rollCall(externalId, billId, MEMBERS);
    }

    /** {@code named} of the {@link #MEMBERS} seats named, their votes spread as in the full roll call. */
    static Map<String, Object> rollCall(String externalId, String billId, int named) {
        List<Map<String, Object>> members = new ArrayList<>(named);
        String[] parties = {"Pacto Histórico", "Liberal", "Conservador", "Centro Democrático", "Cambio Radical",
            "Alianza Verde", "La U"};
        for (int m = 0; m < named; m++) {
            int seat = m * MEMBERS / named;
            String vote = seat < 60 ? "YES" : seat < 80 ? "NO" : seat < 85 ? "ABSTAIN" : "ABSENT";
            members.add(Map.of("memberId", "rep-" + m, "name", "Representante " + m, "party", parties[m % parties.length],
                    "vote", vote));
        }
        Map<String, Object> roll = new LinkedHashMap<>();
        roll.put("externalId", externalId);
        roll.put("billId", billId);
        roll.put("chamber", "HOUSE");
        roll.put("body", Map.of("kind", "PLENARY"));
        roll.put("debate", "SECOND");
        roll.put("date", "2023-06-01");
        roll.put("motion", "Aprobar el articulado en segundo debate");
        roll.put("seats", MEMBERS);
        roll.put("members", members);
        return roll;
    }

    static Result measure(BenchStack stack, BenchSettings s) {
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < s.rollCalls(); from += s.batchSize()) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int n = from; n < Math.min(s.rollCalls(), from + s.batchSize()); n++) {
                batch.add(rollCall(n));
            }
            batches.add(Api.JSON.writeValueAsString(batch));
        }
        WarmUp warmUp = warmUp(stack, s);
        EventCounter events = new EventCounter(stack.kafka(), Topics.VOTE_EVENTS, s.rollCalls());
        Bench.log("ingestion: warm-up done, timing " + s.rollCalls() + " roll calls");
        Map<String, MongoCommandTimes.Snapshot> commandsBefore = commandTimes(stack);
        CpuReading cpuBefore = stack.cpu();
        long started = System.nanoTime();
        for (String batch : batches) {
            post(stack, batch);
        }
        events.awaitAll(s.deadline());
        Duration elapsed = Duration.ofNanos(events.lastNanos() - started);
        CpuReading cpuAtEvents = stack.cpu();
        String cpu = cpuAtEvents.since(cpuBefore);
        String load = Machine.loadAverage();
        String sampleEvent = events.sample();
        events.close();
        // The baseline is the machine's limit: measured once every consumer (bill-service, notify-service) has read
        // the figure's events to the end (their backlog ran into the baseline and made it swing 130-620/s between runs
        // of the same code). -Dvigia.bench.drain-before-raw=false measures it at once, as before.
        if (!"false".equals(System.getProperty("vigia.bench.drain-before-raw"))) {
            stack.awaitConsumersCaughtUp(s.deadline());
        }
        // what the consumers still had to do once the last event was on Kafka: the figure's cost the rate does not show
        String drainCpu = stack.cpu().since(cpuAtEvents);
        StringBuilder mongoCommands = new StringBuilder();
        commandTimes(stack).forEach((service, after) ->
                mongoCommands.append("\n ").append(service).append(after.since(commandsBefore.get(service))));
        Duration baseline = baseline(stack, s, sampleEvent == null ? batches.get(0).substring(0, 1000) : sampleEvent);
        return new Result(s.rollCalls(), s.batchSize(), elapsed, events.count() / (elapsed.toNanos() / 1e9),
                events.count(), baseline, s.rollCalls() / (baseline.toNanos() / 1e9), batches.get(0).length(), load,
                cpu, drainCpu, mongoCommands.toString(), warmUp);
    }

    /** Each service's MongoDB commands so far, to tell which of their writes the figure's time goes to. */
    private static Map<String, MongoCommandTimes.Snapshot> commandTimes(BenchStack stack) {
        Map<String, MongoCommandTimes.Snapshot> times = new LinkedHashMap<>();
        times.put("vote-service", MongoCommandTimes.read(stack.vote.baseUrl(), stack.operatorKey));
        times.put("bill-service", MongoCommandTimes.read(stack.bill.baseUrl(), stack.operatorKey));
        times.put("notify-service", MongoCommandTimes.read(stack.notify.baseUrl(), stack.operatorKey));
        return times;
    }

    /** The full-size warm-up, then rounds of small roll calls until warm (see {@link #SMALL_ROUND}). */
    private static WarmUp warmUp(BenchStack stack, BenchSettings s) {
        ingestAndAwait(stack, s, WARM_UP, MEMBERS, "warm-", n -> "warm-bill-" + (n % BILLS));
        int size = smallRound(s);
        int bills = smallBills(s);
        List<Double> jitShares = new ArrayList<>();
        boolean warm = false;
        for (int round = 0; round < smallRounds(s) && !warm; round++) {
            CpuReading before = stack.cpu();
            ingestAndAwait(stack, s, size, SMALL_MEMBERS, "warm-small-" + round + "-",
                    n -> "warm-small-bill-" + (n % bills));
            CpuReading after = stack.cpu();
            double share = after.jitShareSince(before);
            jitShares.add(share);
            Bench.log(String.format("ingestion warm-up round %d: %d roll calls of %d members, JIT %.0f %% of the "
                    + "JVMs' CPU; CPU: %s", round + 1, size, SMALL_MEMBERS, 100 * share, after.since(before)));
            warm = share < CpuReading.WARM_JIT_SHARE;
        }
        return new WarmUp(size, smallRounds(s), List.copyOf(jitShares), warm);
    }

    /** Roll calls in a round of small ones (the smoke run: one batch). */
    private static int smallRound(BenchSettings s) {
        return s.full() ? SMALL_ROUND : s.batchSize();
    }

    /** The bills a round's roll calls are spread over: no more than it has roll calls (the smoke run's one batch). */
    private static int smallBills(BenchSettings s) {
        return Math.min(SMALL_BILLS, smallRound(s));
    }

    /** At most this many rounds of small roll calls (the smoke run: one). */
    private static int smallRounds(BenchSettings s) {
        return s.full() ? MAX_SMALL_ROUNDS : 1;
    }

    /**
     * Ingests {@code count} roll calls of {@code named} members (ids {@code prefix + n}) in batches, awaits their
     * tallied events, and then every consumer having read them (bill-service's votes, notify-service's events), so
     * that no backlog runs into what follows.
     */
    private static void ingestAndAwait(BenchStack stack, BenchSettings s, int count, int named, String prefix,
                                       java.util.function.IntFunction<String> bill) {
        if (count == 0) {
            return;
        }
        EventCounter tallied = new EventCounter(stack.kafka(), Topics.VOTE_EVENTS, count, prefix);
        try {
            for (int from = 0; from < count; from += s.batchSize()) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int n = from; n < Math.min(count, from + s.batchSize()); n++) {
                    batch.add(rollCall(prefix + n, bill.apply(n), named));
                }
                post(stack, Api.JSON.writeValueAsString(batch));
            }
            tallied.awaitAll(s.deadline());
        } finally {
            tallied.close();
        }
        stack.awaitConsumersCaughtUp(s.deadline());
    }

    private static void post(BenchStack stack, String batch) {
        try {
            HttpResponse<String> response = Api.HTTP.send(
                    stack.vote.request("POST", "/api/votes:batch", batch), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("votes:batch answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("votes:batch failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Duration baseline(BenchStack stack, BenchSettings s, String eventValue) {
        String topic = "bench-ingest";
        KafkaRoundTrip.createTopic(stack.kafka(), topic, 3);
        List<List<Document>> docs = new ArrayList<>();
        for (int from = 0; from < s.rollCalls(); from += s.batchSize()) {
            List<Document> batch = new ArrayList<>();
            for (int n = from; n < Math.min(s.rollCalls(), from + s.batchSize()); n++) {
                batch.add(Document.parse(Api.JSON.writeValueAsString(rollCall(n))));
            }
            docs.add(batch);
        }
        EventCounter consumed = new EventCounter(stack.kafka(), topic, s.rollCalls());
        try (MongoClient mongo = MongoClients.create(stack.mongoUri("bench-raw"));
             KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaRoundTrip.producer(stack.kafka()))) {
            MongoCollection<Document> rolls = mongo.getDatabase("bench-raw").getCollection("roll_calls");
            long started = System.nanoTime();
            for (List<Document> batch : docs) {
                rolls.insertMany(batch);
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                for (Document d : batch) {
                    sends.add(producer.send(new ProducerRecord<>(topic, d.getString("billId"), eventValue)));
                }
                for (Future<RecordMetadata> f : sends) {
                    f.get(30, TimeUnit.SECONDS);
                }
            }
            consumed.awaitAll(s.deadline());
            Duration elapsed = Duration.ofNanos(consumed.lastNanos() - started);
            // the in-memory server holds these in the benchmark's heap; the figures after this need none of them
            mongo.getDatabase("bench-raw").drop();
            return elapsed;
        } catch (Exception e) {
            throw new IllegalStateException("the raw ingestion baseline failed: " + e, e);
        } finally {
            consumed.close();
        }
    }
}
