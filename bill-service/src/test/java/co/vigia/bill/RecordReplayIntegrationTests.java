package co.vigia.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.bill.support.ItClient;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.Debate;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.Topics;
import co.vigia.contracts.VoteOutcome;
import co.vigia.contracts.objection.ObjectionAuthor;
import co.vigia.contracts.objection.ObjectionFiled;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.Stance;
import co.vigia.contracts.vote.VoteTallied;
import co.vigia.devstack.Seed;
import co.vigia.devstack.test.WithTestInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Replays the record ({@code seed/record.json}) against bill-service on real Kafka and MongoDB: its own requests
 * through the public API, vote-service's roll calls and opinions as the events vote-service publishes for them. Then
 * each bill's stage, deadlines, defects (none: the opposition's claim is a note) and timeline. The whole stack's
 * replay is {@code RecordSystemTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vigia.security.operator-key=" + ItClient.OPERATOR_KEY})
@WithTestInfrastructure
class RecordReplayIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void theRecordLeavesEachBillInItsStageWithItsDeadlinesAndNoFalseDefect() throws Exception {
        ItClient client = new ItClient(port, bootstrapServers);
        for (JsonNode entry : Seed.requests()) {
            if (entry.has("waitFor")) {
                String billId = entry.path("waitFor").path("billId").asString();
                String stage = entry.path("waitFor").path("stage").asString();
                await().atMost(WAIT).until(() -> stage.equals(client.json(client.get("/api/bills/" + billId))
                        .path("stage").asString()));
            }
            JsonNode body = entry.path("body");
            if ("VOTE".equals(entry.path("service").asString())) {
                CloudEvent event = entry.path("path").asString().equals("/api/votes") ? tallied(body) : opinion(body);
                String topic = entry.path("path").asString().equals("/api/votes") ? Topics.VOTE_EVENTS
                        : Topics.OBJECTION_EVENTS;
                kafka.send(topic, body.path("billId").asString(), EventCodec.write(event)).get();
                continue;
            }
            HttpResponse<String> response = client.send(entry.path("method").asString(), entry.path("path").asString(),
                    entry.has("body") ? ItClient.JSON.writeValueAsString(body) : "", ItClient.OPERATOR_KEY, Map.of());
            assertThat(response.statusCode()).as(entry + " -> " + response.body()).isIn(200, 201);
        }
        await().atMost(WAIT).until(() -> client.json(client.get("/api/bills/sometimiento/timeline"))
                .path("entries").size() == 7);

        JsonNode paz = client.json(client.get("/api/bills/paz-total"));
        assertThat(paz.path("stage").asString()).isEqualTo("SANCTIONED");
        assertThat(paz.path("lawNumber").asString()).isEqualTo("2272 de 2022");
        assertThat(paz.path("deadlines").size()).isZero();
        assertThat(client.json(client.get("/api/bills/paz-total/defects")).path("count").asInt())
                .as("the unannounced-vote claim is a note, not an inferred defect").isZero();
        JsonNode pazEntries = client.json(client.get("/api/bills/paz-total/timeline")).path("entries");
        assertThat(pazEntries.size()).isEqualTo(21);
        List<String> path = new ArrayList<>();
        for (JsonNode entry : pazEntries) {
            assertThat(entry.path("sourceUrl").asString()).as(entry.toString()).startsWith("http");
            path.add(entry.path("date").asString() + " " + entry.path("stageAfter").asString());
        }
        assertThat(path).containsSubsequence("2022-10-12 SECOND_DEBATE", "2022-10-24 SECOND_DEBATE",
                "2022-10-26 SENT_TO_SANCTION", "2022-10-26 CONCILIATION", "2022-11-03 SENT_TO_SANCTION",
                "2022-11-04 SANCTIONED");
        assertThat(pazEntries.findValues("approximate").stream().filter(JsonNode::asBoolean).count()).isEqualTo(3);

        JsonNode st = client.json(client.get("/api/bills/sometimiento"));
        assertThat(st.path("stage").asString()).isEqualTo("ARCHIVED");
        assertThat(st.path("archiveReason").asString()).isEqualTo("LAPSED");
        assertThat(st.path("stageSince").asString()).isEqualTo("2023-06-20");
        assertThat(st.path("deadlines").size()).isEqualTo(1);
        assertThat(st.path("deadlines").get(0).path("kind").asString()).isEqualTo("LEGISLATURE_LIMIT");
        assertThat(st.path("deadlines").get(0).path("dueOn").asString()).isEqualTo("2023-06-20");
        assertThat(st.path("deadlines").get(0).path("article").asString()).isEqualTo("art. 162");
        assertThat(st.path("defects").size()).isZero();
    }

    /** What vote-service publishes for a roll call of the record (all of them by their declared result). */
    static CloudEvent tallied(JsonNode roll) {
        JsonNode totals = roll.path("totals");
        VoteOutcome outcome = VoteOutcome.valueOf(roll.path("declaredOutcome").asString("PASSED"));
        VoteTallied data = new VoteTallied("vote-" + roll.path("externalId").asString(), roll.path("externalId").asString(),
                roll.path("billId").asString(), Chamber.valueOf(roll.path("chamber").asString()),
                roll.path("body").path("name").asString(null), Debate.valueOf(roll.path("debate").asString()),
                LocalDate.parse(roll.path("date").asString()), roll.path("seats").asInt(0), totals.path("yes").asInt(0),
                totals.path("no").asInt(0), 0, 0, 0, true, "SIMPLE", 0, outcome, true, null,
                !roll.has("declaredOutcome"), roll.path("sourceUrl").asString(null));
        return EventCodec.create("/test/vote-service", data, Instant.now());
    }

    static CloudEvent opinion(JsonNode body) {
        ObjectionFiled data = new ObjectionFiled("objection-" + body.path("externalId").asString(),
                body.path("billId").asString(), ObjectionAuthor.valueOf(body.path("author").asString()),
                body.path("authorName").asString(), ObjectionKind.valueOf(body.path("kind").asString()),
                Stance.valueOf(body.path("stance").asString()), List.of(), LocalDate.parse(body.path("date").asString()),
                body.path("grounds").asString(), body.path("documentUrl").asString());
        return EventCodec.create("/test/vote-service", data, Instant.now());
    }
}
