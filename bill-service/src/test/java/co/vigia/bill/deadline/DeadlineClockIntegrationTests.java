package co.vigia.bill.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.bill.support.ItClient;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.EventType;
import co.vigia.contracts.Topics;
import co.vigia.contracts.bill.BillDeadlineApproaching;
import co.vigia.contracts.bill.BillLapsed;
import co.vigia.devstack.test.WithTestInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The deadline clock driven from outside (PUT /api/ops/clock) on real Kafka and MongoDB: an art. 162
 * alert is sent once however often the clock runs, then the bill lapses. Its own context (and database),
 * since moving the clock affects every bill.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vigia.security.operator-key=" + ItClient.OPERATOR_KEY, "vigia.clock.adjustable=true",
                "vigia.deadlines.lead-days=30,7,1"})
@WithTestInfrastructure
class DeadlineClockIntegrationTests {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void art162_anAlertIsSentOncePerLeadTimeAndTheBillLapsesWhenItsLegislatureEnds() {
        ItClient client = new ItClient(port, bootstrapServers);
        String id = ItClient.uniqueId("it-clock");
        client.post("/api/bills", ItClient.newBill(id));
        client.post("/api/bills/" + id + "/actions", "{\"type\":\"ASSIGNED_TO_COMMITTEE\",\"date\":\"2023-03-21\"}");

        assertThat(setClock(client, "2023-06-13T12:00:00Z").path("scan").path("alerts").asInt()).isEqualTo(1);
        assertThat(setClock(client, "2023-06-13T18:00:00Z").path("scan").path("alerts").asInt()).isZero();
        JsonNode bill = client.json(client.get("/api/bills/" + id));
        assertThat(bill.path("today").asString()).isEqualTo("2023-06-13");
        assertThat(bill.path("deadlines").findValues("daysLeft").stream().map(JsonNode::asInt)).contains(7);

        assertThat(setClock(client, "2023-06-21T15:00:00Z").path("scan").path("lapsed").asInt()).isEqualTo(1);
        bill = client.json(client.get("/api/bills/" + id));
        assertThat(bill.path("stage").asString()).isEqualTo("ARCHIVED");
        assertThat(bill.path("archiveReason").asString()).isEqualTo("LAPSED");

        List<ConsumerRecord<String, String>> records = client.readUntil(Topics.BILL_EVENTS, Duration.ofSeconds(60),
                r -> ItClient.eventsOf(r, id).stream().anyMatch(e -> e.type().equals(EventType.BILL_LAPSED.type())));
        List<CloudEvent> alerts = ItClient.eventsOf(records, id).stream()
                .filter(e -> e.type().equals(EventType.BILL_DEADLINE_APPROACHING.type())).distinct().toList();
        assertThat(alerts.stream().map(CloudEvent::id).distinct()).hasSize(1);
        BillDeadlineApproaching alert = EventCodec.data(alerts.get(0), BillDeadlineApproaching.class);
        assertThat(alert.deadline()).isEqualTo("LEGISLATURE_LIMIT");
        assertThat(alert.dueOn()).hasToString("2023-06-20");
        assertThat(alert.daysLeft()).isEqualTo(7);
        assertThat(alert.leadDays()).isEqualTo(7);
        BillLapsed lapsed = ItClient.eventsOf(records, id).stream()
                .filter(e -> e.type().equals(EventType.BILL_LAPSED.type())).findFirst()
                .map(e -> EventCodec.data(e, BillLapsed.class)).orElseThrow();
        assertThat(lapsed.lastStage()).isEqualTo("FIRST_DEBATE");
        assertThat(lapsed.dueOn()).hasToString("2023-06-20");
    }

    @Test
    void settingTheClockNeedsTheOperatorKey() {
        ItClient client = new ItClient(port, bootstrapServers);
        HttpResponse<String> anonymous = client.send("PUT", "/api/ops/clock", "{\"now\":\"2023-06-13T12:00:00Z\"}", null, Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> invalid = client.send("PUT", "/api/ops/clock", "{}", ItClient.OPERATOR_KEY, Map.of());
        assertThat(invalid.statusCode()).isEqualTo(400);
    }

    private static JsonNode setClock(ItClient client, String now) {
        HttpResponse<String> response = client.send("PUT", "/api/ops/clock", "{\"now\":\"" + now + "\"}",
                ItClient.OPERATOR_KEY, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.json(response);
    }
}
