package co.vigia.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.Topics;
import co.vigia.contracts.bill.BillActionRecorded;
import co.vigia.devstack.Ports;
import co.vigia.devstack.Service;
import co.vigia.devstack.ServiceProcess;
import co.vigia.testsupport.Api;
import co.vigia.testsupport.TestStack;
import co.vigia.testsupport.TopicReader;
import co.vigia.testsupport.WebhookReceiver;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The faults Vigía survives with nothing lost, each on its own with {@link Load#EVENTS} events, on one stack
 * of real processes. Every test ends with its accounting: sent, expected, received, duplicates, lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSystemTests {

    static final Duration DRAIN = Duration.ofMinutes(4);

    static TestStack stack;
    static WebhookReceiver receiver;
    static Vigia vigia;

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start();
        stack = SystemStack.start("faults", receiver.port(), Map.of(
                // a dead instance's leases and group membership run out in seconds, not a minute
                "VIGIA_WEBHOOK_LEASE", "10s",
                "SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\":\"10000\","
                        + "\"spring.kafka.consumer.properties.heartbeat.interval.ms\":\"2000\"}"));
        vigia = new Vigia(stack, receiver);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @BeforeEach
    void wholeStack() {
        stack.ensureWhole();
    }

    /** Fault 1: notify-service killed with SIGKILL mid-stream and started again. */
    @Test
    @Order(1)
    void notifyKilledMidStreamDeliversEverythingAfterItsRestart() {
        Flow flow = Flow.open("notify-kill");
        Thread load = Load.inBackground("load", () -> flow.accepted.addAll(
                Load.postInBatches(stack.vote, flow.votes, 100)));
        Load.await("a quarter delivered", DRAIN, () -> flow.received() >= Load.EVENTS / 4);
        stack.kill(Service.NOTIFY);
        Load.sleep(1000);
        stack.restart(Service.NOTIFY);
        Load.join(load, DRAIN);

        Accounting accounting = flow.drainAndCount("1 notify SIGKILL", "notify-service killed at "
                + Load.EVENTS / 4 + "+ delivered");
        assertThat(accounting.lost()).isZero();
        flow.assertOnlyExpectedIds();
    }

    /** Fault 2: bill-service and vote-service killed with SIGKILL during a burst of writes. */
    @Test
    @Order(2)
    void writesThatGot2xxProduceTheirEventsAfterBillAndVoteServicesAreKilled() throws Exception {
        List<String> bills = Load.bills(vigia, "outbox-kill", Load.BILLS);
        List<Map<String, Object>> votes = Load.votes("outbox-kill", bills, Load.EVENTS * 3 / 4);
        int notes = Load.EVENTS - votes.size();
        Map<String, Integer> voteAnswers = new ConcurrentHashMap<>();
        Map<String, String> noteIds = new ConcurrentHashMap<>();   // note text -> action id, when 2xx
        Map<String, Integer> noteAnswers = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        for (Map<String, Object> vote : votes) {
            writers.submit(() -> {
                voteAnswers.put((String) vote.get("externalId"), stack.vote.post("/api/votes", vote).status());
                done.incrementAndGet();
            });
        }
        for (int i = 0; i < notes; i++) {
            String text = "outbox-kill note " + i;
            String bill = bills.get(i % bills.size());
            writers.submit(() -> {
                Api.Response r = stack.bill.post("/api/bills/" + bill + "/actions",
                        Map.of("type", "NOTE", "date", "2023-05-11", "text", text));
                noteAnswers.put(text, r.status());
                if (r.ok()) {
                    noteIds.put(text, r.json().path("entry").path("id").asString());
                }
                done.incrementAndGet();
            });
        }
        Load.await("a third of the writes", DRAIN, () -> done.get() >= Load.EVENTS / 3);
        stack.kill(Service.VOTE);
        stack.kill(Service.BILL);
        Load.sleep(2000);
        stack.restart(Service.BILL, Service.VOTE);
        writers.shutdown();
        assertThat(writers.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Set<String> votes2xx = keysWhere(voteAnswers, s -> s >= 200 && s < 300);
        Set<String> votesRefused = keysWhere(voteAnswers, s -> s >= 400);
        Set<String> notes2xx = keysWhere(noteAnswers, s -> s >= 200 && s < 300);
        Set<String> notesRefused = keysWhere(noteAnswers, s -> s >= 400);
        int unanswered = keysWhere(voteAnswers, s -> s < 0).size() + keysWhere(noteAnswers, s -> s < 0).size();

        List<CloudEvent> tallied = Load.talliedEvents(stack, new HashSet<>(voteAnswers.keySet()), Duration.ofSeconds(90));
        Set<String> talliedExternalIds = new HashSet<>();
        tallied.forEach(e -> talliedExternalIds.add(EventCodec.data(e, co.vigia.contracts.vote.VoteTallied.class).externalId()));
        Set<String> recordedActions = new HashSet<>();
        Load.await("the notes' events", Duration.ofSeconds(90), () -> {
            recordedActions.clear();
            for (CloudEvent e : TopicReader.events(stack.topics().readAll(List.of(Topics.BILL_EVENTS), SystemStack.READ_TOPICS))) {
                if (e.type().equals("co.vigia.bill.action-recorded") && bills.contains(e.subject())) {
                    recordedActions.add(EventCodec.data(e, BillActionRecorded.class).actionId());
                }
            }
            return recordedActions.containsAll(noteIds.values());
        });

        long lost = votes2xx.stream().filter(id -> !talliedExternalIds.contains(id)).count()
                + noteIds.values().stream().filter(id -> !recordedActions.contains(id)).count();
        long refusedButPublished = votesRefused.stream().filter(talliedExternalIds::contains).count();
        new Accounting("2 bill+vote SIGKILL (outbox)", votes.size() + notes, votes2xx.size() + notes2xx.size(),
                votes2xx.size() + notes2xx.size() - lost, 0, lost,
                "refused " + (votesRefused.size() + notesRefused.size()) + " (published: " + refusedButPublished
                        + "), unanswered (connection cut) " + unanswered).report();
        assertThat(lost).as("2xx writes without their event").isZero();
        assertThat(refusedButPublished).as("refused writes with an event").isZero();
        // the kill came mid-burst: a third of the writes were done before it; those sent while the services were
        // down were refused at connect, which is an error the writer sees (and must not produce an event)
        assertThat(votes2xx.size() + notes2xx.size()).as("writes accepted before the kill").isGreaterThanOrEqualTo(Load.EVENTS / 4);
        assertThat(unanswered + votesRefused.size() + notesRefused.size()).as("writes cut by the kill").isPositive();
    }

    /** Fault 3: the Kafka broker stopped and started again on the same data directory mid-stream. */
    @Test
    @Order(3)
    void aKafkaRestartLosesNothingAndHealthGoesDownAndBackUp() {
        Flow flow = Flow.open("kafka-restart");
        Thread load = Load.inBackground("load", () -> flow.accepted.addAll(
                Load.postInBatches(stack.vote, flow.votes, 50)));
        Load.await("a quarter delivered", DRAIN, () -> flow.received() >= Load.EVENTS / 4);
        stack.devstack().kafka().stop();
        Load.await("services report Kafka DOWN", Duration.ofSeconds(30), () ->
                List.of(Service.BILL, Service.VOTE, Service.NOTIFY).stream().allMatch(s ->
                        "DOWN".equals(stack.process(s).health() == null ? "DOWN"
                                : stack.process(s).health().path("components").path("kafka").path("status").asString())));
        Load.sleep(3000);
        stack.devstack().kafka().start();
        Load.await("services reconnect and report UP", Duration.ofSeconds(90), () ->
                List.of(Service.BILL, Service.VOTE, Service.NOTIFY).stream().allMatch(s -> stack.process(s).isHealthy()));
        Load.join(load, DRAIN);

        Accounting accounting = flow.drainAndCount("3 Kafka restart", "broker down ~3 s mid-stream");
        assertThat(accounting.lost()).isZero();
        flow.assertOnlyExpectedIds();
    }

    /** Fault 4: the receiver down for a while, then up; and a receiver answering 410. */
    @Test
    @Order(4)
    void aReceiverDownForAWhileGetsEverythingInOrderAndA410DisablesTheSubscription() {
        Flow flow = Flow.open("receiver-down");
        receiver.down();
        Load.postInBatches(stack.vote, flow.votes, 200).forEach(flow.accepted::add);
        Load.sleep(4000); // several attempts fail on the short retry schedule
        receiver.up();
        Accounting accounting = flow.drainAndCount("4 receiver down then up", "receiver down ~4 s+");
        assertThat(accounting.lost()).isZero();
        flow.assertOnlyExpectedIds();
        flow.assertInOrderPerBill();

        // 410 Gone: the subscription is disabled at once and its owner hears of it on its other endpoint
        String key = vigia.subscriber("gone-ngo");
        String gone = vigia.subscribe(key, "gone", List.of("co.vigia.vote.tallied"), flow.bills);
        vigia.subscribe(key, "gone-canary", List.of("co.vigia.subscription.disabled"), List.of());
        receiver.answer("/gone", WebhookReceiver.Reply.status(410));
        Load.postInBatches(stack.vote, Load.votes("gone", flow.bills, 1), 1);
        Load.await("the 410 subscription disabled", Duration.ofSeconds(60), () ->
                "DISABLED".equals(stack.notify.as(key).get("/api/subscriptions/" + gone).json().path("status").asString()));
        Load.await("the subscriber told", Duration.ofSeconds(60), () ->
                receiver.received("/gone-canary").stream().anyMatch(r -> r.type().equals("co.vigia.subscription.disabled")
                        && gone.equals(r.subject())));
    }

    /** Fault 5: a poison record on each topic lands on its .DLT; later records still flow. */
    @Test
    @Order(5)
    void aPoisonRecordOnEachTopicGoesToItsDeadLetterTopicAndLaterRecordsFlow() throws Exception {
        Flow flow = Flow.open("poison");
        String marker = "poison-" + System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : Topics.ALL) {
                for (String bill : flow.bills) { // the same partitions the flow's events use
                    producer.send(new ProducerRecord<>(topic, bill, (marker + " not a CloudEvent")
                            .getBytes(StandardCharsets.UTF_8))).get();
                }
            }
        }
        Load.postInBatches(stack.vote, flow.votes, 200).forEach(flow.accepted::add);
        Accounting accounting = flow.drainAndCount("5 poison records", "one poison per bill on each topic first");
        assertThat(accounting.lost()).isZero();

        Map<String, Long> deadLetters = new LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            long count = stack.topics().readAll(List.of(Topics.deadLetter(topic)), SystemStack.READ_TOPICS).stream()
                    .filter(r -> r.value() != null && r.value().startsWith(marker)).count();
            deadLetters.put(topic, count);
        }
        System.out.println("dead letters per topic: " + deadLetters);
        assertThat(deadLetters.values()).allMatch(count -> count >= flow.bills.size());
        // bill-service kept consuming vote-events after the poison: the flow's votes are on the bills' timelines
        Load.await("bill-service applied the votes after the poison", Duration.ofSeconds(60), () ->
                stack.bill.get("/api/bills/" + flow.bills.get(0) + "/timeline").body().contains("NO_QUORUM"));
    }

    /** Fault 6: bill-service down while votes arrive: accepted as waiting, tallied and published when it is back. */
    @Test
    @Order(6)
    void votesArrivingWhileBillServiceIsDownWaitAndArePublishedWhenItIsBack() {
        String prefix = "bill-down-" + System.nanoTime();
        List<String> bills = new ArrayList<>();
        for (int i = 0; i < Load.BILLS; i++) {
            bills.add(prefix + "-" + i);
        }
        String key = vigia.subscriber(prefix);
        vigia.subscribe(key, prefix, List.of("co.vigia.vote.tallied"), bills);
        stack.process(Service.BILL).stop(Duration.ofSeconds(10));

        List<Map<String, Object>> votes = Load.votes(prefix, bills, Load.EVENTS);
        int waiting = 0;
        for (int from = 0; from < votes.size(); from += 200) {
            JsonNode answer = stack.vote.post("/api/votes:batch", votes.subList(from, Math.min(votes.size(), from + 200)))
                    .expect(200).json();
            waiting += answer.path("waitingForBill").asInt();
        }
        assertThat(waiting).as("all accepted as waiting for their bill").isEqualTo(Load.EVENTS);
        assertThat(Load.talliedEvents(stack, externalIds(votes), Duration.ofSeconds(3))).isEmpty();

        stack.restart(Service.BILL);
        for (String bill : bills) {
            vigia.bill(bill, "Proyecto " + bill, "2023-03-15");
            vigia.action(bill, "ASSIGNED_TO_COMMITTEE", "2023-03-22", "Comisión Primera");
        }
        List<CloudEvent> tallied = Load.talliedEvents(stack, externalIds(votes), DRAIN);
        Map<String, List<String>> expected = Map.of(prefix, tallied.stream().map(CloudEvent::id).toList());
        Load.await("webhooks for the waiting votes", DRAIN, () -> receiver.received("/" + prefix).size() >= tallied.size());
        Accounting accounting = Accounting.of("6 bill-service down", votes.size(), expected, receiver.received(),
                "all " + waiting + " answered 202 WAITING_FOR_BILL");
        assertThat(tallied).hasSize(Load.EVENTS);
        assertThat(accounting.lost()).isZero();
    }

    /** Fault 7: two notify-service instances share the load; one is killed with SIGKILL mid-stream. */
    @Test
    @Order(7)
    void twoNotifyInstancesShareTheWorkAndTheSurvivorFinishesWhenOneIsKilled() {
        ServiceProcess second = stack.devstack().startExtraInstance(Service.NOTIFY, Ports.free());
        stack.devstack().awaitHealthy(SystemStack.START_TIMEOUT);
        Flow flow = Flow.open("two-notify");
        Thread load = Load.inBackground("load", () -> flow.accepted.addAll(
                Load.postInBatches(stack.vote, flow.votes, 100)));
        Load.await("a quarter delivered", DRAIN, () -> flow.received() >= Load.EVENTS / 4);
        stack.kill(Service.NOTIFY); // the first instance; the second finishes its work
        Load.join(load, DRAIN);

        Accounting accounting = flow.drainAndCount("7 two notify, one SIGKILL", "survivor: " + second.name());
        assertThat(accounting.lost()).isZero();
        flow.assertOnlyExpectedIds();
        // a delivery is made twice only when an attempt's answer was lost with the killed instance
        assertThat(accounting.duplicates()).isLessThanOrEqualTo(64);
        stack.restart(Service.NOTIFY);
    }

    private static Set<String> externalIds(List<Map<String, Object>> votes) {
        Set<String> ids = new HashSet<>();
        votes.forEach(v -> ids.add((String) v.get("externalId")));
        return ids;
    }

    private static Set<String> keysWhere(Map<String, Integer> answers, java.util.function.IntPredicate status) {
        Set<String> keys = new HashSet<>();
        answers.forEach((k, v) -> {
            if (status.test(v)) {
                keys.add(k);
            }
        });
        return keys;
    }

    /** One fault's flow: its bills, an NGO subscribed to their tallies on its own endpoint, its votes. */
    static final class Flow {
        final String name;
        final List<String> bills;
        final List<Map<String, Object>> votes;
        final Set<String> accepted = Collections.synchronizedSet(new HashSet<>());
        List<CloudEvent> expected = List.of();
        private final String key;
        private final String subscriptionId;

        private Flow(String name, List<String> bills, List<Map<String, Object>> votes, String key,
                     String subscriptionId) {
            this.name = name;
            this.bills = bills;
            this.votes = votes;
            this.key = key;
            this.subscriptionId = subscriptionId;
        }

        static Flow open(String name) {
            String prefix = name + "-" + System.nanoTime();
            List<String> bills = Load.bills(vigia, prefix, Load.BILLS);
            String key = vigia.subscriber(prefix);
            String subscriptionId = vigia.subscribe(key, name, List.of("co.vigia.vote.tallied"), bills);
            return new Flow(name, bills, Load.votes(prefix, bills, Load.EVENTS), key, subscriptionId);
        }

        int received() {
            return receiver.received("/" + name).size();
        }

        /** Waits until every accepted vote's event is on Kafka and delivered, then counts. */
        Accounting drainAndCount(String test, String note) {
            assertThat(accepted).as("votes accepted").hasSize(Load.EVENTS);
            expected = Load.talliedEvents(stack, accepted, DRAIN);
            assertThat(expected).as("tallied events on Kafka").hasSize(accepted.size());
            Set<String> ids = new HashSet<>(expected.stream().map(CloudEvent::id).toList());
            try {
                Load.await(test + ": every webhook", DRAIN, () -> missing(ids).isEmpty());
            } catch (AssertionError timedOut) {
                throw new AssertionError(timedOut.getMessage() + "\n" + whyMissing(ids), timedOut);
            }
            Load.sleep(1000); // let stragglers (duplicates) arrive before counting
            return Accounting.of(test, accepted.size(), Map.of(name, List.copyOf(ids)), receiver.received(), note);
        }

        private Set<String> missing(Set<String> ids) {
            Set<String> missing = new HashSet<>(ids);
            receiver.received("/" + name).forEach(r -> missing.remove(r.webhookId()));
            return missing;
        }

        /** What notify-service says of the first deliveries never received: absent (never created) or their state. */
        private String whyMissing(Set<String> ids) {
            Set<String> missing = missing(ids);
            StringBuilder why = new StringBuilder(missing.size() + " of " + ids.size() + " never received; the first:");
            missing.stream().sorted().limit(5).forEach(eventId -> {
                Api.Response delivery = stack.notify.as(key).get("/api/deliveries/" + eventId + ":" + subscriptionId);
                why.append("\n  ").append(eventId).append(" -> ").append(delivery.status()).append(' ')
                        .append(delivery.body());
            });
            why.append("\n").append(storedLine(missing));
            return why.toString();
        }

        /**
         * The earliest missing delivery of this flow as stored, and the deliveries it waits behind (previousId), as
         * far back as five: which one holds the line, leased or parked, and whether it names its waiter.
         */
        private String storedLine(Set<String> missing) {
            StringBuilder line = new StringBuilder("stored, from the earliest missing back along its line:");
            try (MongoClient client = MongoClients.create(stack.devstack().mongo().uri(Service.NOTIFY.database()))) {
                MongoCollection<Document> deliveries = client.getDatabase(Service.NOTIFY.database())
                        .getCollection("deliveries");
                Document earliest = deliveries.find(Filters.and(Filters.eq("subscriptionId", subscriptionId),
                        Filters.in("eventId", missing))).sort(Sorts.ascending("seq")).first();
                for (int i = 0; earliest != null && i < 6; i++) {
                    earliest.remove("attempts");
                    line.append("\n  ").append(earliest.toJson());
                    Object previous = earliest.get("previousId");
                    earliest = previous == null ? null : deliveries.find(Filters.eq("_id", previous)).first();
                }
            } catch (RuntimeException e) {
                line.append(" unreadable: ").append(e);
            }
            return line.toString();
        }

        void assertOnlyExpectedIds() {
            Set<String> ids = new HashSet<>(expected.stream().map(CloudEvent::id).toList());
            assertThat(receiver.received("/" + name)).allSatisfy(r -> {
                assertThat(r.verified()).isTrue();
                assertThat(ids).contains(r.webhookId());
            });
        }

        /** Per bill, first arrivals in the order the events are on Kafka. */
        void assertInOrderPerBill() {
            Map<String, List<String>> sent = new HashMap<>();
            expected.forEach(e -> sent.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e.id()));
            Map<String, List<String>> got = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (WebhookReceiver.Received r : receiver.received("/" + name)) {
                if (seen.add(r.webhookId())) {
                    got.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(r.webhookId());
                }
            }
            sent.forEach((bill, ids) -> assertThat(got.get(bill)).as("order of " + bill).containsExactlyElementsOf(ids));
        }
    }
}
