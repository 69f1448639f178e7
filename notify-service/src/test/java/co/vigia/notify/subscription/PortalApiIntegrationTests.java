package co.vigia.notify.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.notify.Api;
import co.vigia.notify.Api.Response;
import co.vigia.testsupport.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the web portal needs of notify-service: who a key belongs to ({@code /api/subscribers/me}), and the delivery
 * log filtered by outcome, event type, bill and dates. Same context as {@link SubscriptionApiIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigia.security.operator-key=" + SubscriptionApiIntegrationTests.OPERATOR,
        "vigia.webhooks.allowed-hosts=127.0.0.1:*,localhost:*", // receivers on random ports
        "vigia.webhooks.max-endpoints=3",
        "vigia.security.key-rotation-overlap=3s", "vigia.security.key-cache-ttl=200ms",
        "spring.kafka.consumer.group-id=notify-api-it-${random.uuid}"})
@WithTestInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalApiIntegrationTests {

    static final String OPERATOR = SubscriptionApiIntegrationTests.OPERATOR;
    private static final String NO_KAFKA_EVENTS = "[\"no-such-bill-" + UUID.randomUUID() + "\"]";

    @LocalServerPort
    int port;

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

    @Test
    void aSubscribersKeyTellsWhoItBelongsToAndNothingElseDoes() {
        String name = "Fundación Ideas para la Paz " + UUID.randomUUID().toString().substring(0, 6);
        String key = api.newSubscriberKey(OPERATOR, name);

        Response me = api.get("/api/subscribers/me", key);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("name").asString()).isEqualTo(name);
        assertThat(me.body().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(me.body().has("apiKey")).isFalse();

        assertThat(api.get("/api/subscribers/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/subscribers/me", "vgs_not-a-key").status()).isEqualTo(401);
        assertThat(api.get("/api/subscribers/me", OPERATOR).status()).isEqualTo(403);
        String id = me.body().path("id").asString();
        api.post("/api/subscribers/" + id + "/suspend", OPERATOR, null);
        assertThat(api.get("/api/subscribers/me", key).status()).isEqualTo(401);
    }

    @Test
    void theDeliveryLogFiltersByOutcomeEventTypeBillAndDates() {
        String key = api.newSubscriberKey(OPERATOR, "Filter NGO " + UUID.randomUUID().toString().substring(0, 6));
        String id = api.subscribe(key, receiver.url("/filters"), "[\"*\"]", NO_KAFKA_EVENTS)
                .path("subscription").path("id").asString();
        Instant before = Instant.now().minusSeconds(1);
        api.post("/api/subscriptions/" + id + "/test", key, null);
        api.post("/api/subscriptions/" + id + "/test", key, null);
        String log = "/api/subscriptions/" + id + "/deliveries";
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get(log + "?status=DELIVERED", key).body().size() == 2);
        String subject = api.get(log, key).body().get(0).path("subject").asString();

        assertThat(api.get(log + "?eventType=co.vigia.ping", key).body().size()).isEqualTo(2);
        assertThat(api.get(log + "?eventType=co.vigia.bill.registered", key).body().size()).isZero();
        assertThat(api.get(log + "?status=FAILED", key).body().size()).isZero();
        assertThat(api.get(log + "?billId=" + subject, key).body().size()).isEqualTo(2);
        assertThat(api.get(log + "?billId=another-bill", key).body().size()).isZero();
        assertThat(api.get(log + "?from=" + before + "&to=" + Instant.now().plusSeconds(60), key).body().size())
                .isEqualTo(2);
        assertThat(api.get(log + "?from=" + Instant.now().plusSeconds(60), key).body().size()).isZero();
        assertThat(api.get(log + "?to=" + before, key).body().size()).isZero();

        Response badDate = api.get(log + "?from=yesterday", key);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
        assertThat(badDate.body().path("errors").get(0).path("field").asString()).isEqualTo("from");
        Response backwards = api.get(log + "?from=" + Instant.now() + "&to=" + before, key);
        assertThat(backwards.body().path("errors").get(0).path("field").asString()).isEqualTo("to");
    }
}
