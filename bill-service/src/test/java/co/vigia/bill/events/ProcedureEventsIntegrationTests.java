package co.vigia.bill.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.bill.bill.Bill;
import co.vigia.bill.bill.BillRepository;
import co.vigia.bill.support.ItClient;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.Debate;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.EventType;
import co.vigia.contracts.Topics;
import co.vigia.contracts.VoteOutcome;
import co.vigia.contracts.bill.BillStageChanged;
import co.vigia.contracts.objection.ObjectionAuthor;
import co.vigia.contracts.objection.ObjectionFiled;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.Stance;
import co.vigia.contracts.vote.VoteTallied;
import co.vigia.devstack.test.WithTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Votes from vote-service move bills, exactly once, in batches written once per bill, and poison records are
 * dead-lettered; on real Kafka and MongoDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vigia.security.operator-key=" + ItClient.OPERATOR_KEY, "vigia.clock.adjustable=true"})
@WithTestInfrastructure
class ProcedureEventsIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    BillRepository bills;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    MeterRegistry meters;

    ItClient client;

    @BeforeEach
    void setUp() {
        client = new ItClient(port, bootstrapServers);
    }

    static CloudEvent vote(String billId, Debate debate, VoteOutcome outcome, LocalDate date) {
        return vote(billId, UUID.randomUUID().toString(), debate, outcome, date);
    }

    static CloudEvent vote(String billId, String voteId, Debate debate, VoteOutcome outcome, LocalDate date) {
        VoteTallied data = new VoteTallied(voteId, null, billId, Chamber.SENATE,
                "Comisión Primera", debate, date, 23, 15, 3, 0, 5, 0, outcome != VoteOutcome.NO_QUORUM, "SIMPLE", 10,
                outcome, true);
        return EventCodec.create("/test/vote-service", data, Instant.now());
    }

    @Test
    void aTalliedVoteMovesTheBillAndAStageChangedEventComesOutOnceEvenWhenTheVoteIsSentTwice() throws Exception {
        String billId = ItClient.uniqueId("it-vote");
        assertThat(client.post("/api/bills", ItClient.newBill(billId)).statusCode()).isEqualTo(201);
        assertThat(client.post("/api/bills/" + billId + "/actions",
                "{\"type\":\"ASSIGNED_TO_COMMITTEE\",\"date\":\"2023-03-21\"}").statusCode()).isEqualTo(201);

        CloudEvent first = vote(billId, Debate.FIRST, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        kafka.send(Topics.VOTE_EVENTS, billId, EventCodec.write(first)).get();
        kafka.send(Topics.VOTE_EVENTS, billId, EventCodec.write(first)).get(); // redelivered
        // a later vote on the same partition: once it shows, the duplicate before it has been consumed
        CloudEvent barrier = vote(billId, Debate.SECOND, VoteOutcome.NO_QUORUM, LocalDate.of(2023, 4, 19));
        kafka.send(Topics.VOTE_EVENTS, billId, EventCodec.write(barrier)).get();

        await().atMost(WAIT).until(() -> client.json(client.get("/api/bills/" + billId + "/timeline"))
                .path("entries").findValues("causeId").stream().anyMatch(id -> id.asString()
                        .equals(EventCodec.data(barrier, VoteTallied.class).voteId())));
        JsonNode bill = client.json(client.get("/api/bills/" + billId));
        assertThat(bill.path("stage").asString()).isEqualTo("SECOND_DEBATE");
        JsonNode timeline = client.json(client.get("/api/bills/" + billId + "/timeline")).path("entries");
        assertThat(timeline.findValues("type").stream().filter(t -> t.asString().equals("VOTE")).count()).isEqualTo(2);

        List<ConsumerRecord<String, String>> records = client.readUntil(Topics.BILL_EVENTS, WAIT, r ->
                ItClient.eventsOf(r, billId).stream().filter(e -> e.type().equals(EventType.BILL_ACTION_RECORDED.type()))
                        .count() >= 4);
        List<BillStageChanged> toSecond = ItClient.eventsOf(records, billId).stream()
                .filter(e -> e.type().equals(EventType.BILL_STAGE_CHANGED.type()))
                .collect(java.util.stream.Collectors.toMap(CloudEvent::id, e -> e, (a, b) -> a)).values().stream()
                .map(e -> EventCodec.data(e, BillStageChanged.class))
                .filter(c -> c.to().equals("SECOND_DEBATE")).toList();
        assertThat(toSecond).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo("FIRST_DEBATE");
            assertThat(change.trigger()).isEqualTo("VOTE_TALLIED");
            assertThat(change.causeId()).isEqualTo(EventCodec.data(first, VoteTallied.class).voteId());
            assertThat(change.occurredOn()).isEqualTo(LocalDate.of(2023, 4, 11));
        });
        assertThat(ItClient.eventsOf(records, billId)).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo(billId);
            assertThat(e.source()).isEqualTo("/vigia/bill-service");
        });
    }

    @Test
    void aVoteBreakingTheArt160GapIsAppliedAndFlaggedAndAStrayVoteIsFlaggedNotDeadLettered() throws Exception {
        String billId = ItClient.uniqueId("it-gap");
        client.post("/api/bills", ItClient.newBill(billId));
        client.post("/api/bills/" + billId + "/actions", "{\"type\":\"ASSIGNED_TO_COMMITTEE\",\"date\":\"2023-03-21\"}");
        kafka.send(Topics.VOTE_EVENTS, billId, EventCodec.write(vote(billId, Debate.FIRST, VoteOutcome.PASSED,
                LocalDate.of(2023, 4, 11)))).get();
        kafka.send(Topics.VOTE_EVENTS, billId, EventCodec.write(vote(billId, Debate.SECOND, VoteOutcome.PASSED,
                LocalDate.of(2023, 4, 13)))).get();
        kafka.send(Topics.VOTE_EVENTS, billId, EventCodec.write(vote(billId, Debate.FIRST, VoteOutcome.PASSED,
                LocalDate.of(2023, 4, 20)))).get();
        await().atMost(WAIT).until(() -> client.json(client.get("/api/bills/" + billId)).path("defects").size() == 2);
        JsonNode bill = client.json(client.get("/api/bills/" + billId));
        assertThat(bill.path("stage").asString()).isEqualTo("THIRD_DEBATE");
        assertThat(bill.path("defects").findValues("rule").stream().map(JsonNode::asString))
                .containsExactly("ART_160_COMMITTEE_TO_PLENARY_GAP", "VOTE_OUT_OF_STAGE");
    }

    @Test
    void aRecordThatIsNotACloudEventLandsOnTheDeadLetterTopicAndThePartitionKeepsFlowing() throws Exception {
        String billId = ItClient.uniqueId("it-poison");
        client.post("/api/bills", ItClient.newBill(billId));
        client.post("/api/bills/" + billId + "/actions", "{\"type\":\"ASSIGNED_TO_COMMITTEE\",\"date\":\"2023-03-21\"}");
        String poison = "this is not a CloudEvent " + UUID.randomUUID();
        kafka.send(Topics.VOTE_EVENTS, billId, poison).get();
        kafka.send(Topics.VOTE_EVENTS, billId, EventCodec.write(vote(billId, Debate.FIRST, VoteOutcome.PASSED,
                LocalDate.of(2023, 4, 11)))).get();

        List<ConsumerRecord<String, String>> dead = client.readUntil(Topics.deadLetter(Topics.VOTE_EVENTS), WAIT,
                r -> r.stream().anyMatch(x -> poison.equals(x.value())));
        assertThat(dead).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo(poison);
            assertThat(r.key()).isEqualTo(billId);
        });
        await().atMost(WAIT).until(() -> client.json(client.get("/api/bills/" + billId)).path("stage").asString()
                .equals("SECOND_DEBATE"));
    }

    @Test
    void aVoteAboutAnUnknownBillLandsOnTheDeadLetterTopicAndThePartitionKeepsFlowing() throws Exception {
        String billId = ItClient.uniqueId("it-known");
        String unknown = ItClient.uniqueId("it-unknown");
        client.post("/api/bills", ItClient.newBill(billId));
        client.post("/api/bills/" + billId + "/actions", "{\"type\":\"ASSIGNED_TO_COMMITTEE\",\"date\":\"2023-03-21\"}");
        CloudEvent stray = vote(unknown, Debate.FIRST, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        // the same key, so the same partition: the stray vote must not hold back the next one
        kafka.send(Topics.VOTE_EVENTS, billId, EventCodec.write(stray)).get();
        kafka.send(Topics.VOTE_EVENTS, billId, EventCodec.write(vote(billId, Debate.FIRST, VoteOutcome.PASSED,
                LocalDate.of(2023, 4, 11)))).get();

        List<ConsumerRecord<String, String>> dead = client.readUntil(Topics.deadLetter(Topics.VOTE_EVENTS), WAIT,
                r -> r.stream().anyMatch(x -> x.value().contains(stray.id())));
        assertThat(dead).anySatisfy(r -> assertThat(r.value()).contains(stray.id()));
        await().atMost(WAIT).until(() -> client.json(client.get("/api/bills/" + billId)).path("stage").asString()
                .equals("SECOND_DEBATE"));
        assertThat(client.get("/api/bills/" + unknown).statusCode()).isEqualTo(404);
    }

    @Test
    void anInstitutionalOpinionIsAddedToTheTimelineAndDoesNotMoveTheBill() throws Exception {
        String billId = ItClient.uniqueId("it-opinion");
        client.post("/api/bills", ItClient.newBill(billId));
        client.post("/api/bills/" + billId + "/actions", "{\"type\":\"ASSIGNED_TO_COMMITTEE\",\"date\":\"2023-03-21\"}");
        ObjectionFiled opinion = new ObjectionFiled(UUID.randomUUID().toString(), billId, ObjectionAuthor.ATTORNEY_GENERAL,
                "Francisco Barbosa", ObjectionKind.OPINION, Stance.OPPOSES, List.of(), LocalDate.of(2023, 3, 22),
                "It would pardon criminals", null);
        kafka.send(Topics.OBJECTION_EVENTS, billId, EventCodec.write(EventCodec.create("/test/vote-service", opinion,
                Instant.now()))).get();
        await().atMost(WAIT).until(() -> client.json(client.get("/api/bills/" + billId + "/timeline")).path("entries")
                .size() == 3);
        JsonNode entry = client.json(client.get("/api/bills/" + billId + "/timeline")).path("entries").get(2);
        assertThat(entry.path("type").asString()).isEqualTo("OBJECTION");
        assertThat(entry.path("text").asString()).contains("Francisco Barbosa").contains("OPPOSES");
        assertThat(client.json(client.get("/api/bills/" + billId)).path("stage").asString()).isEqualTo("FIRST_DEBATE");
    }

    // ------------------------------------------------------------------------------------ batches

    /** One vote of a scripted sequence: the same vote id on every bill it is sent for, so their timelines compare. */
    record Step(String voteId, Debate debate, VoteOutcome outcome, LocalDate date) {
        static Step of(Debate debate, VoteOutcome outcome, LocalDate date) {
            return new Step(UUID.randomUUID().toString(), debate, outcome, date);
        }

        /** A new event (a fresh event id) for this vote on that bill. */
        CloudEvent on(String billId) {
            return vote(billId, voteId, debate, outcome, date);
        }
    }

    String billInFirstDebate(String prefix) {
        String billId = ItClient.uniqueId(prefix);
        assertThat(client.post("/api/bills", ItClient.newBill(billId)).statusCode()).isEqualTo(201);
        assertThat(client.post("/api/bills/" + billId + "/actions",
                "{\"type\":\"ASSIGNED_TO_COMMITTEE\",\"date\":\"2023-03-21\"}").statusCode()).isEqualTo(201);
        return billId;
    }

    Bill bill(String id) {
        return bills.findById(id).orElseThrow();
    }

    double consumed(String outcome) {
        Counter counter = meters.find("vigia.events.consumed").tags("topic", Topics.VOTE_EVENTS, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Sends the records while bill-service's vote consumer is paused, so that it gets them in one poll: one batch (each
     * bill's records share a partition, and a partition's records come in one fetch).
     */
    void sendAsOneBatch(List<Map.Entry<String, String>> records) throws Exception {
        MessageListenerContainer votes = listeners.getListenerContainer(ProcedureEventsListener.VOTES);
        votes.pause();
        try {
            await().atMost(WAIT).until(votes::isContainerPaused);
            Thread.sleep(1_000); // a fetch sent before the pause has come back (fetch.max.wait.ms is 500 ms)
            for (Map.Entry<String, String> record : records) {
                kafka.send(Topics.VOTE_EVENTS, record.getKey(), record.getValue());
            }
            kafka.flush();
        } finally {
            votes.resume();
        }
    }

    static Map.Entry<String, String> record(String key, CloudEvent event) {
        return Map.entry(key, EventCodec.write(event));
    }

    /** A timeline as it reads, without what is new for every entry (its id, when it was recorded). */
    static List<String> timeline(Bill bill) {
        return bill.getTimeline().stream().map(e -> String.join("|", String.valueOf(e.date()), e.typeName(),
                String.valueOf(e.action()), e.text(), e.recordedBy(), String.valueOf(e.causeId()),
                String.valueOf(e.stageAfter()))).toList();
    }

    static List<String> defects(Bill bill) {
        return bill.getDefects().stream().map(d -> d.rule() + "|" + d.description() + "|" + d.causeId() + "|" + d.date())
                .toList();
    }

    /**
     * The bill's events on bill-events in order, each as its type and data, without the bill's own id and title, and
     * with the ids of its timeline entries and defects (fresh for every bill) replaced by their positions.
     */
    List<String> published(List<ConsumerRecord<String, String>> records, String billId) {
        Bill bill = bill(billId);
        Map<String, String> positions = new LinkedHashMap<>();
        bill.getTimeline().forEach(e -> positions.put(e.id(), "entry-" + positions.size()));
        bill.getDefects().forEach(d -> positions.put(d.id(), "defect-" + positions.size()));
        Map<String, CloudEvent> byId = new LinkedHashMap<>();
        ItClient.eventsOf(records, billId).forEach(e -> byId.putIfAbsent(e.id(), e));
        return byId.values().stream().map(e -> {
            ObjectNode data = ((ObjectNode) e.data()).deepCopy();
            data.remove(List.of("billId", "title"));
            String text = data.toString();
            for (Map.Entry<String, String> id : positions.entrySet()) {
                text = text.replace(id.getKey(), id.getValue());
            }
            return e.type() + " " + text;
        }).toList();
    }

    void awaitPublished(String... billIds) {
        await().atMost(WAIT).until(() -> java.util.Arrays.stream(billIds).allMatch(id -> bill(id).getOutbox().isEmpty()));
    }

    @Test
    void aBurstOfVotesOnAFewBillsInOneBatchLeavesThemAsOneByOneWouldWithOneWritePerBill() throws Exception {
        List<Step> a = List.of(
                Step.of(Debate.FIRST, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11)),
                Step.of(Debate.SECOND, VoteOutcome.PASSED, LocalDate.of(2023, 4, 13)), // art. 160: 8 days: a defect
                Step.of(Debate.FIRST, VoteOutcome.PASSED, LocalDate.of(2023, 4, 20)), // out of stage: a defect
                Step.of(Debate.THIRD, VoteOutcome.NO_QUORUM, LocalDate.of(2023, 5, 2)),
                Step.of(Debate.THIRD, VoteOutcome.PASSED, LocalDate.of(2023, 5, 3)));
        List<Step> b = List.of(
                Step.of(Debate.FIRST, VoteOutcome.NO_QUORUM, LocalDate.of(2023, 4, 12)),
                Step.of(Debate.FIRST, VoteOutcome.PASSED, LocalDate.of(2023, 4, 14)),
                Step.of(Debate.SECOND, VoteOutcome.FAILED, LocalDate.of(2023, 4, 25)));
        String batchA = billInFirstDebate("it-batch-a");
        String batchB = billInFirstDebate("it-batch-b");
        String oneByOneA = billInFirstDebate("it-single-a");
        String oneByOneB = billInFirstDebate("it-single-b");

        // one by one: each vote consumed (and written) before the next is sent; the repeated first vote changes nothing
        CloudEvent firstOfOneByOneA = a.get(0).on(oneByOneA);
        for (Map.Entry<String, List<CloudEvent>> bill : List.of(
                Map.entry(oneByOneA, java.util.stream.Stream.concat(java.util.stream.Stream.of(firstOfOneByOneA),
                        a.stream().skip(1).map(step -> step.on(oneByOneA))).toList()),
                Map.entry(oneByOneB, b.stream().map(step -> step.on(oneByOneB)).toList()))) {
            for (CloudEvent event : bill.getValue()) {
                long version = bill(bill.getKey()).getVersion();
                kafka.send(Topics.VOTE_EVENTS, bill.getKey(), EventCodec.write(event)).get();
                await().atMost(WAIT).until(() -> bill(bill.getKey()).getVersion() == version + 1);
            }
        }
        double duplicates = consumed("duplicate");
        kafka.send(Topics.VOTE_EVENTS, oneByOneA, EventCodec.write(firstOfOneByOneA)).get();
        await().atMost(WAIT).until(() -> consumed("duplicate") == duplicates + 1);

        // the same votes, interleaved, in one batch; the first vote of A twice, as a producer's retry would
        long versionA = bill(batchA).getVersion();
        long versionB = bill(batchB).getVersion();
        CloudEvent firstOfA = a.get(0).on(batchA);
        sendAsOneBatch(List.of(record(batchA, firstOfA), record(batchB, b.get(0).on(batchB)),
                record(batchA, a.get(1).on(batchA)), record(batchA, firstOfA), record(batchB, b.get(1).on(batchB)),
                record(batchA, a.get(2).on(batchA)), record(batchB, b.get(2).on(batchB)),
                record(batchA, a.get(3).on(batchA)), record(batchA, a.get(4).on(batchA))));
        await().atMost(WAIT).until(() -> bill(batchA).getTimeline().size() == bill(oneByOneA).getTimeline().size()
                && bill(batchB).getTimeline().size() == bill(oneByOneB).getTimeline().size());

        for (String[] pair : List.of(new String[] {batchA, oneByOneA}, new String[] {batchB, oneByOneB})) {
            Bill batched = bill(pair[0]);
            Bill single = bill(pair[1]);
            assertThat(batched.getProcedure().getStage()).isEqualTo(single.getProcedure().getStage());
            assertThat(timeline(batched)).isEqualTo(timeline(single));
            assertThat(defects(batched)).isEqualTo(defects(single));
        }
        assertThat(bill(batchA).getProcedure().getStage().name()).isEqualTo("FOURTH_DEBATE");
        assertThat(defects(bill(batchA))).hasSize(2);
        assertThat(bill(batchB).getProcedure().getStage().name()).isEqualTo("ARCHIVED");
        // one write per bill for the whole batch (one by one: one per vote)
        assertThat(bill(batchA).getVersion()).isEqualTo(versionA + 1);
        assertThat(bill(batchB).getVersion()).isEqualTo(versionB + 1);

        awaitPublished(batchA, batchB, oneByOneA, oneByOneB);
        List<ConsumerRecord<String, String>> events = client.readAll(Topics.BILL_EVENTS, WAIT);
        assertThat(published(events, batchA)).isEqualTo(published(events, oneByOneA))
                .anyMatch(e -> e.startsWith(EventType.BILL_DEFECT_FLAGGED.type()))
                .anyMatch(e -> e.startsWith(EventType.BILL_STAGE_CHANGED.type()));
        assertThat(published(events, batchB)).isEqualTo(published(events, oneByOneB));
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsDeadLetteredAndTheRecordsAroundItAreAppliedExactlyOnce() throws Exception {
        String p = billInFirstDebate("it-mid-p");
        String q = billInFirstDebate("it-mid-q");
        CloudEvent stray = vote(ItClient.uniqueId("it-mid-unknown"), Debate.FIRST, VoteOutcome.PASSED,
                LocalDate.of(2023, 4, 11));
        String garbage = "not a CloudEvent either " + UUID.randomUUID();
        Step p1 = Step.of(Debate.FIRST, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        Step p2 = Step.of(Debate.SECOND, VoteOutcome.NO_QUORUM, LocalDate.of(2023, 4, 20));
        Step q1 = Step.of(Debate.FIRST, VoteOutcome.NO_QUORUM, LocalDate.of(2023, 4, 12));
        Step q2 = Step.of(Debate.FIRST, VoteOutcome.PASSED, LocalDate.of(2023, 4, 14));
        double applied = consumed("applied");
        double duplicates = consumed("duplicate");
        double deadLettered = consumed("dead_lettered");

        // the poison records share their neighbours' partitions (same keys)
        sendAsOneBatch(List.of(record(p, p1.on(p)), record(q, q1.on(q)), record(p, stray), Map.entry(q, garbage),
                record(p, p2.on(p)), record(q, q2.on(q))));

        List<ConsumerRecord<String, String>> dead = client.readUntil(Topics.deadLetter(Topics.VOTE_EVENTS), WAIT,
                r -> r.stream().anyMatch(x -> x.value().contains(stray.id()))
                        && r.stream().anyMatch(x -> garbage.equals(x.value())));
        await().atMost(WAIT).until(() -> consumed("applied") == applied + 4);
        Function<String, List<String>> votesOf = id -> bill(id).getTimeline().stream()
                .filter(e -> e.typeName().equals("VOTE")).map(e -> e.causeId()).toList();
        assertThat(votesOf.apply(p)).containsExactly(p1.voteId(), p2.voteId());
        assertThat(votesOf.apply(q)).containsExactly(q1.voteId(), q2.voteId());
        assertThat(bill(p).getProcedure().getStage().name()).isEqualTo("SECOND_DEBATE");
        assertThat(bill(q).getProcedure().getStage().name()).isEqualTo("SECOND_DEBATE");
        // nothing was applied twice: the records after the poison were not applied before it was dead-lettered
        assertThat(consumed("duplicate")).isEqualTo(duplicates);
        assertThat(consumed("dead_lettered")).isEqualTo(deadLettered + 2);

        awaitPublished(p, q);
        List<ConsumerRecord<String, String>> events = client.readAll(Topics.BILL_EVENTS, WAIT);
        for (String billId : List.of(p, q)) {
            List<CloudEvent> recorded = ItClient.eventsOf(events, billId).stream()
                    .filter(e -> e.type().equals(EventType.BILL_ACTION_RECORDED.type()))
                    .collect(Collectors.toMap(CloudEvent::id, e -> e, (x, y) -> x, LinkedHashMap::new)).values().stream()
                    .toList();
            assertThat(recorded).hasSize(4); // filed, assigned, two votes
        }
        List<ConsumerRecord<String, String>> allDead = client.readAll(Topics.deadLetter(Topics.VOTE_EVENTS), WAIT);
        assertThat(allDead.stream().filter(r -> r.value().contains(stray.id()))).hasSize(1);
        assertThat(allDead.stream().filter(r -> garbage.equals(r.value()))).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo(q));
        assertThat(dead).isNotEmpty();
    }

    @Test
    void aBatchRedeliveredChangesNothing() throws Exception {
        String billId = billInFirstDebate("it-again");
        List<CloudEvent> batch = new ArrayList<>(List.of(
                vote(billId, Debate.FIRST, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11)),
                vote(billId, Debate.SECOND, VoteOutcome.PASSED, LocalDate.of(2023, 4, 13)),
                vote(billId, Debate.THIRD, VoteOutcome.NO_QUORUM, LocalDate.of(2023, 5, 2))));
        sendAsOneBatch(batch.stream().map(e -> record(billId, e)).toList());
        await().atMost(WAIT).until(() -> bill(billId).getTimeline().size() == 5);
        awaitPublished(billId);
        Bill before = bill(billId);
        int publishedBefore = published(client.readAll(Topics.BILL_EVENTS, WAIT), billId).size();
        double applied = consumed("applied");
        double duplicates = consumed("duplicate");

        sendAsOneBatch(batch.stream().map(e -> record(billId, e)).toList());

        await().atMost(WAIT).until(() -> consumed("duplicate") == duplicates + batch.size());
        Bill after = bill(billId);
        assertThat(after.getVersion()).isEqualTo(before.getVersion()); // not even written
        assertThat(timeline(after)).isEqualTo(timeline(before));
        assertThat(defects(after)).isEqualTo(defects(before));
        assertThat(after.getOutbox()).isEmpty();
        assertThat(consumed("applied")).isEqualTo(applied);
        assertThat(published(client.readAll(Topics.BILL_EVENTS, WAIT), billId)).hasSize(publishedBefore);
    }
}
