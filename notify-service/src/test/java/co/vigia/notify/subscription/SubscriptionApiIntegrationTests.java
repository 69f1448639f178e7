package co.vigia.notify.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.notify.Api;
import co.vigia.notify.Api.Response;
import co.vigia.testsupport.WebhookReceiver;
import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Subscribers and subscriptions over HTTP on real MongoDB: keys shown once, validation as problem+json, the
 * endpoint limit, and tenant isolation: another NGO's subscription or delivery answers 404 on every endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigia.security.operator-key=" + SubscriptionApiIntegrationTests.OPERATOR,
        "vigia.webhooks.allowed-hosts=127.0.0.1:*,localhost:*", // receivers on random ports
        "vigia.webhooks.max-endpoints=3",
        "vigia.security.key-rotation-overlap=3s", "vigia.security.key-cache-ttl=200ms",
        "spring.kafka.consumer.group-id=notify-api-it-${random.uuid}"})
@WithTestInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionApiIntegrationTests {

    static final String OPERATOR = "operator-key-for-api-tests";
    /**
     * A bill no event is about: the consumer reads the shared topics from the start, and these tests count only
     * the pings they send.
     */
    private static final String NO_KAFKA_EVENTS = "[\"no-such-bill-" + UUID.randomUUID() + "\"]";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private Api api;
    private WebhookReceiver receiver;

    @BeforeAll
    void setUp() throws Exception {
        api = new Api("http://localhost:" + port);
        receiver = new WebhookReceiver();
    }

    @AfterAll
    void tearDown() {
        receiver.close();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void operatorsManageSubscribersAndTheKeyIsShownOnce() {
        assertThat(api.post("/api/subscribers", null, "{\"name\":\"x\",\"contactEmail\":\"a@b.org\"}").status()).isEqualTo(401);
        Response created = api.post("/api/subscribers", OPERATOR,
                "{\"name\":\"Fundación Paz y Reconciliación\",\"contactEmail\":\"alertas@pares.org\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asString();
        String key = created.body().path("apiKey").asString();
        assertThat(key).startsWith("vgs_");
        assertThat(api.get("/api/subscribers/" + id, OPERATOR).body().has("apiKey")).isFalse();
        assertThat(api.get("/api/subscribers", OPERATOR).body().toString()).doesNotContain(key);
        assertThat(api.post("/api/subscribers", key, "{\"name\":\"x\",\"contactEmail\":\"a@b.org\"}").status()).isEqualTo(403);

        Response invalid = api.post("/api/subscribers", OPERATOR, "{\"name\":\"\",\"contactEmail\":\"not-an-email\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.body().path("errors").findValuesAsString("field")).contains("name", "contactEmail");

        assertThat(api.get("/api/subscriptions", key).status()).isEqualTo(200);
        assertThat(api.post("/api/subscribers/" + id + "/suspend", OPERATOR, null).body().path("status").asString())
                .isEqualTo("SUSPENDED");
        assertThat(api.get("/api/subscriptions", key).status()).isEqualTo(401);
        api.post("/api/subscribers/" + id + "/reactivate", OPERATOR, null);
        assertThat(api.get("/api/subscriptions", key).status()).isEqualTo(200);
        api.subscribe(key, receiver.url("/deleted-with-its-subscriber"), "[\"*\"]", NO_KAFKA_EVENTS);
        assertThat(api.call("DELETE", "/api/subscribers/" + id, OPERATOR, null).status()).isEqualTo(204);
        assertThat(api.get("/api/subscriptions", key).status()).isEqualTo(401);
        assertThat(api.get("/api/subscribers/" + id, OPERATOR).status()).isEqualTo(404);
        // its subscriptions went with it
        assertThat(mongo.getCollection("subscriptions").countDocuments(new Document("subscriberId", id))).isZero();
    }

    @Test
    void aSubscriptionShowsItsSecretOnceAndIgnoresFieldsAClientMayNotSet() {
        String key = api.newSubscriberKey(OPERATOR, unique("Indepaz"));
        Response created = api.post("/api/subscriptions", key, "{\"url\":\"" + receiver.url("/a") + "\","
                + "\"eventTypes\":[\"co.vigia.bill.*\"],\"billIds\":[\"sometimiento-2023\"],\"description\":\"alerts\","
                + "\"subscriberId\":\"someone-else\",\"secret\":\"whsec_AAAA\",\"status\":\"DISABLED\",\"failingSince\":\"2020-01-01T00:00:00Z\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.body().path("secret").asString();
        assertThat(secret).startsWith("whsec_").isNotEqualTo("whsec_AAAA");
        JsonNode subscription = created.body().path("subscription");
        assertThat(subscription.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(subscription.path("failingSince").isNull()).isTrue();
        String id = subscription.path("id").asString();
        Response read = api.get("/api/subscriptions/" + id, key);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().toString()).doesNotContain(secret.substring(6));

        Response paused = api.call("PATCH", "/api/subscriptions/" + id, key, "{\"active\":false,\"billIds\":[]}");
        assertThat(paused.body().path("status").asString()).isEqualTo("PAUSED");
        assertThat(paused.body().path("billIds").size()).isZero();
        assertThat(api.call("DELETE", "/api/subscriptions/" + id, key, null).status()).isEqualTo(204);
        assertThat(api.get("/api/subscriptions/" + id, key).status()).isEqualTo(404);
    }

    @Test
    void invalidSubscriptionsAreRefusedNamingTheField() {
        String key = api.newSubscriberKey(OPERATOR, unique("Dejusticia"));
        Response privateUrl = api.post("/api/subscriptions", key,
                "{\"url\":\"https://169.254.169.254/latest\",\"eventTypes\":[\"*\"]}");
        assertThat(privateUrl.status()).isEqualTo(400);
        assertThat(privateUrl.body().path("errors").get(0).path("field").asString()).isEqualTo("url");
        assertThat(privateUrl.body().path("errors").get(0).path("message").asString()).contains("link-local");
        Response typo = api.post("/api/subscriptions", key,
                "{\"url\":\"" + receiver.url("/a") + "\",\"eventTypes\":[\"co.vigia.vote.tallied\",\"co.vigia.vote.taled\"]}");
        assertThat(typo.body().path("errors").get(0).path("field").asString()).isEqualTo("eventTypes[1]");
        Response missing = api.post("/api/subscriptions", key, "{\"eventTypes\":[]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsString("field")).contains("url", "eventTypes");
        assertThat(api.get("/api/subscriptions", key).body().size()).isZero();
    }

    @Test
    void ssrfFormsThatWereAcceptedAreRefusedAtRegistration() {
        String key = api.newSubscriberKey(OPERATOR, unique("FLIP"));
        Map<String, String> refused = Map.of(
                "https://[::ffff:0:7f00:1]/", "IPv4-translated",
                "https://192.88.99.1/hook", "192.88.99.0/24",
                "https://[2002:a00:1::]/hook", "6to4",
                "https://[64:ff9b::a00:1]/hook", "NAT64",
                "https://ngo.example.org:0/hook", "port 0",
                "https://ngo.example.org:99999/hook", "port 99999",
                "https://ngo.example.org:/hook", "empty port",
                "https://ngo.example.org:4x3/hook", "port 4x3");
        refused.forEach((url, why) -> {
            Response r = api.post("/api/subscriptions", key, "{\"url\":\"" + url + "\",\"eventTypes\":[\"*\"]}");
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.contentType()).as(url).startsWith("application/problem+json");
            assertThat(r.body().path("errors").get(0).path("field").asString()).as(url).isEqualTo("url");
            assertThat(r.body().path("errors").get(0).path("message").asString()).as(url).contains(why);
        });
        assertThat(api.get("/api/subscriptions", key).body().size()).isZero();
    }

    @Test
    void aSubscriberHasAtMostTheConfiguredNumberOfEndpoints() {
        String key = api.newSubscriberKey(OPERATOR, unique("MOE"));
        for (int i = 0; i < 3; i++) {
            api.subscribe(key, receiver.url("/limit/" + i), "[\"*\"]", NO_KAFKA_EVENTS);
        }
        Response fourth = api.post("/api/subscriptions", key, "{\"url\":\"" + receiver.url("/limit/4") + "\",\"eventTypes\":[\"*\"]}");
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.body().path("limit").asInt()).isEqualTo(3);
    }

    @Test
    void aSubscriberRotatesItsOwnKeyAndBothWorkDuringTheOverlapOnly() {
        String subscriberId = api.call("POST", "/api/subscribers", OPERATOR,
                "{\"name\":\"Rotating NGO\",\"contactEmail\":\"keys@example.org\"}").body().path("id").asString();
        String first = api.post("/api/subscribers/" + subscriberId + "/rotate-key", OPERATOR, null).body()
                .path("apiKey").asString();
        Response rotated = api.post("/api/subscribers/" + subscriberId + "/rotate-key", first, null);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.body().path("apiKey").asString();
        assertThat(second).startsWith("vgs_").isNotEqualTo(first);
        assertThat(rotated.body().path("previousKeyExpiresAt").asString()).isNotBlank();
        assertThat(api.get("/api/subscriptions", first).status()).isEqualTo(200);
        assertThat(api.get("/api/subscriptions", second).status()).isEqualTo(200);
        assertThat(api.get("/api/subscribers/" + subscriberId, OPERATOR).body().toString()).doesNotContain(second);

        String other = api.newSubscriberKey(OPERATOR, unique("Other NGO"));
        assertThat(api.post("/api/subscribers/" + subscriberId + "/rotate-key", other, null).status()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/subscriptions", first).status() == 401);
        assertThat(api.get("/api/subscriptions", second).status()).isEqualTo(200);
        // a second rotation ends the previous key's overlap at once: only two keys ever work
        String third = api.post("/api/subscribers/" + subscriberId + "/rotate-key", second, null).body()
                .path("apiKey").asString();
        String fourth = api.post("/api/subscribers/" + subscriberId + "/rotate-key", third, null).body()
                .path("apiKey").asString();
        assertThat(api.get("/api/subscriptions", second).status()).isEqualTo(401);
        assertThat(api.get("/api/subscriptions", third).status()).isEqualTo(200);
        assertThat(api.get("/api/subscriptions", fourth).status()).isEqualTo(200);
    }

    @Test
    void aSecondReplayWhileOneRunsIs409AndALapsedLeaseDoesNotBlock() {
        String key = api.newSubscriberKey(OPERATOR, unique("Replaying NGO"));
        String id = api.subscribe(key, receiver.url("/replays"), "[\"*\"]", NO_KAFKA_EVENTS).path("subscription")
                .path("id").asString();
        // another instance's lease, as it stores it
        mongo.getCollection("replay_leases").insertOne(lease(id, "another-instance", Instant.now().plusSeconds(60)));
        Response busy = api.post("/api/subscriptions/" + id + "/replay?since=2020-01-01T00:00:00Z", key, null);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.body().path("type").asString()).endsWith("/replay-in-progress");

        mongo.getCollection("replay_leases").replaceOne(new Document("_id", id),
                lease(id, "a-dead-instance", Instant.now().minusSeconds(1)));
        Response replayed = api.post("/api/subscriptions/" + id + "/replay?since=2020-01-01T00:00:00Z", key, null);
        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.body().path("complete").asBoolean()).isTrue();
        assertThat(mongo.getCollection("replay_leases").countDocuments(new Document("_id", id))).isZero();
    }

    private static Document lease(String subscriptionId, String owner, Instant expiresAt) {
        return new Document("_id", subscriptionId).append("owner", owner).append("expiresAt", Date.from(expiresAt));
    }

    @Test
    void anotherSubscribersSubscriptionAndDeliveriesAnswer404OnEveryEndpoint() {
        String owner = api.newSubscriberKey(OPERATOR, unique("Owner NGO"));
        String intruder = api.newSubscriberKey(OPERATOR, unique("Intruder NGO"));
        String id = api.subscribe(owner, receiver.url("/owned"), "[\"*\"]", NO_KAFKA_EVENTS).path("subscription").path("id").asString();
        Response ping = api.post("/api/subscriptions/" + id + "/test", owner, null);
        assertThat(ping.status()).isEqualTo(202);
        String deliveryId = ping.body().path("deliveryId").asString();

        List<Response> answers = List.of(
                api.get("/api/subscriptions/" + id, intruder),
                api.call("PATCH", "/api/subscriptions/" + id, intruder, "{\"url\":\"" + receiver.url("/stolen") + "\"}"),
                api.post("/api/subscriptions/" + id + "/rotate-secret", intruder, null),
                api.post("/api/subscriptions/" + id + "/test", intruder, null),
                api.get("/api/subscriptions/" + id + "/deliveries", intruder),
                api.post("/api/subscriptions/" + id + "/replay?since=2020-01-01T00:00:00Z", intruder, null),
                api.get("/api/deliveries/" + deliveryId, intruder),
                api.post("/api/deliveries/" + deliveryId + "/redeliver", intruder, null),
                api.call("DELETE", "/api/subscriptions/" + id, intruder, null));
        for (Response answer : answers) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body().toString()).doesNotContain("/owned");
        }
        assertThat(api.get("/api/subscriptions", intruder).body().size()).isZero();
        // the owner still has it, unchanged
        assertThat(api.get("/api/subscriptions/" + id, owner).body().path("url").asString()).isEqualTo(receiver.url("/owned"));
        assertThat(api.get("/api/deliveries/" + deliveryId, owner).status()).isEqualTo(200);
        assertThat(api.get("/api/subscriptions/" + id, OPERATOR).status()).isEqualTo(403);
    }

    @Test
    void aPingIsSignedAndAfterARotationBothSecretsVerifyForADay() throws Exception {
        String key = api.newSubscriberKey(OPERATOR, unique("Pares"));
        JsonNode created = api.subscribe(key, receiver.url("/rotate"), "[\"*\"]", NO_KAFKA_EVENTS);
        String id = created.path("subscription").path("id").asString();
        String oldSecret = created.path("secret").asString();

        api.post("/api/subscriptions/" + id + "/test", key, null);
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received("/rotate").size() == 1);
        WebhookReceiver.Received ping = receiver.received("/rotate").get(0);
        new Webhook(oldSecret).verify(ping.body(), headers(ping));
        assertThat(ping.body()).contains("\"type\":\"co.vigia.ping\"");

        Response rotated = api.post("/api/subscriptions/" + id + "/rotate-secret", key, null);
        String newSecret = rotated.body().path("secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(rotated.body().path("subscription").path("previousSecretExpiresAt").isNull()).isFalse();
        api.post("/api/subscriptions/" + id + "/test", key, null);
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received("/rotate").size() == 2);
        WebhookReceiver.Received afterRotation = receiver.received("/rotate").get(1);
        new Webhook(newSecret).verify(afterRotation.body(), headers(afterRotation));
        new Webhook(oldSecret).verify(afterRotation.body(), headers(afterRotation));

        // at rest both secrets are sealed (AES-GCM): neither appears in the stored document
        Document stored = mongo.getCollection("subscriptions").find(new Document("_id", id)).first();
        List<Document> secrets = stored.getList("secrets", Document.class);
        assertThat(secrets).hasSize(2).allSatisfy(s -> assertThat(s.getString("secret")).startsWith("v1:test:"));
        assertThat(stored.toJson()).doesNotContain(oldSecret.substring(6)).doesNotContain(newSecret.substring(6));

        JsonNode log = api.get("/api/subscriptions/" + id + "/deliveries?status=DELIVERED", key).body();
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.get(0).path("attempts").get(0).path("statusCode").asInt()).isEqualTo(204);
        assertThat(api.get("/api/subscriptions/" + id + "/deliveries?status=SOMETIMES", key).status()).isEqualTo(400);
    }

    private static Map<String, List<String>> headers(WebhookReceiver.Received r) {
        return Map.of("webhook-id", List.of(r.header("webhook-id")),
                "webhook-timestamp", List.of(r.header("webhook-timestamp")),
                "webhook-signature", List.of(r.header("webhook-signature")));
    }
}
