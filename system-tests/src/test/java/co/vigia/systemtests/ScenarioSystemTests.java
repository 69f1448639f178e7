package co.vigia.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.Topics;
import co.vigia.devstack.Seed;
import co.vigia.testsupport.Api;
import co.vigia.testsupport.TestStack;
import co.vigia.testsupport.TopicReader;
import co.vigia.testsupport.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A story through the public APIs only, across the three services as processes: the record's two bills and the
 * scenario's own; an NGO following that bill's bill and objection events, another following everything; the committee
 * assignment, the attorney-general's opinion, a first debate that passes, a plenary without quorum, the
 * deadline clock nearing the end of the legislature. Then: stages, timelines, deadlines, the Atom feed, the
 * exact webhooks each NGO received (verified, in order per bill), and every record on Kafka read and
 * validated by a non-Java client.
 */
class ScenarioSystemTests {

    static TestStack stack;
    static WebhookReceiver receiver;
    static Vigia vigia;

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start();
        stack = SystemStack.start("scenario", receiver.port(), Map.of());
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

    @Test
    void theSubmissionBillsStoryReachesEachNgoSignedAndInOrder() throws Exception {
        String followerKey = vigia.subscriber("fundacion-paz");
        vigia.subscribe(followerKey, "follower", List.of("co.vigia.bill.*", "co.vigia.objection.*"), List.of("escenario"));
        String watcherKey = vigia.subscriber("observatorio");
        vigia.subscribe(watcherKey, "watcher", List.of("*"), List.of());

        // the two bills of the record, as run-local.sh --seed loads them
        Seed.load(stack.devstack());
        assertThat(stack.bill.get("/api/bills/paz-total").expect(200).json().path("stage").asString()).isEqualTo("SANCTIONED");
        assertThat(stack.bill.get("/api/bills/sometimiento").expect(200).json().path("stage").asString()).isEqualTo("ARCHIVED");

        // the scenario's own bill (invented: the record's bills keep only facts with a source)
        vigia.bill("escenario", "Proyecto de ley del escenario", "2023-03-15");
        // the committee assignment, the attorney-general's opinion, a first debate that passes
        vigia.action("escenario", "ASSIGNED_TO_COMMITTEE", "2023-03-22", "Comisión Primera del Senado");
        stack.vote.post("/api/objections", Map.of("externalId", "escenario-fiscalia", "billId", "escenario",
                "author", "ATTORNEY_GENERAL", "authorName", "Fiscal General de la Nación", "kind", "OPINION",
                "stance", "OPPOSES", "grounds", "An opinion for the scenario", "date", "2023-03-23")).expect(201);
        JsonNode firstDebate = stack.vote.post("/api/votes", Vigia.rollCall("st-senado-c1-1", "escenario", "FIRST",
                "COMMITTEE", "Comisión Primera del Senado", "2023-05-10", 19, 12, 4, 3)).json();
        assertThat(firstDebate.path("verdict").path("outcome").asString()).isEqualTo("PASSED");
        await().atMost(30, TimeUnit.SECONDS).until(() -> "SECOND_DEBATE".equals(stage("escenario")));

        // a plenary vote without quorum: 45 of 108 present
        JsonNode plenary = stack.vote.post("/api/votes", Vigia.rollCall("st-senado-plenaria-1", "escenario", "SECOND",
                "PLENARY", null, "2023-05-24", 108, 40, 5, 63)).json();
        assertThat(plenary.path("verdict").path("outcome").asString()).isEqualTo("NO_QUORUM");
        await().atMost(30, TimeUnit.SECONDS).until(() -> timeline("escenario").toString().contains("NO_QUORUM"));
        assertThat(stage("escenario")).as("no quorum moves nothing").isEqualTo("SECOND_DEBATE");

        // the deadline clock a week before the legislature ends on 20 June 2023
        stack.bill.put("/api/ops/clock", Map.of("now", "2023-06-13T12:00:00Z")).expect(200);
        JsonNode bill = stack.bill.get("/api/bills/escenario").expect(200).json();
        assertThat(bill.path("deadlines").toString()).contains("2023-06-20");

        // the timeline and the Atom feed tell the same story
        JsonNode entries = timeline("escenario").path("entries");
        String kinds = entries.toString();
        assertThat(kinds).contains("ASSIGNED_TO_COMMITTEE", "ATTORNEY_GENERAL", "PASSED", "NO_QUORUM");
        Api.Response feed = stack.bill.get("/api/bills/escenario/feed.atom").expect(200);
        assertThat(feed.body()).startsWith("<?xml").contains("http://www.w3.org/2005/Atom");
        assertThat(feed.body().split("<entry>", -1).length - 1).isEqualTo(entries.size());

        // every webhook each NGO should get, derived from what is on Kafka
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> events().stream().anyMatch(e -> e.type().equals("co.vigia.bill.deadline-approaching")));
        List<CloudEvent> all = events();
        Predicate<CloudEvent> follower = e -> "escenario".equals(e.subject())
                && (e.type().startsWith("co.vigia.bill.") || e.type().startsWith("co.vigia.objection."));
        Map<String, List<CloudEvent>> expected = new LinkedHashMap<>();
        expected.put("follower", all.stream().filter(follower).toList());
        expected.put("watcher", all);
        assertThat(expected.get("follower")).extracting(CloudEvent::type).contains("co.vigia.bill.registered",
                "co.vigia.bill.stage-changed", "co.vigia.objection.filed", "co.vigia.bill.deadline-approaching")
                .doesNotContain("co.vigia.vote.tallied");
        assertThat(expected.get("watcher")).extracting(CloudEvent::type).contains("co.vigia.vote.tallied");

        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() ->
                receiver.received("/follower").size() >= expected.get("follower").size()
                        && receiver.received("/watcher").size() >= expected.get("watcher").size());

        Map<String, List<String>> expectedIds = new LinkedHashMap<>();
        expected.forEach((endpoint, events) -> expectedIds.put(endpoint, events.stream().map(CloudEvent::id).toList()));
        Accounting accounting = Accounting.of("scenario", all.size(), expectedIds, receiver.received(), "two NGOs");
        assertThat(accounting.lost()).isZero();
        assertThat(accounting.duplicates()).isZero();

        for (String endpoint : expected.keySet()) {
            List<WebhookReceiver.Received> got = receiver.received("/" + endpoint);
            assertThat(got).allMatch(WebhookReceiver.Received::verified, "verified by the Standard Webhooks library");
            assertThat(got).extracting(WebhookReceiver.Received::webhookId)
                    .containsExactlyInAnyOrderElementsOf(expectedIds.get(endpoint));
            // per bill, in the order the bill's events were published
            for (String billId : List.of("escenario", "paz-total", "sometimiento")) {
                List<String> sent = expected.get(endpoint).stream().filter(e -> billId.equals(e.subject()))
                        .filter(e -> e.type().startsWith("co.vigia.bill.")).map(CloudEvent::id).toList();
                List<String> received = got.stream().filter(r -> billId.equals(r.subject()))
                        .filter(r -> r.type().startsWith("co.vigia.bill.")).map(WebhookReceiver.Received::webhookId).toList();
                assertThat(received).as(endpoint + " " + billId).containsExactlyElementsOf(sent);
            }
        }

        assertThatANonJavaClientReadsEveryRecordAsAValidCloudEvent(all.size());
    }

    private void assertThatANonJavaClientReadsEveryRecordAsAValidCloudEvent(int events) throws Exception {
        Path repo = Path.of(System.getProperty("vigia.repo", "..")).toAbsolutePath().normalize();
        Process node = new ProcessBuilder("node", "validate-events.mjs", stack.kafkaBootstrapServers(),
                repo.resolve("contracts/src/main/resources/schemas").toString())
                .directory(repo.resolve("system-tests/src/test/node").toFile()).redirectErrorStream(true).start();
        assertThat(node.waitFor(90, TimeUnit.SECONDS)).as("node reader finished").isTrue();
        String out = new String(node.getInputStream().readAllBytes()).strip();
        System.out.println("node reader: " + out);
        assertThat(node.exitValue()).as(out).isZero();
        JsonNode summary = Api.JSON.readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
        assertThat(summary.path("invalid")).isEmpty();
        assertThat(summary.path("records").asInt()).isGreaterThanOrEqualTo(events);
    }

    private static List<CloudEvent> events() {
        return new ArrayList<>(TopicReader.events(stack.topics().readAll(Topics.ALL, SystemStack.READ_TOPICS)));
    }

    private static String stage(String billId) {
        return stack.bill.get("/api/bills/" + billId).json().path("stage").asString();
    }

    private static JsonNode timeline(String billId) {
        return stack.bill.get("/api/bills/" + billId + "/timeline").expect(200).json();
    }
}
