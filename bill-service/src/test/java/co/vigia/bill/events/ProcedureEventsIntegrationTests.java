package co.vigia.bill.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** Votes from vote-service move bills, exactly once, and poison records are dead-lettered; on real Kafka and MongoDB. */
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

    ItClient client;

    @BeforeEach
    void setUp() {
        client = new ItClient(port, bootstrapServers);
    }

    static CloudEvent vote(String billId, Debate debate, VoteOutcome outcome, LocalDate date) {
        VoteTallied data = new VoteTallied(UUID.randomUUID().toString(), null, billId, Chamber.SENATE,
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
}
