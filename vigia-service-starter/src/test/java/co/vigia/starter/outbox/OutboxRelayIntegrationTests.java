package co.vigia.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.Topics;
import co.vigia.contracts.bill.BillActionRecorded;
import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.startertest.StarterTestApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The outbox on real MongoDB and Kafka: what is written with the state change reaches Kafka, in order, once. */
@SpringBootTest(classes = StarterTestApplication.class)
@WithTestInfrastructure
class OutboxRelayIntegrationTests {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaConsumer<String, String> consumer;

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.BILL_EVENTS));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void eventsWrittenWithTheDocumentArePublishedInOrderAndRemovedFromTheOutbox() {
        String billId = "bill-" + UUID.randomUUID();
        List<CloudEvent> events = List.of(action(billId, 1), action(billId, 2), action(billId, 3));
        mongo.insert(parcel(billId, events), "parcels");

        relay.afterWrite("parcels", billId);

        List<String> received = receiveIds(billId, 3);
        assertThat(received).containsExactlyElementsOf(events.stream().map(CloudEvent::id).toList());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(billId, Document.class, "parcels").getList("outbox", Document.class)).isEmpty());
    }

    @Test
    void documentsJustInsertedArePublishedFromTheirMessagesInOrderAndRemovedFromTheirOutboxes() {
        String billId = "bill-" + UUID.randomUUID();
        List<CloudEvent> first = List.of(action(billId, 1), action(billId, 2));
        List<CloudEvent> second = List.of(action(billId, 3));
        String firstId = billId + "-a";
        String secondId = billId + "-b";
        mongo.insert(parcel(firstId, first), "parcels");
        mongo.insert(parcel(secondId, second), "parcels");

        relay.afterInsert("parcels", List.of(
                new OutboxRelay.Inserted(firstId, first.stream().map(OutboxMessage::of).toList()),
                new OutboxRelay.Inserted(secondId, second.stream().map(OutboxMessage::of).toList())));

        assertThat(receiveIds(billId, 3)).containsExactly(first.get(0).id(), first.get(1).id(), second.get(0).id());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(mongo.findById(firstId, Document.class, "parcels").getList("outbox", Document.class)).isEmpty();
            assertThat(mongo.findById(secondId, Document.class, "parcels").getList("outbox", Document.class)).isEmpty();
        });
    }

    @Test
    void aMessageWrittenAfterTheInsertIsNotRemovedWithTheInsertedOnesAndIsPublishedToo() {
        String billId = "bill-" + UUID.randomUUID();
        List<CloudEvent> inserted = List.of(action(billId, 1));
        CloudEvent later = action(billId, 2);
        String id = billId + "-a";
        mongo.insert(parcel(id, inserted), "parcels");
        // written after the insert, by a writer that "died" before calling afterWrite: not among the inserted messages
        Document pushed = parcel("x", List.of(later)).getList(OutboxMessage.FIELD, Document.class).get(0);
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
                new org.springframework.data.mongodb.core.query.Update().push(OutboxMessage.FIELD, pushed), "parcels");

        relay.afterInsert("parcels", List.of(new OutboxRelay.Inserted(id, inserted.stream().map(OutboxMessage::of).toList())));

        // at least once: a sweep that came by before the relay took the document may have sent the first one too
        assertThat(receiveIds(billId, 2).stream().distinct()).containsExactly(inserted.get(0).id(), later.id());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(id, Document.class, "parcels").getList("outbox", Document.class)).isEmpty());
    }

    @Test
    void theSweepPublishesWhatACrashLeftBehind() {
        String billId = "bill-" + UUID.randomUUID();
        CloudEvent event = action(billId, 1);
        // written, but the service "died" before calling afterWrite
        mongo.insert(parcel(billId, List.of(event)), "parcels");

        assertThat(receiveIds(billId, 1)).containsExactly(event.id());
    }

    @Test
    void stagedMessagesArePublishedRightAfterTheirDocumentsInsertInOrderAndDeleted() {
        String billId = "bill-" + UUID.randomUUID();
        List<OutboxMessage> first = List.of(OutboxMessage.of(action(billId, 1)), OutboxMessage.of(action(billId, 2)));
        List<OutboxMessage> second = List.of(OutboxMessage.of(action(billId, 3)));
        List<OutboxRelay.Inserted> docs = List.of(new OutboxRelay.Inserted(billId + "-a", first),
                new OutboxRelay.Inserted(billId + "-b", second));

        relay.stage("parcels", docs);
        mongo.insert(parcel(billId + "-a", List.of()), "parcels");
        mongo.insert(parcel(billId + "-b", List.of()), "parcels");
        relay.publishStaged("parcels", docs);

        assertThat(receiveIds(billId, 3)).containsExactly(first.get(0).eventId(), first.get(1).eventId(),
                second.get(0).eventId());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(staged(billId)).isZero());
        assertThat(mongo.findById(billId + "-a", Document.class, "parcels").getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void aCrashBetweenStagingAndTheInsertPublishesNothingUntilTheDocumentExists() {
        String billId = "bill-" + UUID.randomUUID();
        List<OutboxMessage> messages = List.of(OutboxMessage.of(action(billId, 1)), OutboxMessage.of(action(billId, 2)));
        // staged, then the writer "died" (or is still on its way) before inserting the document
        relay.stage("parcels", List.of(new OutboxRelay.Inserted(billId, messages)));

        relay.sweep();
        assertThat(poll(billId, Duration.ofSeconds(2))).as("the sweep runs every 500 ms and must send nothing").isEmpty();
        assertThat(staged(billId)).as("kept: its writer may still insert the document").isEqualTo(2);

        // the document is stored after all (a slow writer, who then died before publishing): the sweep publishes
        mongo.insert(parcel(billId, List.of()), "parcels");
        assertThat(receiveIds(billId, 2).stream().distinct()).containsExactly(messages.get(0).eventId(),
                messages.get(1).eventId());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(staged(billId)).isZero());
    }

    @Test
    void aStagedMessageWhoseDocumentNeverCameIsDroppedAfterOrphanAfterUnpublished() {
        String billId = "bill-" + UUID.randomUUID();
        relay.stage("parcels", List.of(new OutboxRelay.Inserted(billId, List.of(OutboxMessage.of(action(billId, 1))))));
        // as if staged longer ago than vigia.outbox.orphan-after (15 minutes by default)
        mongo.updateMulti(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("key").is(billId)),
                new org.springframework.data.mongodb.core.query.Update().set("stagedAt",
                        java.util.Date.from(Instant.now().minus(Duration.ofHours(1)))), OutboxRelay.STAGED);

        relay.sweep();

        assertThat(staged(billId)).isZero();
        assertThat(poll(billId, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void stagedMessagesOfDocumentsNotInsertedCanBeDiscarded() {
        String billId = "bill-" + UUID.randomUUID();
        List<OutboxRelay.Inserted> lost = List.of(new OutboxRelay.Inserted(billId,
                List.of(OutboxMessage.of(action(billId, 1)))));
        relay.stage("parcels", lost);

        relay.discardStaged(lost);

        assertThat(staged(billId)).isZero();
    }

    private long staged(String key) {
        return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("key").is(key)), OutboxRelay.STAGED);
    }

    @Test
    void anAcknowledgedMessageAWriterWroteBackIsNotSentAgainAndIsRemovedAgain() {
        String billId = "bill-" + UUID.randomUUID();
        CloudEvent event = action(billId, 1);
        Document written = parcel(billId, List.of(event));
        mongo.insert(written, "parcels");
        relay.afterWrite("parcels", billId);
        assertThat(receiveIds(billId, 1)).containsExactly(event.id());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(billId, Document.class, "parcels").getList("outbox", Document.class)).isEmpty());

        // a writer that had read the document before the removal saves it back whole, the sent message with it
        mongo.save(written, "parcels");
        relay.relayNow("parcels", billId);

        assertThat(poll(billId, Duration.ofSeconds(2))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(billId, Document.class, "parcels").getList("outbox", Document.class)).isEmpty());
    }

    @Test
    void aDocumentJustSavedIsPublishedFromTheOutboxAsSavedInOrderAndAcknowledgedMessagesAreNotSentAgain() {
        String billId = "bill-" + UUID.randomUUID();
        List<CloudEvent> first = List.of(action(billId, 1), action(billId, 2));
        mongo.insert(parcel(billId, first), "parcels");
        relay.afterSave("parcels", billId, first.stream().map(OutboxMessage::of).toList());
        assertThat(receiveIds(billId, 2)).containsExactlyElementsOf(first.stream().map(CloudEvent::id).toList());

        // the next write saves the document whole, the first two (acknowledged, maybe not removed yet) with a third
        List<CloudEvent> all = List.of(first.get(0), first.get(1), action(billId, 3));
        mongo.save(parcel(billId, all), "parcels");
        relay.afterSave("parcels", billId, all.stream().map(OutboxMessage::of).toList());

        assertThat(receiveIds(billId, 1)).containsExactly(all.get(2).id());
        assertThat(poll(billId, Duration.ofSeconds(1))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(billId, Document.class, "parcels").getList("outbox", Document.class)).isEmpty());
    }

    @Test
    void aDocumentWithAnEmptyOutboxPublishesNothing() {
        String billId = "bill-" + UUID.randomUUID();
        mongo.insert(parcel(billId, List.of()), "parcels");
        relay.relayNow("parcels", billId);
        assertThat(poll(billId, Duration.ofSeconds(2))).isEmpty();
    }

    private static CloudEvent action(String billId, int n) {
        return EventCodec.create("/vigia/starter-test",
                new BillActionRecorded(billId, "a-" + n, "NOTE", LocalDate.of(2023, 3, 15), "entry " + n, null),
                Instant.now());
    }

    private static Document parcel(String id, List<CloudEvent> events) {
        List<Document> outbox = new ArrayList<>();
        for (CloudEvent e : events) {
            OutboxMessage m = OutboxMessage.of(e);
            outbox.add(new Document("eventId", m.eventId()).append("topic", m.topic()).append("key", m.key())
                    .append("type", m.type()).append("payload", m.payload())
                    .append("createdAt", java.util.Date.from(m.createdAt())));
        }
        return new Document("_id", id).append("state", "changed").append(OutboxMessage.FIELD, outbox);
    }

    private List<String> receiveIds(String key, int expected) {
        List<String> ids = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (ids.size() < expected && System.currentTimeMillis() < deadline) {
            ids.addAll(poll(key, Duration.ofMillis(500)));
        }
        return ids;
    }

    private List<String> poll(String key, Duration timeout) {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> r : consumer.poll(timeout)) {
            if (key.equals(r.key())) {
                ids.add(EventCodec.read(r.value()).id());
            }
        }
        return ids;
    }
}
