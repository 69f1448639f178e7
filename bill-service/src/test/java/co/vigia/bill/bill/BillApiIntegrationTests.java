package co.vigia.bill.bill;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.bill.support.ItClient;
import co.vigia.devstack.Seed;
import co.vigia.devstack.test.WithTestInfrastructure;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The bill API over HTTP on real MongoDB: registration, actions, errors as problem+json, ETags, the Atom feed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vigia.security.operator-key=" + ItClient.OPERATOR_KEY, "vigia.clock.adjustable=true",
                "vigia.public-base-url=https://vigia.example.org/"})
@WithTestInfrastructure
class BillApiIntegrationTests {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    ItClient client;

    @BeforeEach
    void setUp() {
        client = new ItClient(port, bootstrapServers);
    }

    @Test
    void aBillIsRegisteredReadAndMovedByActionsWithItsDeadlines() {
        String id = ItClient.uniqueId("it-api");
        HttpResponse<String> created = client.post("/api/bills", ItClient.newBill(id));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/bills/" + id);
        JsonNode bill = client.json(created);
        assertThat(bill.path("stage").asString()).isEqualTo("FILED");
        assertThat(bill.path("kind").asString()).isEqualTo("ORDINARY");
        assertThat(bill.path("originChamber").asString()).isEqualTo("SENATE");
        assertThat(bill.path("urgent").asBoolean()).isFalse();

        HttpResponse<String> action = client.post("/api/bills/" + id + "/actions", """
                {"type":"ASSIGNED_TO_COMMITTEE","date":"2023-03-22","text":"Repartido a la Comisión Primera",
                 "chamber":"SENATE","number":"123/2023","sourceUrl":"https://example.org/gaceta"}""");
        assertThat(action.statusCode()).isEqualTo(201);
        assertThat(client.json(action).path("stage").asString()).isEqualTo("FIRST_DEBATE");

        JsonNode read = client.json(client.get("/api/bills/" + id));
        assertThat(read.path("numbers").path("SENATE").asString()).isEqualTo("123/2023");
        assertThat(read.path("deadlines").findValues("kind").stream().map(JsonNode::asString))
                .contains("END_OF_LEGISLATURE", "LEGISLATURE_LIMIT");
        assertThat(read.path("allowedActions").toString()).contains("WITHDRAWN");

        JsonNode timeline = client.json(client.get("/api/bills/" + id + "/timeline"));
        assertThat(timeline.path("entries").findValues("type").stream().map(JsonNode::asString))
                .containsExactly("FILED", "ACTION");
        assertThat(timeline.path("entries").get(1).path("recordedBy").asString()).isEqualTo("operator");

        JsonNode list = client.json(client.get("/api/bills?q=SUJECI%C3%93N&stage=FIRST_DEBATE&topic=paz-total&size=100"));
        assertThat(list.path("items").findValues("id").stream().map(JsonNode::asString)).contains(id);
        assertThat(client.json(client.get("/api/bills?stage=SANCTIONED&q=" + id)).path("total").asLong()).isZero();
        assertThat(client.json(client.get("/api/bills?chamber=SENATE&q=" + id)).path("total").asLong()).isEqualTo(1);
        assertThat(client.json(client.get("/api/bills?chamber=HOUSE&q=" + id)).path("total").asLong()).isZero();
        // text search reaches the topics too: "PAZ-TOT" finds the bill of topic paz-total
        assertThat(client.json(client.get("/api/bills?q=PAZ-TOT&size=100")).path("items").findValues("id").stream()
                .map(JsonNode::asString)).contains(id);
    }

    @Test
    void billReadsCarryAnEtagAndIfNoneMatchAnswers304() {
        String id = ItClient.uniqueId("it-etag");
        client.post("/api/bills", ItClient.newBill(id));
        for (String path : new String[] {"/api/bills/" + id, "/api/bills/" + id + "/timeline", "/api/bills/" + id + "/feed.atom"}) {
            HttpResponse<String> first = client.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = client.send("GET", path, null, null, Map.of("If-None-Match", etag));
            assertThat(again.statusCode()).as(path).isEqualTo(304);
        }
        String before = client.get("/api/bills/" + id).headers().firstValue("ETag").orElseThrow();
        client.post("/api/bills/" + id + "/actions", "{\"type\":\"NOTE\",\"date\":\"2023-03-16\",\"text\":\"Publicado\"}");
        assertThat(client.send("GET", "/api/bills/" + id, null, null, Map.of("If-None-Match", before)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theAtomFeedIsAValidFeedOfTheTimeline() throws Exception {
        String id = ItClient.uniqueId("it-feed");
        client.post("/api/bills", ItClient.newBill(id));
        client.post("/api/bills/" + id + "/actions", "{\"type\":\"ASSIGNED_TO_COMMITTEE\",\"date\":\"2023-03-22\"}");
        HttpResponse<String> response = client.get("/api/bills/" + id + "/feed.atom");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).hasSize(2);
        assertThat(feed.getEntries().get(0).getTitle()).contains("ASSIGNED_TO_COMMITTEE").contains("FIRST_DEBATE");
    }

    @Test
    void theFeedLinksToTheConfiguredPublicUrlWhateverHostTheRequestNames() throws Exception {
        String id = ItClient.uniqueId("it-feed-host");
        client.post("/api/bills", ItClient.newBill(id));
        String raw;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/bills/" + id + "/feed.atom HTTP/1.1\r\nHost: evil.example\r\n"
                    + "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: http\r\nForwarded: host=evil.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(raw).startsWith("HTTP/1.1 200").doesNotContain("evil.example");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(raw.substring(raw.indexOf("<?xml"))));
        assertThat(feed.getLinks()).extracting(com.rometools.rome.feed.synd.SyndLink::getHref)
                .containsExactlyInAnyOrder("https://vigia.example.org/api/bills/" + id + "/feed.atom",
                        "https://vigia.example.org/api/bills/" + id);
    }

    @Test
    void anIllegalTransitionIs409NamingTheStageAndTheAllowedActionsAndStoresNothing() {
        String id = ItClient.uniqueId("it-409");
        client.post("/api/bills", ItClient.newBill(id));
        HttpResponse<String> refused = client.post("/api/bills/" + id + "/actions",
                "{\"type\":\"SANCTIONED\",\"date\":\"2023-03-22\",\"lawNumber\":\"9999\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = client.json(refused);
        assertThat(problem.path("currentStage").asString()).isEqualTo("FILED");
        assertThat(problem.path("allowedActions").toString()).contains("ASSIGNED_TO_COMMITTEE").doesNotContain("\"SANCTIONED\"");
        JsonNode bill = client.json(client.get("/api/bills/" + id));
        assertThat(bill.path("timelineEntries").asInt()).isEqualTo(1);
        assertThat(bill.path("lawNumber").isNull() || bill.path("lawNumber").isMissingNode()).isTrue();
    }

    @Test
    void errorsAreProblemJsonNamingEachFieldAndNothingIsStored() {
        HttpResponse<String> invalid = client.post("/api/bills",
                "{\"id\":\"Not A Slug\",\"kind\":\"ORDINARY\",\"filedOn\":\"2023-03-15\",\"originChamber\":\"SENATE\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(client.json(invalid).path("errors").findValues("field").stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("id", "title");
        assertThat(client.get("/api/bills/Not%20A%20Slug").statusCode()).isEqualTo(404);

        String id = ItClient.uniqueId("it-err");
        HttpResponse<String> crossField = client.post("/api/bills", """
                {"id":"%s","title":"t","kind":"ORDINARY","lawNumber":"1","filedOn":"2023-03-15"}""".formatted(id));
        assertThat(crossField.statusCode()).isEqualTo(400);
        assertThat(client.json(crossField).path("errors").findValues("field").stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("originChamber", "lawNumber");
        assertThat(client.get("/api/bills/" + id).statusCode()).isEqualTo(404);

        assertThat(client.post("/api/bills", ItClient.newBill(id)).statusCode()).isEqualTo(201);
        assertThat(client.post("/api/bills", ItClient.newBill(id)).statusCode()).isEqualTo(409);
        HttpResponse<String> badType = client.post("/api/bills/" + id + "/actions", "{\"type\":\"PARTY\",\"date\":\"2023-03-22\"}");
        assertThat(badType.statusCode()).isEqualTo(400);
        HttpResponse<String> noDate = client.post("/api/bills/" + id + "/actions", "{\"type\":\"NOTE\"}");
        assertThat(client.json(noDate).path("errors").findValues("field").stream().map(JsonNode::asString)).containsExactly("date");
        HttpResponse<String> beforeFiling = client.post("/api/bills/" + id + "/actions", "{\"type\":\"NOTE\",\"date\":\"2023-03-01\"}");
        assertThat(client.json(beforeFiling).path("errors").findValues("field").stream().map(JsonNode::asString)).containsExactly("date");
        assertThat(client.json(client.get("/api/bills/" + id)).path("timelineEntries").asInt()).isEqualTo(1);

        HttpResponse<String> unknown = client.get("/api/bills/no-such-bill");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(client.post("/api/bills/no-such-bill/actions", "{\"type\":\"NOTE\",\"date\":\"2023-03-22\"}").statusCode())
                .isEqualTo(404);
        assertThat(client.send("POST", "/api/bills", ItClient.newBill(ItClient.uniqueId("it-anon")), null, Map.of())
                .statusCode()).isEqualTo(401);
    }

    @Test
    void aSanctionedLawFromTheRecordIsImportedWithOnlyItsKnownFacts() {
        String id = ItClient.uniqueId("it-law");
        HttpResponse<String> created = client.post("/api/bills", """
                {"id":"%s","title":"Ley de paz total","kind":"ORDINARY","stage":"SANCTIONED","lawNumber":"2272 de 2022",
                 "sanctionedOn":"2022-11-04","note":"Sancionada; Diario Oficial 52.208"}""".formatted(id));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode bill = client.json(created);
        assertThat(bill.path("stage").asString()).isEqualTo("SANCTIONED");
        assertThat(bill.path("filedOn").isNull()).isTrue();
        assertThat(bill.path("deadlines").size()).isZero();
        JsonNode entry = client.json(client.get("/api/bills/" + id + "/timeline")).path("entries").get(0);
        assertThat(entry.path("type").asString()).isEqualTo("IMPORTED");
        assertThat(entry.path("date").asString()).isEqualTo("2022-11-04");
        assertThat(client.post("/api/bills/" + id + "/actions", """
                {"type":"COURT_RULING","date":"2023-03-01","text":"C-525/2023"}""").statusCode()).isEqualTo(201);
    }

    @Test
    void theSeedsBillsLoadThroughThePublicApiAndTheSubmissionBillLapsesOn20June2023() {
        // registrations: loading twice is harmless (409)
        List<JsonNode> bills = Seed.requests().stream().filter(r -> r.path("service").asString().equals("BILL")
                && r.path("path").asString().equals("/api/bills")).toList();
        assertThat(bills).hasSize(2);
        for (int round = 0; round < 2; round++) {
            for (JsonNode request : bills) {
                HttpResponse<String> response = client.send("POST", "/api/bills",
                        ItClient.JSON.writeValueAsString(request.path("body")), ItClient.OPERATOR_KEY, Map.of());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(round == 0 ? 201 : 409);
            }
        }
        // the submission bill's own actions need no vote: its report, its publication, then the deadline clock
        for (JsonNode request : Seed.requests()) {
            if (request.path("path").asString().equals("/api/bills/sometimiento/actions") && !request.has("waitFor")) {
                HttpResponse<String> response = client.send("POST", request.path("path").asString(),
                        ItClient.JSON.writeValueAsString(request.path("body")), ItClient.OPERATOR_KEY, Map.of());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            }
        }
        HttpResponse<String> scan = client.send("POST", "/api/ops/deadlines/scan", "", ItClient.OPERATOR_KEY, Map.of());
        assertThat(scan.statusCode()).as(scan.body()).isEqualTo(200);
        JsonNode sometimiento = client.json(client.get("/api/bills/sometimiento"));
        assertThat(sometimiento.path("stage").asString()).isEqualTo("ARCHIVED");
        assertThat(sometimiento.path("archiveReason").asString()).isEqualTo("LAPSED");
        assertThat(sometimiento.path("stageSince").asString()).as("on its due date, not the scan's").isEqualTo("2023-06-20");
        assertThat(sometimiento.path("deadlines").get(0).path("dueOn").asString()).isEqualTo("2023-06-20");
        assertThat(sometimiento.path("defects").size()).isZero();
        JsonNode pazTotal = client.json(client.get("/api/bills/paz-total"));
        assertThat(pazTotal.path("numbers").path("HOUSE").asString()).isEqualTo("160 de 2022 Cámara");
    }
}
