package co.vigia.notify.event;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The webhook body: {type, timestamp, data} with thin data and a URL to the full record. */
class WebhookPayloadTests {

    private final WebhookPayload payload = new WebhookPayload("https://bills.vigia.co/", "https://votes.vigia.co");

    private static StoredEvent event(String type, String data) {
        return new StoredEvent("evt-1", type, "sometimiento-2023", "/vigia/x", Instant.parse("2023-03-15T10:00:00Z"),
                "t", data, Instant.now(), false);
    }

    @Test
    void billEventsLinkTheBill() {
        JsonNode body = EventCodec.mapper().readTree(payload.body(event("co.vigia.bill.stage-changed",
                "{\"billId\":\"sometimiento-2023\",\"from\":\"FILED\",\"to\":\"FIRST_DEBATE\"}")));
        assertThat(body.path("type").asString()).isEqualTo("co.vigia.bill.stage-changed");
        assertThat(body.path("timestamp").asString()).isEqualTo("2023-03-15T10:00:00Z");
        assertThat(body.path("data").path("to").asString()).isEqualTo("FIRST_DEBATE");
        assertThat(body.path("data").path("url").asString()).isEqualTo("https://bills.vigia.co/api/bills/sometimiento-2023");
    }

    @Test
    void voteAndObjectionEventsLinkTheirRecords() {
        assertThat(EventCodec.mapper().readTree(payload.body(event("co.vigia.vote.tallied",
                "{\"voteId\":\"v-9\",\"billId\":\"b\",\"outcome\":\"APPROVED\"}"))).path("data").path("url").asString())
                .isEqualTo("https://votes.vigia.co/api/votes/v-9");
        assertThat(EventCodec.mapper().readTree(payload.body(event("co.vigia.objection.filed",
                "{\"objectionId\":\"o 1\",\"billId\":\"b\"}"))).path("data").path("url").asString())
                .isEqualTo("https://votes.vigia.co/api/objections/o%201");
    }

    @Test
    void anOversizedDataRecordKeepsOnlyItsIdsAndUrl() {
        String body = payload.body(event("co.vigia.objection.filed",
                "{\"objectionId\":\"o1\",\"billId\":\"b\",\"summary\":\"" + "x".repeat(30_000) + "\"}"));
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(WebhookPayload.MAX_BYTES);
        JsonNode data = EventCodec.mapper().readTree(body).path("data");
        assertThat(data.has("summary")).isFalse();
        assertThat(data.path("objectionId").asString()).isEqualTo("o1");
        assertThat(data.path("url").asString()).endsWith("/api/objections/o1");
    }
}
