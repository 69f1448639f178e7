package co.vigia.notify.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.notify.Api;
import co.vigia.notify.Api.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The worst-endpoints report on real MongoDB: an endpoint nothing listens on shows up after its first failed
 * attempt, with its host and error; only the operator may read it, and a limit out of range is a 400 naming it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigia.security.operator-key=" + EndpointReportIntegrationTests.OPERATOR,
        "vigia.webhooks.allowed-hosts=127.0.0.1:*,localhost:*", // receivers on random ports
        "vigia.webhooks.retry-schedule=0s,1h",
        "spring.kafka.consumer.group-id=notify-ops-it-${random.uuid}"})
@WithTestInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointReportIntegrationTests {

    static final String OPERATOR = "operator-key-for-ops-tests";
    /** A bill no event is about, so only this test's ping is delivered. */
    private static final String NO_KAFKA_EVENTS = "[\"no-such-bill-" + UUID.randomUUID() + "\"]";

    @LocalServerPort
    int port;

    private Api api;

    @BeforeAll
    void setUp() {
        api = new Api("http://localhost:" + port);
    }

    @Test
    void anEndpointNothingListensOnIsAmongTheWorstForTheOperatorOnly() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String key = api.newSubscriberKey(OPERATOR, "Unreachable NGO " + UUID.randomUUID());
        String id = api.subscribe(key, "http://127.0.0.1:" + closed + "/hooks", "[\"*\"]", NO_KAFKA_EVENTS)
                .path("subscription").path("id").asString();
        assertThat(api.post("/api/subscriptions/" + id + "/test", key, null).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> row(id) != null);
        JsonNode row = row(id);
        assertThat(row.path("host").asString()).isEqualTo("127.0.0.1");
        assertThat(row.path("attempts").asLong()).isPositive();
        assertThat(row.path("failureRate").asDouble()).isEqualTo(1.0);
        assertThat(row.path("lastError").asString()).isNotBlank();

        assertThat(api.get("/api/ops/endpoints", key).status()).as("a subscriber").isEqualTo(403);
        assertThat(api.get("/api/ops/endpoints", null).status()).as("anonymous").isEqualTo(401);
        Response invalid = api.get("/api/ops/endpoints?limit=0", OPERATOR);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.body().path("errors").findValuesAsString("field")).containsExactly("limit");
    }

    private JsonNode row(String subscriptionId) {
        Response report = api.get("/api/ops/endpoints?limit=100", OPERATOR);
        assertThat(report.status()).isEqualTo(200);
        for (JsonNode row : report.body()) {
            if (subscriptionId.equals(row.path("subscriptionId").asString())) {
                return row;
            }
        }
        return null;
    }
}
