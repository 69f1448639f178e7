package co.vigia.systemtests;

import co.vigia.testsupport.TestStack;
import co.vigia.testsupport.WebhookReceiver;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The steps a test takes through the public APIs: NGOs and their subscriptions, bills, votes, opinions. */
final class Vigia {

    private final TestStack stack;
    private final WebhookReceiver receiver;

    Vigia(TestStack stack, WebhookReceiver receiver) {
        this.stack = stack;
        this.receiver = receiver;
    }

    /** An NGO: the operator creates it and hands it its API key. */
    String subscriber(String name) {
        return stack.notify.post("/api/subscribers", Map.of("name", name, "contactEmail", name + "@ngo.example"))
                .expect(201).json().path("apiKey").asString();
    }

    /** The NGO subscribes an endpoint of the receiver; the receiver learns its secret. Returns the subscription id. */
    String subscribe(String ngoKey, String endpoint, List<String> types, List<String> billIds) {
        JsonNode created = stack.notify.as(ngoKey).post("/api/subscriptions", Map.of("url", receiver.localhostUrl("/" + endpoint),
                "eventTypes", types, "billIds", billIds, "description", "system test " + endpoint)).expect(201).json();
        receiver.secret("/" + endpoint, created.path("secret").asString());
        return created.path("subscription").path("id").asString();
    }

    /** The topic of every bill the system tests register. */
    static final String TOPIC = "system-tests";

    JsonNode bill(String id, String title, String filedOn) {
        return stack.bill.post("/api/bills", Map.of("id", id, "title", title, "summary", "A bill for the system tests",
                "kind", "ORDINARY", "originChamber", "SENATE", "filedOn", filedOn, "topics", List.of(TOPIC)))
                .expect(201).json();
    }

    JsonNode action(String billId, String type, String date, String text) {
        return stack.bill.post("/api/bills/" + billId + "/actions", Map.of("type", type, "date", date, "text", text))
                .expect(201).json();
    }

    /** A totals-only roll call. */
    static Map<String, Object> rollCall(String externalId, String billId, String debate, String bodyKind, String bodyName,
                                        String date, int seats, int yes, int no, int absent) {
        return Map.of("externalId", externalId, "billId", billId, "chamber", "SENATE",
                "body", bodyName == null ? Map.of("kind", bodyKind) : Map.of("kind", bodyKind, "name", bodyName),
                "debate", debate, "date", date, "motion", "Aprobar el informe de ponencia", "seats", seats,
                "totals", Map.of("yes", yes, "no", no, "abstain", 0, "absent", absent));
    }
}
