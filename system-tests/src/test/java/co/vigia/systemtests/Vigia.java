package co.vigia.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.Seed;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The steps a test takes through the public APIs: NGOs and their subscriptions, bills, votes, opinions. */
final class Vigia {

    private final SystemStack stack;
    private final WebhookReceiver receiver;

    Vigia(SystemStack stack, WebhookReceiver receiver) {
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
        JsonNode created = stack.notify.as(ngoKey).post("/api/subscriptions", Map.of("url", receiver.url(endpoint),
                "eventTypes", types, "billIds", billIds, "description", "system test " + endpoint)).expect(201).json();
        receiver.secret(endpoint, created.path("secret").asString());
        return created.path("subscription").path("id").asString();
    }

    /** Loads the seed's requests of one service, as run-local.sh --seed does. */
    void seed(String service) {
        for (JsonNode request : Seed.requests()) {
            if (!service.equals(request.path("service").asString())) {
                continue;
            }
            Api api = switch (service) {
                case "BILL" -> stack.bill;
                case "VOTE" -> stack.vote;
                default -> stack.notify;
            };
            Api.Response response = api.send(request.path("method").asString("POST"), request.path("path").asString(),
                    request.get("body"));
            assertThat(response.status()).as(response.body()).isIn(200, 201, 202);
        }
    }

    JsonNode bill(String id, String title, String filedOn) {
        return stack.bill.post("/api/bills", Map.of("id", id, "title", title, "summary", "A bill for the system tests",
                "kind", "ORDINARY", "originChamber", "SENATE", "filedOn", filedOn, "topics", List.of("system-tests")))
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
