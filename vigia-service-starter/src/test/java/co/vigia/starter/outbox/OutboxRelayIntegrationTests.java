package co.vigia.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.Topics;
import co.vigia.contracts.bill.BillActionRecorded;
import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.starter.VigiaProperties;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/** The outbox on real MongoDB and Kafka: what is written with the state change reaches Kafka, in order, once. */
@SpringBootTest(classes = StarterTestApplication.class)
@WithTestInfrastructure
class OutboxRelayIntegrationTests {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    KafkaTemplate<String, String> kafka;

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

        relay.afterSave("parcels", billId, messages(events));

        List<String> received = receiveIds(billId, 3);
        assertThat(received).containsExactlyElementsOf(events.stream().map(CloudEvent::id).toList());
        awaitEmptyOutbox(billId);
    }

    @Test
    void documentsWrittenTogetherArePublishedInTheGivenOrderAndRemovedFromTheirOutboxes() {
        String billId = "bill-" + UUID.randomUUID();
        List<CloudEvent> first = List.of(action(billId, 1), action(billId, 2));
        List<CloudEvent> second = List.of(action(billId, 3));
        mongo.insert(List.of(parcel(billId + "-a", first), parcel(billId + "-b", second)), "parcels");

        relay.afterSave("parcels", List.of(new OutboxRelay.Saved(billId + "-a", messages(first)),
                new OutboxRelay.Saved(billId + "-b", messages(second))));

        assertThat(receiveIds(billId, 3)).containsExactly(first.get(0).id(), first.get(1).id(), second.get(0).id());
        awaitEmptyOutbox(billId + "-a");
        awaitEmptyOutbox(billId + "-b");
    }

    @Test
    void aMessageTheWriterDidNotHandOverIsNotRemovedWithTheOthersAndIsPublishedByTheSweep() {
        String billId = "bill-" + UUID.randomUUID();
        List<CloudEvent> handed = List.of(action(billId, 1));
        CloudEvent later = action(billId, 2);
        mongo.insert(parcel(billId, handed), "parcels");
        // pushed by a writer that "died" before handing it to the relay
        Document pushed = parcel("x", List.of(later)).getList(OutboxMessage.FIELD, Document.class).get(0);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(billId)), new Update().push(OutboxMessage.FIELD, pushed),
                "parcels");

        relay.afterSave("parcels", billId, messages(handed));

        // at least once: a sweep that came by before the relay took the document may have sent the first one too
        assertThat(receiveIds(billId, 2).stream().distinct()).containsExactly(handed.get(0).id(), later.id());
        awaitEmptyOutbox(billId);
    }

    @Test
    void theSweepPublishesWhatACrashLeftBehind() {
        String billId = "bill-" + UUID.randomUUID();
        CloudEvent event = action(billId, 1);
        // written, but the service "died" before handing the outbox to the relay
        mongo.insert(parcel(billId, List.of(event)), "parcels");

        assertThat(receiveIds(billId, 1)).containsExactly(event.id());
        awaitEmptyOutbox(billId);
    }

    @Test
    void aRelayThatDiedMidSendIsResumedInOrderByTheNextOne() throws InterruptedException {
        String billId = "bill-" + UUID.randomUUID();
        List<CloudEvent> events = List.of(action(billId, 1), action(billId, 2));
        // a collection only the restarted relay sweeps, so that the running one does not take the document first
        String collection = "parcels_resumed";
        mongo.insert(parcel(billId, events), collection);
        // the first was sent, then the process died before the acknowledgement was recorded or removed
        kafka.send(Topics.BILL_EVENTS, billId, EventCodec.write(events.get(0))).join();

        OutboxRelay restarted = new OutboxRelay(mongo, kafka, new VigiaProperties.Outbox(List.of(collection),
                Duration.ofHours(1), Duration.ofSeconds(10), 500), null);
        restarted.sweep();
        restarted.destroy();

        // at least once, in order: the first again (consumers drop it by its id), then the second
        assertThat(receiveIds(billId, 3)).containsExactly(events.get(0).id(), events.get(0).id(), events.get(1).id());
        assertThat(mongo.findById(billId, Document.class, collection).getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void messagesAnOlderRelayStagedApartAreMovedIntoTheirDocumentsAndPublishedInOrder() throws InterruptedException {
        String billId = "bill-" + UUID.randomUUID();
        String collection = "parcels_upgraded";
        List<CloudEvent> events = List.of(action(billId, 1), action(billId, 2));
        mongo.insert(parcel(billId, List.of()), collection);
        for (int seq = events.size() - 1; seq >= 0; seq--) {
            Document m = parcel("x", List.of(events.get(seq))).getList(OutboxMessage.FIELD, Document.class).get(0);
            mongo.insert(new Document(m).append("_id", m.get("eventId")).append("collection", collection)
                    .append("documentId", billId).append("seq", seq).append("stagedAt", new java.util.Date()),
                    StagedOutboxUpgrade.STAGED);
        }
        // staged, but its document was never stored (the writer lost a key clash), long ago
        CloudEvent orphan = action(billId, 3);
        Document o = parcel("x", List.of(orphan)).getList(OutboxMessage.FIELD, Document.class).get(0);
        mongo.insert(new Document(o).append("_id", o.get("eventId")).append("collection", collection)
                .append("documentId", billId + "-never").append("seq", 0)
                .append("stagedAt", java.util.Date.from(Instant.now().minus(Duration.ofHours(1)))),
                StagedOutboxUpgrade.STAGED);

        OutboxRelay upgraded = new OutboxRelay(mongo, kafka, new VigiaProperties.Outbox(List.of(collection),
                Duration.ofHours(1), Duration.ofSeconds(10), 500), null);
        upgraded.afterSingletonsInstantiated();
        upgraded.sweep();
        upgraded.destroy();

        assertThat(receiveIds(billId, 2)).containsExactly(events.get(0).id(), events.get(1).id());
        assertThat(poll(billId, Duration.ofSeconds(1))).isEmpty();
        assertThat(mongo.collectionExists(StagedOutboxUpgrade.STAGED)).isFalse();
    }

    @Test
    void anAcknowledgedMessageAWriterWroteBackIsNotSentAgainAndIsRemovedAgain() {
        String billId = "bill-" + UUID.randomUUID();
        CloudEvent event = action(billId, 1);
        Document written = parcel(billId, List.of(event));
        mongo.insert(written, "parcels");
        relay.afterSave("parcels", billId, messages(List.of(event)));
        assertThat(receiveIds(billId, 1)).containsExactly(event.id());
        awaitEmptyOutbox(billId);

        // a writer that had read the document before the removal saves it back whole, the sent message with it
        mongo.save(written, "parcels");
        relay.sweep();

        assertThat(poll(billId, Duration.ofSeconds(2))).isEmpty();
        awaitEmptyOutbox(billId);
    }

    @Test
    void aDocumentJustSavedIsPublishedFromTheOutboxAsSavedInOrderAndAcknowledgedMessagesAreNotSentAgain() {
        String billId = "bill-" + UUID.randomUUID();
        List<CloudEvent> first = List.of(action(billId, 1), action(billId, 2));
        mongo.insert(parcel(billId, first), "parcels");
        relay.afterSave("parcels", billId, messages(first));
        assertThat(receiveIds(billId, 2)).containsExactlyElementsOf(first.stream().map(CloudEvent::id).toList());

        // the next write saves the document whole, the first two (acknowledged, maybe not removed yet) with a third
        List<CloudEvent> all = List.of(first.get(0), first.get(1), action(billId, 3));
        mongo.save(parcel(billId, all), "parcels");
        relay.afterSave("parcels", billId, messages(all));

        assertThat(receiveIds(billId, 1)).containsExactly(all.get(2).id());
        assertThat(poll(billId, Duration.ofSeconds(1))).isEmpty();
        awaitEmptyOutbox(billId);
    }

    @Test
    void writesToOneDocumentWhileItIsBeingRelayedArePublishedInTheOrderTheyWereWritten() {
        String billId = "bill-" + UUID.randomUUID();
        List<CloudEvent> events = new ArrayList<>();
        mongo.insert(parcel(billId, List.of()), "parcels");
        for (int n = 1; n <= 20; n++) {
            events.add(action(billId, n));
            mongo.save(parcel(billId, events), "parcels");
            relay.afterSave("parcels", billId, messages(events));
        }

        assertThat(receiveIds(billId, 20).stream().distinct())
                .containsExactlyElementsOf(events.stream().map(CloudEvent::id).toList());
    }

    @Test
    void aDocumentWithAnEmptyOutboxPublishesNothing() {
        String billId = "bill-" + UUID.randomUUID();
        mongo.insert(parcel(billId, List.of()), "parcels");
        relay.afterSave("parcels", billId, List.of());
        relay.sweep();
        assertThat(poll(billId, Duration.ofSeconds(2))).isEmpty();
    }

    private void awaitEmptyOutbox(String id) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(id, Document.class, "parcels").getList("outbox", Document.class)).isEmpty());
    }

    private static List<OutboxMessage> messages(List<CloudEvent> events) {
        return events.stream().map(OutboxMessage::of).toList();
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
