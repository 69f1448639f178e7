package co.vigia.vote.rollcall;

import static co.vigia.vote.VoteFixtures.get;
import static co.vigia.vote.VoteFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.Topics;
import co.vigia.contracts.bill.BillRegistered;
import co.vigia.contracts.vote.VoteTallied;
import co.vigia.vote.VoteFixtures;
import co.vigia.vote.VoteFixtures.Response;
import co.vigia.vote.VoteServiceIntegrationTest;
import co.vigia.vote.billfacts.BillFactsReadModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

class RollCallIntegrationTests extends VoteServiceIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(RollCallIntegrationTests.class);

    @Autowired
    BillFactsReadModel readModel;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRollCallIsTalliedAndPublishedOnceHoweverOftenItIsPosted() throws Exception {
        String billId = "bill-" + UUID.randomUUID();
        registerBill(billId, BillKind.ORDINARY, "FIRST_DEBATE");
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(billId).isPresent());

        String externalId = "senado-c1-" + UUID.randomUUID();
        String body = committeeVote(externalId, billId, 12, 5, 2);
        Response created = post(port, "/api/votes", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().path("status").asString()).isEqualTo("TALLIED");
        assertThat(created.body().path("verdict").path("outcome").asString()).isEqualTo("PASSED");
        assertThat(created.body().path("verdict").path("requiredMajority").asString()).isEqualTo("SIMPLE");
        String voteId = created.body().path("id").asString();

        Response again = post(port, "/api/votes", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asString()).isEqualTo(voteId);

        Response changed = post(port, "/api/votes", committeeVote(externalId, billId, 11, 6, 2));
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.body().path("errors").get(0).path("field").asString()).isEqualTo("externalId");

        List<CloudEvent> events = VoteFixtures.events(bootstrapServers, Topics.VOTE_EVENTS, billId, 1,
                Duration.ofSeconds(30), Duration.ofSeconds(3));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo("co.vigia.vote.tallied");
        assertThat(events.get(0).subject()).isEqualTo(billId);
        VoteTallied tallied = EventCodec.data(events.get(0), VoteTallied.class);
        assertThat(tallied.voteId()).isEqualTo(voteId);
        assertThat(tallied.yes()).isEqualTo(12);
        assertThat(tallied.quorumPresent()).isTrue();
        assertThat(tallied.votesNeeded()).as("more than half of the 19 present").isEqualTo(10);
        assertThat(tallied.totalsOnly()).isFalse();
        // the event was written in the roll call's outbox and is removed from it once acknowledged
        assertThat(events.get(0).id()).isEqualTo(VoteTalliedEvents.eventId(voteId));
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(voteId, org.bson.Document.class,
                RollCall.COLLECTION).getList("outbox", org.bson.Document.class).isEmpty());

        JsonNode detail = get(port, "/api/votes/" + voteId).body();
        assertThat(detail.path("members")).hasSize(19);
        JsonNode parties = get(port, "/api/votes/" + voteId + "/parties").body().path("parties");
        assertThat(parties.get(0).path("party").asString()).isEqualTo("Pacto Histórico");
        assertThat(parties.get(0).path("cohesion").asDouble()).isEqualTo(1.0);
        JsonNode member = get(port, "/api/members/" + billId + "-m0/votes").body();
        assertThat(member.path("votes")).hasSize(1);
        assertThat(member.path("votes").get(0).path("vote").asString()).isEqualTo("YES");
        assertThat(get(port, "/api/votes?billId=" + billId + "&chamber=SENATE&from=2023-01-01&to=2023-12-31").body())
                .hasSize(1);
    }

    @Test
    void withBillServiceDownAVoteWaitsAndIsPublishedWhenTheBillsRegisteredEventArrives() throws Exception {
        circuitBreaker().transitionToForcedOpenState();
        String billId = "bill-" + UUID.randomUUID();
        Response accepted = post(port, "/api/votes", committeeVote("ext-" + UUID.randomUUID(), billId, 10, 6, 3));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        assertThat(accepted.body().path("status").asString()).isEqualTo("WAITING_FOR_BILL");
        String voteId = accepted.body().path("id").asString();
        assertThat(meters.get("vigia.votes.waiting").gauge().value()).isGreaterThanOrEqualTo(1);

        registerBill(billId, BillKind.STATUTORY, "FIRST_DEBATE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(port, "/api/votes/" + voteId).body().path("status").asString()).isEqualTo("TALLIED"));
        JsonNode verdict = get(port, "/api/votes/" + voteId).body().path("verdict");
        // art. 153: a statutory law needs 10 of 19 members; 10 yes is just enough
        assertThat(verdict.path("requiredMajority").asString()).isEqualTo("ABSOLUTE");
        assertThat(verdict.path("outcome").asString()).isEqualTo("PASSED");
        List<CloudEvent> events = VoteFixtures.events(bootstrapServers, Topics.VOTE_EVENTS, billId, 1,
                Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(events).hasSize(1);
        assertThat(EventCodec.data(events.get(0), VoteTallied.class).requiredMajority()).isEqualTo("ABSOLUTE");
    }

    @Test
    void aWaitingVoteIsTalliedByThePeriodicRetryOnceBillServiceAnswersAgain() throws Exception {
        circuitBreaker().transitionToForcedOpenState();
        String billId = "bill-" + UUID.randomUUID();
        Response accepted = post(port, "/api/votes", committeeVote("ext-" + UUID.randomUUID(), billId, 9, 8, 2));
        assertThat(accepted.status()).isEqualTo(202);
        String voteId = accepted.body().path("id").asString();

        BILL_SERVICE.knows(billId, "ORDINARY", "FIRST_DEBATE"); // no event: only the retry can learn it
        circuitBreaker().reset();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(port, "/api/votes/" + voteId).body().path("status").asString()).isEqualTo("TALLIED"));
        assertThat(VoteFixtures.events(bootstrapServers, Topics.VOTE_EVENTS, billId, 1, Duration.ofSeconds(30),
                Duration.ofMillis(500))).hasSize(1);
    }

    @Test
    void aBillThatBillServiceDoesNotKnowIs404AndNothingIsStored() throws Exception {
        String billId = "bill-" + UUID.randomUUID();
        Response response = post(port, "/api/votes", committeeVote("ext-" + UUID.randomUUID(), billId, 9, 8, 2));
        assertThat(response.status()).isEqualTo(404);
        assertThat(get(port, "/api/votes?billId=" + billId).body()).isEmpty();
    }

    @Test
    void inconsistentRollCallsAreRefusedWithTheFieldAndNothingIsStored() throws Exception {
        String billId = "bill-" + UUID.randomUUID();
        BILL_SERVICE.knows(billId, "ORDINARY", "FIRST_DEBATE");
        String twice = committeeVote("ext-" + UUID.randomUUID(), billId, 9, 8, 2)
                .replace("\"memberId\":\"" + billId + "-m1\"", "\"memberId\":\"" + billId + "-m0\"");
        Response response = post(port, "/api/votes", twice);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo("members[1].memberId");
        String future = committeeVote("ext-" + UUID.randomUUID(), billId, 9, 8, 2)
                .replace("2023-04-19", LocalDate.now().plusDays(3).toString());
        assertThat(post(port, "/api/votes", future).body().path("errors").get(0).path("field").asString())
                .isEqualTo("date");
        String tooMany = committeeVote("ext-" + UUID.randomUUID(), billId, 9, 8, 2).replace("\"seats\":19", "\"seats\":15");
        assertThat(post(port, "/api/votes", tooMany).body().path("detail").asString())
                .contains("19 votes recorded for a body of 15 seats");
        assertThat(get(port, "/api/votes?billId=" + billId).body()).isEmpty();
    }

    @Test
    void aBatchOf2000RollCallsOf188MembersIsIngestedInOneCall() throws Exception {
        String billId = "bill-" + UUID.randomUUID();
        BILL_SERVICE.knows(billId, "ORDINARY", "SECOND_DEBATE");
        int count = 2000;
        String runId = UUID.randomUUID().toString();
        StringBuilder body = new StringBuilder(count * 19_000).append('[');
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append(houseVote(runId + "-" + i, billId, i));
        }
        body.append(']');

        Response small = post(port, "/api/votes:batch", "[" + houseVote(runId + "-small", billId, 0) + "]");
        assertThat(small.status()).as(small.raw()).isEqualTo(200);

        long started = System.nanoTime();
        Response response = post(port, "/api/votes:batch", body.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(response.status()).as(response.raw().substring(0, Math.min(500, response.raw().length())))
                .isEqualTo(200);
        log.info("BATCH RATE: {} roll calls of 188 members ingested in {} s = {} roll calls/s ({} MB body)",
                count, String.format("%.2f", seconds), String.format("%.0f", count / seconds),
                String.format("%.1f", body.length() / 1e6));
        assertThat(response.body().path("created").asInt()).isEqualTo(count);
        JsonNode items = response.body().path("items");
        assertThat(items).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(items.get(i).path("index").asInt()).isEqualTo(i);
            assertThat(items.get(i).path("externalId").asString()).isEqualTo(runId + "-" + i);
            assertThat(items.get(i).path("result").asString()).isEqualTo("CREATED");
            assertThat(items.get(i).path("voteStatus").asString()).isEqualTo("TALLIED");
        }

        long publishStarted = System.nanoTime();
        // each event is removed from its roll call's outbox once Kafka acknowledged it
        Query waiting = new Query(Criteria.where("billId").is(billId).and("outbox.eventId").exists(true));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> mongo.count(waiting, RollCall.COLLECTION) == 0);
        double publishSeconds = (System.nanoTime() - started) / 1e9;
        log.info("BATCH PUBLISHED: all {} co.vigia.vote.tallied events acknowledged by Kafka {} s after the request "
                        + "started ({} s after the answer)", count, String.format("%.2f", publishSeconds),
                String.format("%.2f", (System.nanoTime() - publishStarted) / 1e9));

        // the same batch again, as NDJSON, with one bad item and one new one: per-item answers
        StringBuilder ndjson = new StringBuilder();
        ndjson.append(houseVote(runId + "-0", billId, 0)).append('\n');
        ndjson.append(houseVote(runId + "-bad", billId, 1).replace("\"seats\":188", "\"seats\":100")).append('\n');
        ndjson.append("{\"externalId\":\"x\",\"chamber\":\"SENADO\"}\n");
        ndjson.append(houseVote(runId + "-new", billId, 2)).append('\n');
        Response mixed = VoteFixtures.send(port, "POST", "/api/votes:batch", ndjson.toString(),
                RollCallBatchController.NDJSON);
        assertThat(mixed.status()).isEqualTo(200);
        JsonNode results = mixed.body().path("items");
        assertThat(results.get(0).path("result").asString()).isEqualTo("DUPLICATE");
        assertThat(results.get(1).path("result").asString()).isEqualTo("REJECTED");
        assertThat(results.get(1).path("reason").asString()).contains("188 votes recorded for a body of 100 seats");
        assertThat(results.get(2).path("result").asString()).isEqualTo("REJECTED");
        assertThat(results.get(2).path("reason").asString()).contains("chamber");
        assertThat(results.get(3).path("result").asString()).isEqualTo("CREATED");
        assertThat(mixed.body().path("created").asInt()).isEqualTo(1);
    }

    private void registerBill(String billId, BillKind kind, String stage) throws Exception {
        CloudEvent event = EventCodec.create("/vigia/bill-service", new BillRegistered(billId, "Proyecto " + billId,
                kind, Chamber.SENATE, stage, true, LocalDate.of(2023, 3, 15)), Instant.now());
        kafka.send(Topics.BILL_EVENTS, billId, EventCodec.write(event)).get();
    }

    /** A 19-member Senate committee roll call: yes, no, then abstentions, the rest absent. */
    static String committeeVote(String externalId, String billId, int yes, int no, int abstain) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 19; i++) {
            String vote = i < yes ? "YES" : i < yes + no ? "NO" : i < yes + no + abstain ? "ABSTAIN" : "ABSENT";
            String party = i < yes ? "Pacto Histórico" : "Centro Democrático";
            members.append(i == 0 ? "" : ",").append("{\"memberId\":\"").append(billId).append("-m").append(i)
                    .append("\",\"name\":\"Senador ").append(i).append("\",\"party\":\"").append(party)
                    .append("\",\"vote\":\"").append(vote).append("\"}");
        }
        return "{\"externalId\":\"" + externalId + "\",\"billId\":\"" + billId + "\",\"chamber\":\"SENATE\","
                + "\"body\":{\"kind\":\"COMMITTEE\",\"name\":\"Comisión Primera Constitucional del Senado\"},"
                + "\"debate\":\"FIRST\",\"date\":\"2023-04-19\",\"motion\":\"Aprobar la proposición con que termina "
                + "el informe de ponencia\",\"seats\":19,\"members\":[" + members + "]}";
    }

    /** A 188-member House plenary roll call. */
    static String houseVote(String externalId, String billId, int seed) {
        StringBuilder members = new StringBuilder(19_000);
        String[] parties = {"Pacto Histórico", "Liberal", "Conservador", "Centro Democrático", "Cambio Radical", "La U"};
        for (int i = 0; i < 188; i++) {
            int r = (i * 31 + seed * 7) % 10;
            String vote = r < 6 ? "YES" : r < 8 ? "NO" : r < 9 ? "ABSTAIN" : "ABSENT";
            members.append(i == 0 ? "" : ",").append("{\"memberId\":\"rep-").append(i).append("\",\"name\":\"Representante ")
                    .append(i).append("\",\"party\":\"").append(parties[i % parties.length]).append("\",\"vote\":\"")
                    .append(vote).append("\"}");
        }
        return "{\"externalId\":\"" + externalId + "\",\"billId\":\"" + billId + "\",\"chamber\":\"HOUSE\","
                + "\"body\":{\"kind\":\"PLENARY\"},\"debate\":\"SECOND\",\"date\":\"2023-05-10\",\"motion\":\"Aprobar el "
                + "articulado\",\"seats\":188,\"members\":[" + members + "]}";
    }
}
