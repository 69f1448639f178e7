package co.vigia.vote.objection;

import static co.vigia.vote.VoteFixtures.get;
import static co.vigia.vote.VoteFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.Topics;
import co.vigia.contracts.objection.ObjectionFiled;
import co.vigia.contracts.objection.ObjectionResolved;
import co.vigia.devstack.Seed;
import co.vigia.vote.VoteFixtures;
import co.vigia.vote.VoteFixtures.Response;
import co.vigia.vote.VoteServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ObjectionIntegrationTests extends VoteServiceIntegrationTest {

    @Test
    void theAttorneyGeneralsOpinionIsRecordedOncePublishedAndListed() throws Exception {
        String billId = "bill-" + UUID.randomUUID();
        BILL_SERVICE.knows(billId, "ORDINARY", "FILED");
        String opinion = """
                {"externalId":"%s","billId":"%s","author":"ATTORNEY_GENERAL","authorName":"Francisco Barbosa",
                 "kind":"OPINION","stance":"OPPOSES","articles":["29"],
                 "grounds":"The bill would let the peace commissioner demand the prosecutor's files.",
                 "date":"2023-03-16","documentUrl":"https://example.org/opinion"}
                """.formatted("fiscal-" + billId, billId);
        Response filed = post(port, "/api/objections", opinion);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        assertThat(post(port, "/api/objections", opinion).status()).isEqualTo(200);

        List<CloudEvent> events = VoteFixtures.events(bootstrapServers, Topics.OBJECTION_EVENTS, billId, 1,
                Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(events).hasSize(1);
        ObjectionFiled data = EventCodec.data(events.get(0), ObjectionFiled.class);
        assertThat(data.authorName()).isEqualTo("Francisco Barbosa");
        assertThat(data.articles()).containsExactly("29");

        assertThat(get(port, "/api/objections?billId=" + billId + "&author=ATTORNEY_GENERAL").body()).hasSize(1);
        assertThat(get(port, "/api/objections?billId=" + billId + "&author=PRESIDENT").body()).isEmpty();
        // an opinion has no resolution
        Response resolve = post(port, "/api/objections/" + filed.body().path("id").asString() + "/resolution",
                "{\"resolution\":\"REJECTED\",\"date\":\"2023-04-01\"}");
        assertThat(resolve.status()).isEqualTo(409);
    }

    @Test
    void arts165_166_aPresidentialObjectionOnlyFromThePresidentAndOnlyWhileTheBillAwaitsSanction() throws Exception {
        String billId = "bill-" + UUID.randomUUID();
        BILL_SERVICE.knows(billId, "ORDINARY", "FOURTH_DEBATE");
        Response early = post(port, "/api/objections", objection(billId, "PRESIDENT", "PRESIDENTIAL_OBJECTION_INCONVENIENCE"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("currentStage").asString()).isEqualTo("FOURTH_DEBATE");

        BILL_SERVICE.knows(billId, "ORDINARY", "SENT_TO_SANCTION");
        Response notPresident = post(port, "/api/objections",
                objection(billId, "ATTORNEY_GENERAL", "PRESIDENTIAL_OBJECTION_INCONVENIENCE"));
        assertThat(notPresident.status()).isEqualTo(400);
        assertThat(notPresident.body().path("errors").get(0).path("field").asString()).isEqualTo("author");

        Response filed = post(port, "/api/objections", objection(billId, "PRESIDENT", "PRESIDENTIAL_OBJECTION_INCONVENIENCE"));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String id = filed.body().path("id").asString();

        Response court = post(port, "/api/objections/" + id + "/resolution",
                "{\"resolution\":\"UPHELD_BY_COURT\",\"date\":\"2023-08-01\"}");
        assertThat(court.status()).isEqualTo(400);
        Response overridden = post(port, "/api/objections/" + id + "/resolution",
                "{\"resolution\":\"OVERRIDDEN\",\"date\":\"2023-08-01\"}");
        assertThat(overridden.status()).as(overridden.raw()).isEqualTo(200);
        assertThat(overridden.body().path("resolution").path("resolution").asString()).isEqualTo("OVERRIDDEN");
        assertThat(post(port, "/api/objections/" + id + "/resolution",
                "{\"resolution\":\"ACCEPTED\",\"date\":\"2023-08-01\"}").status()).isEqualTo(409);

        List<CloudEvent> events = VoteFixtures.events(bootstrapServers, Topics.OBJECTION_EVENTS, billId, 2,
                Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(events).extracting(CloudEvent::type)
                .containsExactly("co.vigia.objection.filed", "co.vigia.objection.resolved");
        assertThat(EventCodec.data(events.get(1), ObjectionResolved.class).resolution().name()).isEqualTo("OVERRIDDEN");
    }

    /** The seed's opinions (its roll calls need the bill's stages: RecordSystemTests replays the whole record). */
    @Test
    void theSeedsOpinionsLoadThroughThePublicApiAndLoadingThemTwiceChangesNothing() throws Exception {
        BILL_SERVICE.knows("sometimiento", "ORDINARY", "FILED", "2023-03-15");
        int attorneyGeneral = 0;
        for (JsonNode request : Seed.requests()) {
            if (!"VOTE".equals(request.path("service").asString())
                    || !request.path("path").asString().equals("/api/objections")) {
                continue;
            }
            String body = VoteFixtures.JSON.writeValueAsString(request.path("body"));
            Response first = post(port, request.path("path").asString(), body);
            assertThat(first.status()).as(first.raw()).isIn(200, 201);
            assertThat(post(port, request.path("path").asString(), body).status()).isEqualTo(200);
            if (request.path("body").path("author").asString().equals("ATTORNEY_GENERAL")) {
                attorneyGeneral++;
            }
        }
        assertThat(attorneyGeneral).isGreaterThanOrEqualTo(1);
        JsonNode opinions = get(port, "/api/objections?billId=sometimiento&author=ATTORNEY_GENERAL").body();
        assertThat(opinions).hasSize(attorneyGeneral);
        assertThat(opinions.get(0).path("date").asString()).startsWith("2023-03");
    }

    private static String objection(String billId, String author, String kind) {
        return """
                {"billId":"%s","author":"%s","authorName":"Gustavo Petro","kind":"%s","stance":"OPPOSES",
                 "articles":["3"],"grounds":"Inconvenient.","date":"2023-07-01"}
                """.formatted(billId, author, kind);
    }
}
