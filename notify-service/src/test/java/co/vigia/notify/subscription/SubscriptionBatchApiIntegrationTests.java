package co.vigia.notify.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.notify.Api;
import co.vigia.notify.Api.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's batch of subscriptions over HTTP on real MongoDB: each item checked as a single subscription is
 * (fields, SSRF, the endpoint limit, the NGO), all stored or none, and only the operator may call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigia.security.operator-key=" + SubscriptionBatchApiIntegrationTests.OPERATOR,
        "vigia.webhooks.allowed-hosts=127.0.0.1:*,localhost:*",
        "vigia.webhooks.max-endpoints=3",
        "spring.kafka.consumer.group-id=notify-batch-it-${random.uuid}"})
@WithTestInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionBatchApiIntegrationTests {

    static final String OPERATOR = "operator-key-for-batch-tests";

    @LocalServerPort
    int port;

    private Api api;

    @BeforeAll
    void setUp() {
        api = new Api("http://localhost:" + port);
    }

    private String subscriber(String name) {
        Response created = api.post("/api/subscribers", OPERATOR,
                "{\"name\":\"" + name + "-" + UUID.randomUUID() + "\",\"contactEmail\":\"alertas@pares.org\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("id").asString() + " " + created.body().path("apiKey").asString();
    }

    private static String item(String subscriberId, String url) {
        return "{\"subscriberId\":\"" + subscriberId + "\",\"subscription\":{\"url\":\"" + url
                + "\",\"eventTypes\":[\"co.vigia.vote.tallied\"],\"billIds\":[\"sometimiento\"]}}";
    }

    private static String batch(String... items) {
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    @Test
    void theOperatorSubscribesSeveralNgosAtOnceAndEachSeesOnlyItsOwn() {
        String[] pares = subscriber("pares").split(" ");
        String[] moe = subscriber("moe").split(" ");

        Response created = api.post("/api/subscriptions:batch", OPERATOR, batch(
                item(pares[0], "http://127.0.0.1:9/a"), item(moe[0], "http://127.0.0.1:9/b"),
                item(pares[0], "http://127.0.0.1:9/c")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().size()).isEqualTo(3);
        assertThat(created.body().get(1).path("subscriberId").asString()).isEqualTo(moe[0]);
        assertThat(created.body().get(1).path("created").path("secret").asString()).startsWith("whsec_");
        assertThat(created.body().get(2).path("created").path("subscription").path("url").asString())
                .isEqualTo("http://127.0.0.1:9/c");
        assertThat(api.get("/api/subscriptions", pares[1]).body().size()).isEqualTo(2);
        assertThat(api.get("/api/subscriptions", moe[1]).body().size()).isEqualTo(1);
    }

    @Test
    void onlyTheOperatorMayCallIt() {
        String[] ngo = subscriber("ngo").split(" ");
        String body = batch(item(ngo[0], "http://127.0.0.1:9/a"));

        assertThat(api.post("/api/subscriptions:batch", null, body).status()).isEqualTo(401);
        assertThat(api.post("/api/subscriptions:batch", ngo[1], body).status()).isEqualTo(403);
        assertThat(api.get("/api/subscriptions", ngo[1]).body().size()).isZero();
    }

    @Test
    void anAddressThatIsNotAllowedNamesItsItemAndNothingIsStored() {
        String[] ngo = subscriber("ssrf").split(" ");

        Response refused = api.post("/api/subscriptions:batch", OPERATOR, batch(
                item(ngo[0], "http://127.0.0.1:9/fine"), item(ngo[0], "http://169.254.169.254/latest/meta-data")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").findValuesAsString("field")).containsExactly("items[1].subscription.url");
        assertThat(api.get("/api/subscriptions", ngo[1]).body().size()).isZero();
    }

    @Test
    void anNgoPastItsEndpointLimitIsAConflictAndNothingIsStored() {
        String[] ngo = subscriber("limit").split(" ");
        assertThat(api.post("/api/subscriptions", ngo[1],
                "{\"url\":\"http://127.0.0.1:9/own\",\"eventTypes\":[\"*\"]}").status()).isEqualTo(201);

        Response refused = api.post("/api/subscriptions:batch", OPERATOR, batch(item(ngo[0], "http://127.0.0.1:9/a"),
                item(ngo[0], "http://127.0.0.1:9/b"), item(ngo[0], "http://127.0.0.1:9/c")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("item").asInt()).isEqualTo(2);
        assertThat(api.get("/api/subscriptions", ngo[1]).body().size()).isEqualTo(1);
    }

    @Test
    void anUnknownSubscriberOrAMissingFieldNamesItsItem() {
        Response unknown = api.post("/api/subscriptions:batch", OPERATOR,
                batch(item("no-such-subscriber", "http://127.0.0.1:9/a")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").findValuesAsString("field")).containsExactly("items[0].subscriberId");

        Response noTypes = api.post("/api/subscriptions:batch", OPERATOR,
                "{\"items\":[{\"subscriberId\":\"x\",\"subscription\":{\"url\":\"http://127.0.0.1:9/a\","
                        + "\"eventTypes\":[]}}]}");
        assertThat(noTypes.status()).isEqualTo(400);
        assertThat(noTypes.body().path("errors").findValuesAsString("field")).contains("items[0].subscription.eventTypes");

        assertThat(api.post("/api/subscriptions:batch", OPERATOR, "{\"items\":[]}").status()).isEqualTo(400);
    }
}
