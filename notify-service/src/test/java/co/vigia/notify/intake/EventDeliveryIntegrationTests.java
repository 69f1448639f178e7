package co.vigia.notify.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.Debate;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.EventData;
import co.vigia.contracts.Topics;
import co.vigia.contracts.VoteOutcome;
import co.vigia.contracts.bill.BillStageChanged;
import co.vigia.contracts.objection.ObjectionAuthor;
import co.vigia.contracts.objection.ObjectionFiled;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.Stance;
import co.vigia.contracts.vote.VoteTallied;
import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.notify.Api;
import co.vigia.notify.delivery.EndpointGates;
import co.vigia.testsupport.WebhookReceiver.Reply;
import co.vigia.testsupport.TopicReader;
import co.vigia.testsupport.WebhookReceiver;
import com.standardwebhooks.Webhook;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * From Kafka to a signed webhook on real Kafka and MongoDB: matching, one delivery per event however often it is
 * read, poison records dead-lettered, one bill's events in order, a dead endpoint isolated, redelivery and replay
 * with the same webhook-id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigia.security.operator-key=" + EventDeliveryIntegrationTests.OPERATOR,
        "vigia.webhooks.allowed-hosts=127.0.0.1:*", // receivers on random ports
        "vigia.webhooks.retry-schedule=0s,300ms,300ms,300ms,300ms,300ms",
        "vigia.webhooks.request-timeout=1500ms",
        "vigia.webhooks.max-concurrency-per-endpoint=2",
        "vigia.webhooks.breaker.window=4",
        "vigia.webhooks.breaker.minimum-calls=3",
        "vigia.webhooks.breaker.failure-rate=80",
        "vigia.webhooks.breaker.open-for=60s",
        "vigia.webhooks.links.bill-base-url=https://bills.example.org",
        "spring.kafka.consumer.group-id=notify-delivery-it-${random.uuid}"})
@WithTestInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventDeliveryIntegrationTests {

    static final String OPERATOR = "operator-key-for-delivery-tests";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EndpointGates gates;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    DefaultErrorHandler sharedErrorHandler;

    private Api api;
    private WebhookReceiver receiver;
    private final Map<String, Reply> scripted = new ConcurrentHashMap<>();

    @BeforeAll
    void setUp() throws Exception {
        api = new Api("http://localhost:" + port);
        receiver = new WebhookReceiver().answering(r -> scripted.getOrDefault(r.path(), Reply.status(204)));
    }

    @AfterAll
    void tearDown() {
        receiver.close();
    }

    private static String bill(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private CloudEvent publish(EventData data) throws Exception {
        CloudEvent event = EventCodec.create("/vigia/test", data, Instant.now());
        publish(event);
        return event;
    }

    private void publish(CloudEvent event) throws Exception {
        String topic = event.knownType().orElseThrow().topic();
        kafka.send(topic, event.subject(), EventCodec.write(event)).get();
    }

    private static BillStageChanged stageChanged(String billId, String to) {
        return new BillStageChanged(billId, BillKind.ORDINARY, "FILED", to, "ACTION", "a-1", LocalDate.of(2023, 3, 15));
    }

    private static VoteTallied tallied(String billId) {
        return new VoteTallied("vote-" + billId, "gaceta-1", billId, Chamber.SENATE, "Comisión Primera", Debate.FIRST,
                LocalDate.of(2023, 5, 2), 19, 12, 3, 0, 4, 0, true, "SIMPLE", 8, VoteOutcome.PASSED, true);
    }

    private static ObjectionFiled objection(String billId) {
        return new ObjectionFiled("obj-" + billId, billId, ObjectionAuthor.ATTORNEY_GENERAL, "Francisco Barbosa",
                ObjectionKind.OPINION, Stance.OPPOSES, List.of("art. 5"), LocalDate.of(2023, 3, 20),
                "would pardon criminals", null);
    }

    @Test
    void anEventOnEachTopicReachesAMatchingSubscriptionAndNotAnotherAndCanBeRedeliveredAndReplayed() throws Exception {
        String billId = bill("sometimiento");
        String key = api.newSubscriberKey(OPERATOR, "Matching NGO " + billId);
        JsonNode matching = api.subscribe(key, receiver.url("/match"), "[\"*\"]", "[\"" + billId + "\"]");
        String matchingId = matching.path("subscription").path("id").asString();
        String secret = matching.path("secret").asString();
        String other = api.subscribe(key, receiver.url("/other"), "[\"co.vigia.vote.*\"]", "[\"another-bill\"]")
                .path("subscription").path("id").asString();

        Instant before = Instant.now();
        List<CloudEvent> events = List.of(publish(stageChanged(billId, "FIRST_DEBATE")), publish(tallied(billId)),
                publish(objection(billId)));

        await().atMost(WAIT).until(() -> receiver.received("/match").size() == 3);
        List<WebhookReceiver.Received> got = receiver.received("/match");
        assertThat(got).extracting(r -> r.header("webhook-id"))
                .containsExactlyInAnyOrderElementsOf(events.stream().map(CloudEvent::id).toList());
        for (WebhookReceiver.Received r : got) {
            new Webhook(secret).verify(r.body(), Map.of("webhook-id", List.of(r.header("webhook-id")),
                    "webhook-timestamp", List.of(r.header("webhook-timestamp")),
                    "webhook-signature", List.of(r.header("webhook-signature"))));
        }
        assertThat(got).extracting(WebhookReceiver.Received::body).anySatisfy(body -> assertThat(body)
                .contains("\"type\":\"co.vigia.bill.stage-changed\"")
                .contains("\"url\":\"https://bills.example.org/api/bills/" + billId + "\""));
        assertThat(got).extracting(WebhookReceiver.Received::body).anySatisfy(body -> assertThat(body)
                .contains("\"url\":\"http://localhost:8082/api/votes/vote-" + billId + "\""));
        assertThat(got).extracting(WebhookReceiver.Received::body).anySatisfy(body -> assertThat(body)
                .contains("\"url\":\"http://localhost:8082/api/objections/obj-" + billId + "\""));
        assertThat(receiver.received("/other")).isEmpty();
        assertThat(api.get("/api/subscriptions/" + other + "/deliveries", key).body().size()).isZero();

        JsonNode log = api.get("/api/subscriptions/" + matchingId + "/deliveries", key).body();
        assertThat(log.size()).isEqualTo(3);
        String firstDelivery = log.get(0).path("id").asString();
        String firstEvent = log.get(0).path("eventId").asString();
        assertThat(api.post("/api/deliveries/" + firstDelivery + "/redeliver", key, null).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> receiver.received("/match").size() == 4);
        assertThat(receiver.received("/match").get(3).header("webhook-id")).isEqualTo(firstEvent);

        Api.Response replay = api.post("/api/subscriptions/" + matchingId + "/replay?since=" + before, key, null);
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.body().path("deliveries").asInt()).isEqualTo(3);
        await().atMost(WAIT).until(() -> receiver.received("/match").size() == 7);
        assertThat(receiver.received("/match").subList(4, 7)).extracting(r -> r.header("webhook-id"))
                .containsExactlyInAnyOrderElementsOf(events.stream().map(CloudEvent::id).toList());
        Api.Response sinceEvent = api.post("/api/subscriptions/" + matchingId + "/replay?since=" + events.get(0).id(),
                key, null);
        assertThat(sinceEvent.body().path("deliveries").asInt()).isBetween(0, 2);
        assertThat(api.post("/api/subscriptions/" + matchingId + "/replay?since=yesterday", key, null).status())
                .isEqualTo(400);
        // an event the subscription never received is as unknown to it as no event at all: its time does not leak
        Api.Response foreign = api.post("/api/subscriptions/" + other + "/replay?since=" + events.get(0).id(), key, null);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).isEqualTo(
                api.post("/api/subscriptions/" + other + "/replay?since=no-such-event", key, null).body());
    }

    @Test
    void aSubscriptionToAFamilyOnEveryBillMatchesAnyBillAndNotAnotherFamily() throws Exception {
        String billId = bill("any-bill");
        String key = api.newSubscriberKey(OPERATOR, "Every-bill NGO " + billId);
        api.subscribe(key, receiver.url("/every-bill"), "[\"co.vigia.*\"]", "[]");
        api.subscribe(key, receiver.url("/bills-only"), "[\"co.vigia.bill.*\"]", "[]");
        CloudEvent vote = publish(tallied(billId));

        // both follow every bill, so other events may reach them too: look for this vote's
        await().atMost(WAIT).until(() -> receiver.received("/every-bill").stream()
                .anyMatch(r -> r.header("webhook-id").equals(vote.id())));
        assertThat(receiver.received("/bills-only")).filteredOn(r -> r.header("webhook-id").equals(vote.id())).isEmpty();
    }

    @Test
    void theSameEventConsumedTwiceYieldsOneDelivery() throws Exception {
        String billId = bill("paz-total");
        String key = api.newSubscriberKey(OPERATOR, "Dedup NGO " + billId);
        String id = api.subscribe(key, receiver.url("/dedup"), "[\"co.vigia.bill.*\"]", "[\"" + billId + "\"]")
                .path("subscription").path("id").asString();
        CloudEvent twice = EventCodec.create("/vigia/test", stageChanged(billId, "SECOND_DEBATE"), Instant.now());
        double duplicatesBefore = consumed("duplicate");
        publish(twice);
        publish(twice);
        CloudEvent marker = publish(stageChanged(billId, "THIRD_DEBATE"));
        await().atMost(WAIT).until(() -> receiver.received("/dedup").stream()
                .anyMatch(r -> r.header("webhook-id").equals(marker.id())));
        assertThat(receiver.received("/dedup")).filteredOn(r -> r.header("webhook-id").equals(twice.id())).hasSize(1);
        assertThat(api.get("/api/subscriptions/" + id + "/deliveries", key).body().findValuesAsString("eventId"))
                .containsExactlyInAnyOrder(twice.id(), marker.id());
        assertThat(consumed("duplicate") - duplicatesBefore).as("the second copy counted as a duplicate").isGreaterThanOrEqualTo(1);
        assertThat(consumed("applied")).isGreaterThanOrEqualTo(2);
    }

    private double consumed(String outcome) {
        var counter = meters.find("vigia.events.consumed").tag("topic", Topics.BILL_EVENTS).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theIntakeHasAnErrorHandlerOfItsOwnAndTheEmailListenerKeepsTheStartersUnchanged() {
        // storage failures are retried without end only for the intake: the shared handler is not altered for it
        var intake = (AbstractMessageListenerContainer<?, ?>) listeners.getListenerContainer("notify-events");
        var email = (AbstractMessageListenerContainer<?, ?>) listeners.getListenerContainer("notify-email");
        assertThat(intake.getCommonErrorHandler()).isInstanceOf(DefaultErrorHandler.class)
                .isNotSameAs(sharedErrorHandler);
        assertThat(email.getCommonErrorHandler()).isSameAs(sharedErrorHandler);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() throws Exception {
        String billId = bill("poison");
        String key = api.newSubscriberKey(OPERATOR, "Poison NGO " + billId);
        api.subscribe(key, receiver.url("/poison"), "[\"*\"]", "[\"" + billId + "\"]");
        kafka.send(Topics.BILL_EVENTS, billId, "{this is not a cloud event").get();
        CloudEvent after = publish(stageChanged(billId, "FIRST_DEBATE"));
        await().atMost(WAIT).until(() -> receiver.received("/poison").stream()
                .anyMatch(r -> r.header("webhook-id").equals(after.id())));
        assertThat(new TopicReader(bootstrapServers).readUntil(Topics.deadLetter(Topics.BILL_EVENTS), WAIT,
                records -> records.stream().anyMatch(r -> billId.equals(r.key())))).extracting(ConsumerRecord::key)
                .contains(billId);
    }

    @Test
    void poisonRecordsInTheMiddleOfABatchGoToTheDeadLetterTopicAndTheOthersAreDeliveredOnce() throws Exception {
        String billId = bill("poison-batch");
        String key = api.newSubscriberKey(OPERATOR, "Poison batch NGO " + billId);
        String id = api.subscribe(key, receiver.url("/poison-batch"), "[\"*\"]", "[\"" + billId + "\"]")
                .path("subscription").path("id").asString();
        List<CloudEvent> good = List.of(
                EventCodec.create("/vigia/test", stageChanged(billId, "FIRST_DEBATE"), Instant.now()),
                EventCodec.create("/vigia/test", stageChanged(billId, "SECOND_DEBATE"), Instant.now()),
                EventCodec.create("/vigia/test", stageChanged(billId, "THIRD_DEBATE"), Instant.now()));
        CloudEvent noSubject = new CloudEvent(null, UUID.randomUUID().toString(), "/vigia/test",
                "co.vigia.bill.stage-changed", null, Instant.now(), CloudEvent.JSON, null,
                EventCodec.mapper().valueToTree(stageChanged(billId, "SANCTIONED")));
        // held back while the records are written, so that one poll reads them together
        MessageListenerContainer intake = listeners.getListenerContainer("notify-events");
        intake.pause();
        try {
            await().atMost(WAIT).until(intake::isContainerPaused);
            publish(good.get(0));
            kafka.send(Topics.BILL_EVENTS, billId, "{this is not a cloud event").get();
            publish(good.get(1));
            kafka.send(Topics.BILL_EVENTS, billId, EventCodec.write(noSubject)).get();
            publish(good.get(2));
        } finally {
            intake.resume();
        }

        await().atMost(WAIT).until(() -> receiver.received("/poison-batch").size() >= 3);
        assertThat(readDeadLetters(billId, 2)).hasSize(2).contains("{this is not a cloud event")
                .anySatisfy(dead -> assertThat(dead).contains(noSubject.id()));
        Thread.sleep(1000);
        assertThat(receiver.received("/poison-batch")).extracting(r -> r.header("webhook-id"))
                .containsExactlyElementsOf(good.stream().map(CloudEvent::id).toList());
        assertThat(api.get("/api/subscriptions/" + id + "/deliveries", key).body().findValuesAsString("eventId"))
                .containsExactlyInAnyOrderElementsOf(good.stream().map(CloudEvent::id).toList());
    }

    /** The values of up to {@code expected} records keyed {@code key} on the bill topic's DLT. */
    private List<String> readDeadLetters(String key, int expected) {
        return new TopicReader(bootstrapServers).readUntil(Topics.deadLetter(Topics.BILL_EVENTS), WAIT,
                records -> records.stream().filter(r -> key.equals(r.key())).count() >= expected).stream()
                .filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    @Test
    void oneBillsEventsArriveInOrderWhileTheFirstIsRetried() throws Exception {
        String billId = bill("orden");
        String key = api.newSubscriberKey(OPERATOR, "Order NGO " + billId);
        api.subscribe(key, receiver.url("/order"), "[\"co.vigia.bill.*\"]", "[\"" + billId + "\"]");
        AtomicInteger firstEventAttempts = new AtomicInteger();
        CloudEvent first = EventCodec.create("/vigia/test", stageChanged(billId, "FIRST_DEBATE"), Instant.now());
        WebhookReceiver ordered = receiver;
        scripted.remove("/order");
        receiverAnswering("/order", r -> r.header("webhook-id").equals(first.id())
                && firstEventAttempts.incrementAndGet() <= 2 ? Reply.status(503) : Reply.status(200));
        publish(first);
        CloudEvent second = publish(stageChanged(billId, "SECOND_DEBATE"));
        CloudEvent third = publish(stageChanged(billId, "THIRD_DEBATE"));
        await().atMost(WAIT).until(() -> ordered.received("/order").size() >= 5);
        List<String> ids = ordered.received("/order").stream().map(r -> r.header("webhook-id")).toList();
        assertThat(ids).containsExactly(first.id(), first.id(), first.id(), second.id(), third.id());
    }

    @Test
    void aDeadEndpointNeverDelaysAHealthyOne() throws Exception {
        String key = api.newSubscriberKey(OPERATOR, "Breaker NGO " + UUID.randomUUID());
        List<String> bills = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bills.add(bill("aislado-" + i));
        }
        String billsJson = bills.stream().map(b -> "\"" + b + "\"").toList().toString();
        scripted.put("/dead", WebhookReceiver.HANG);
        String dead = api.subscribe(key, receiver.url("/dead"), "[\"*\"]", billsJson).path("subscription").path("id")
                .asString();
        api.subscribe(key, receiver.url("/healthy"), "[\"*\"]", billsJson);
        long started = System.currentTimeMillis();
        for (String b : bills) {
            publish(stageChanged(b, "FIRST_DEBATE"));
        }
        await().atMost(WAIT).until(() -> receiver.received("/healthy").size() == 6);
        long healthyTook = System.currentTimeMillis() - started;
        assertThat(healthyTook).as("the healthy endpoint got every event while the dead one hung").isLessThan(10_000);
        await().atMost(WAIT).until(() -> gates.state(dead) == CircuitBreaker.State.OPEN);
        int deadCalls = receiver.received("/dead").size();
        // with the circuit open the dead endpoint is not called again for its open period
        Thread.sleep(1500);
        assertThat(receiver.received("/dead")).hasSize(deadCalls);
    }

    private void receiverAnswering(String path, java.util.function.Function<WebhookReceiver.Received, Reply> answer) {
        receiver.answering(r -> r.path().equals(path) ? answer.apply(r) : scripted.getOrDefault(r.path(), Reply.status(204)));
    }
}
