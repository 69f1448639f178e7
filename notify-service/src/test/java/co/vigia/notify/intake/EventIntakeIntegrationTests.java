package co.vigia.notify.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.notify.WebhookProperties;
import co.vigia.notify.delivery.Delivery;
import co.vigia.notify.delivery.DeliveryLines;
import co.vigia.notify.delivery.DeliveryPlanner;
import co.vigia.notify.delivery.DeliveryStore;
import co.vigia.notify.delivery.DeliveryTrigger;
import co.vigia.notify.delivery.RetryPolicy;
import co.vigia.notify.delivery.ScratchDatabase;
import co.vigia.notify.delivery.WorkerSignal;
import co.vigia.notify.event.EventStore;
import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.subscriber.Subscriber;
import co.vigia.notify.subscriber.SubscriberRepository;
import co.vigia.notify.subscriber.SubscriberStatus;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionStatus;
import co.vigia.notify.subscription.SubscriptionStore;
import co.vigia.starter.VigiaProperties;
import co.vigia.starter.kafka.PoisonEventException;
import co.vigia.starter.metrics.EventMetrics;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import tools.jackson.databind.node.ObjectNode;

/**
 * A poll's events taken together, on real MongoDB (or the embedded server): a constant number of commands for the
 * batch, the same deliveries as one by one and in record order, a batch read again after a crash part-way, a large
 * fan-out still streamed, and which record of a batch the consumer names when one cannot be applied.
 */
class EventIntakeIntegrationTests {

    private static final Instant NOW = Instant.parse("2023-03-15T10:00:00Z");
    private static final String TOPIC = "vigia.bill.events";
    private static final String BILL_A = "sometimiento-2023";
    private static final String BILL_B = "ley-2272-2022";
    private static final String TALLIED = "co.vigia.vote.tallied";
    private static final String ACTION = "co.vigia.bill.action-recorded";
    private static final String DEFECT = "co.vigia.bill.defect-flagged";
    private static final String STAGE = "co.vigia.bill.stage-changed";

    private final List<Scratch> opened = new ArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        for (Scratch scratch : opened) {
            scratch.store.close();
            scratch.database.close();
        }
    }

    @Test
    void aBatchOfEventsMatchingNobodyMakesTheSameFewCommandsWhateverItsSize() {
        Scratch scratch = scratch();
        // figure 3: subscriptions exist, but to other types and bills
        scratch.subscriber("ngo-1", SubscriberStatus.ACTIVE);
        scratch.subscription("objections-elsewhere", "ngo-1", List.of("co.vigia.objection.*"), List.of("another-bill"));
        scratch.subscription("stages-elsewhere", "ngo-1", List.of(STAGE), List.of("another-bill"));

        List<String> small = scratch.commandsOf(() -> scratch.intake.acceptAll(received(figure3Events("small", 10))));
        List<String> large = scratch.commandsOf(() -> scratch.intake.acceptAll(received(figure3Events("large", 200))));

        assertThat(large).as("one insert, one read of candidates, one update: not four an event")
                .isEqualTo(small).hasSizeLessThanOrEqualTo(4);
        assertThat(scratch.database.mongo.count(new Query(Criteria.where("fannedOut").is(true)), StoredEvent.class))
                .isEqualTo(210);
        assertThat(scratch.database.mongo.count(new Query(), Delivery.class)).isZero();
        assertThat(scratch.counted("applied")).isEqualTo(210);
    }

    @Test
    void aBatchCreatesTheSameDeliveriesAsItsEventsAcceptedOneByOneInFewerCommands() {
        Scratch batch = scratch();
        Scratch oneByOne = scratch();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event("mixed-" + i, List.of(TALLIED, ACTION, STAGE).get(i % 3), i % 2 == 0 ? BILL_A : BILL_B));
        }
        for (Scratch scratch : List.of(batch, oneByOne)) {
            scratch.subscriber("ngo-1", SubscriberStatus.ACTIVE);
            scratch.subscriber("ngo-suspended", SubscriberStatus.SUSPENDED);
            scratch.subscription("bills-of-a", "ngo-1", List.of("co.vigia.bill.*"), List.of(BILL_A));
            scratch.subscription("everything", "ngo-1", List.of("*"), List.of());
            scratch.subscription("votes-of-b", "ngo-1", List.of(TALLIED), List.of(BILL_B));
            scratch.subscription("of-a-suspended-ngo", "ngo-suspended", List.of("*"), List.of());
            scratch.subscription("nothing-here", "ngo-1", List.of(DEFECT), List.of(BILL_A));
        }

        List<String> batchCommands = batch.commandsOf(() ->
                assertThat(batch.intake.acceptAll(received(events))).isEqualTo(12 + 4 + 2));
        List<String> oneByOneCommands = oneByOne.commandsOf(() -> events.forEach(e -> oneByOne.intake.accept(e, TOPIC)));

        assertThat(batch.deliveries()).isEqualTo(oneByOne.deliveries()).hasSize(18);
        assertThat(batch.deliveries()).noneMatch(d -> d.subscriptionId().equals("of-a-suspended-ngo")
                || d.subscriptionId().equals("nothing-here"));
        // the deliveries' own writes (a line read, a line write, an insert) are per event either way
        assertThat(batchCommands).hasSizeLessThanOrEqualTo(4 + 3 * 12);
        assertThat(oneByOneCommands.size() - batchCommands.size()).isGreaterThanOrEqualTo(3 * (12 - 1));
    }

    @Test
    void twoEventsOfOneBillInOneBatchAreDeliveredInRecordOrder() {
        Scratch scratch = scratch();
        scratch.subscriber("ngo-1", SubscriberStatus.ACTIVE);
        scratch.subscription("bills-of-a", "ngo-1", List.of("co.vigia.bill.*"), List.of(BILL_A));
        CloudEvent first = event("first", STAGE, BILL_A);
        CloudEvent second = event("second", ACTION, BILL_A);

        scratch.intake.acceptAll(received(List.of(first, second)));

        Delivery firstDelivery = scratch.delivery("first:bills-of-a");
        Delivery secondDelivery = scratch.delivery("second:bills-of-a");
        assertThat(firstDelivery.previousId()).isNull();
        assertThat(secondDelivery.previousId()).as("behind the earlier event's").isEqualTo(firstDelivery.id());
        assertThat(scratch.database.mongo.findById("bills-of-a " + BILL_A, org.bson.Document.class, "delivery_lines")
                .getString("lastId")).as("the line ends with the later one").isEqualTo(secondDelivery.id());
    }

    @Test
    void theSameEventTwiceInOneBatchIsFannedOutOnce() {
        Scratch scratch = scratch();
        scratch.subscriber("ngo-1", SubscriberStatus.ACTIVE);
        scratch.subscription("everything", "ngo-1", List.of("*"), List.of());
        CloudEvent twice = event("twice", STAGE, BILL_A);

        assertThat(scratch.intake.acceptAll(received(List.of(twice, event("other", STAGE, BILL_A), twice))))
                .isEqualTo(2);

        assertThat(scratch.deliveries()).extracting(Shape::id)
                .containsExactlyInAnyOrder("twice:everything", "other:everything");
        assertThat(scratch.counted("duplicate")).isEqualTo(1);
    }

    @Test
    void aBatchReadAgainAfterACrashPartWayYieldsEachDeliveryOnce() {
        Scratch scratch = scratch();
        scratch.subscriber("ngo-1", SubscriberStatus.ACTIVE);
        scratch.subscription("bills-of-a", "ngo-1", List.of("co.vigia.bill.*"), List.of(BILL_A));
        scratch.subscription("everything", "ngo-1", List.of("*"), List.of());
        List<CloudEvent> events = List.of(event("e1", STAGE, BILL_A), event("e2", ACTION, BILL_A),
                event("e3", STAGE, BILL_A));
        // the crash: e1 and e2 were stored, e1 got one of its two deliveries, neither was marked fanned out
        StoredEvent e1 = stored(events.get(0));
        scratch.database.mongo.insert(e1);
        scratch.database.mongo.insert(stored(events.get(1)));
        scratch.planner.scheduleEach(e1, List.of(scratch.database.mongo.findById("bills-of-a", Subscription.class)),
                DeliveryTrigger.EVENT, false);

        assertThat(scratch.intake.acceptAll(received(events))).as("all but the one that existed").isEqualTo(5);

        assertThat(scratch.deliveries()).extracting(Shape::id).containsExactlyInAnyOrder("e1:bills-of-a",
                "e1:everything", "e2:bills-of-a", "e2:everything", "e3:bills-of-a", "e3:everything");
        assertThat(scratch.delivery("e2:bills-of-a").previousId()).isEqualTo("e1:bills-of-a");
        assertThat(scratch.delivery("e3:bills-of-a").previousId()).isEqualTo("e2:bills-of-a");
        assertThat(scratch.delivery("e1:everything").previousId()).isNull();
        assertThat(scratch.delivery("e3:everything").previousId()).isEqualTo("e2:everything");
        assertThat(scratch.database.mongo.find(new Query(), StoredEvent.class)).hasSize(3)
                .allMatch(StoredEvent::fannedOut);

        assertThat(scratch.intake.acceptAll(received(events))).as("read once more: nothing new").isZero();
        assertThat(scratch.deliveries()).hasSize(6);
        assertThat(scratch.counted("duplicate")).isEqualTo(3);
    }

    @Test
    void aLargeFanOutInABatchStartsDeliveringBeforeAllItsSubscriptionsAreRead() {
        Scratch scratch = scratch();
        scratch.subscriber("ngo-1", SubscriberStatus.ACTIVE);
        int count = EventIntake.BATCH * 2 + 200;
        scratch.database.mongo.insertAll(IntStream.range(0, count).mapToObj(i -> subscription("wide-" + i, "ngo-1",
                List.of("*"), List.of(BILL_A))).toList());

        List<String> commands = scratch.commandsOf(() -> assertThat(scratch.intake.acceptAll(
                received(List.of(event("wide", STAGE, BILL_A), event("narrow", STAGE, BILL_B))))).isEqualTo(count));

        assertThat(scratch.database.mongo.count(new Query(), Delivery.class)).isEqualTo(count);
        int firstInsert = commands.indexOf("insert deliveries");
        int lastRead = commands.lastIndexOf("getMore subscriptions");
        assertThat(firstInsert).isNotNegative();
        assertThat(lastRead).as("the subscriptions are read in batches").isPositive();
        assertThat(firstInsert).as("the first deliveries exist before the last subscriptions are read")
                .isLessThan(lastRead);
    }

    @Test
    void aPoisonRecordInABatchIsNamedAfterTheRecordsBeforeItAreStored() {
        Scratch scratch = scratch();
        scratch.subscriber("ngo-1", SubscriberStatus.ACTIVE);
        scratch.subscription("everything", "ngo-1", List.of("*"), List.of());
        EventConsumer consumer = new EventConsumer(scratch.intake);
        CloudEvent noSubject = new CloudEvent(null, "no-subject", "/vigia/test", STAGE, null, NOW, CloudEvent.JSON,
                null, data(BILL_A));

        assertThatThrownBy(() -> consumer.onEvents(List.of(record(0, event("before", STAGE, BILL_A)),
                record(1, noSubject), record(2, event("after", STAGE, BILL_A)))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).hasMessageContaining("no subject");
                });

        assertThat(scratch.deliveries()).extracting(Shape::id).containsExactly("before:everything");
        assertThat(scratch.database.mongo.findById("before", StoredEvent.class).fannedOut()).isTrue();
        assertThat(scratch.database.mongo.findById("after", StoredEvent.class)).as("read again after the poison one")
                .isNull();
    }

    @Test
    void anUnreadableRecordInABatchIsNamedWithItsDeserializationFailure() {
        Scratch scratch = scratch();
        EventConsumer consumer = new EventConsumer(scratch.intake);
        RecordHeaders headers = new RecordHeaders();
        byte[] raw = "{this is not a cloud event".getBytes(StandardCharsets.UTF_8);
        SerializationUtils.deserializationException(headers, raw, new IllegalArgumentException("not a CloudEvent"),
                false);
        ConsumerRecord<String, CloudEvent> unreadable = new ConsumerRecord<>(TOPIC, 0, 1, NOW.toEpochMilli(),
                TimestampType.CREATE_TIME, -1, raw.length, BILL_A, null, headers, java.util.Optional.empty());

        assertThatThrownBy(() -> consumer.onEvents(List.of(record(0, event("readable", STAGE, BILL_A)), unreadable)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    // poison, so dead-lettered at once, its bytes as they came (from the header)
                    assertThat(e.getCause()).isInstanceOf(PoisonEventException.class)
                            .hasCauseInstanceOf(DeserializationException.class);
                });
        assertThat(scratch.database.mongo.findById("readable", StoredEvent.class).fannedOut()).isTrue();
    }

    @Test
    void aBatchTheStoreCannotTakeIsNamedFromItsFirstRecordAsAStorageFailure() throws InterruptedException {
        Scratch scratch = scratch();
        EventConsumer consumer = new EventConsumer(scratch.intake);
        opened.remove(scratch);
        scratch.store.close();
        scratch.database.close(); // the store gone: every command fails

        assertThatThrownBy(() -> consumer.onEvents(List.of(record(0, event("one", STAGE, BILL_A)),
                record(1, event("two", STAGE, BILL_A)))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).as("nothing committed, nothing dead-lettered").isZero();
                    assertThat(e.getCause()).isInstanceOf(IntakeStorageException.class);
                    assertThat(IntakeRetries.storageFailure(e)).isTrue();
                });
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<CloudEvent> figure3Events(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> event(prefix + "-" + i, List.of(TALLIED, ACTION, DEFECT).get(i % 3),
                "bill-" + (i % 7))).toList();
    }

    private static CloudEvent event(String id, String type, String bill) {
        return new CloudEvent(null, id, "/vigia/test", type, bill, NOW, CloudEvent.JSON, null, data(bill));
    }

    private static ObjectNode data(String bill) {
        return EventCodec.mapper().createObjectNode().put("billId", bill);
    }

    private static StoredEvent stored(CloudEvent event) {
        return new StoredEvent(event.id(), event.type(), event.subject(), event.source(), event.time(), TOPIC,
                EventCodec.mapper().writeValueAsString(event.data()), NOW, false);
    }

    private static List<EventIntake.Received> received(List<CloudEvent> events) {
        return events.stream().map(e -> new EventIntake.Received(e, TOPIC)).toList();
    }

    private static ConsumerRecord<String, CloudEvent> record(long offset, CloudEvent event) {
        return new ConsumerRecord<>(TOPIC, 0, offset, event.subject(), event);
    }

    private static Subscription subscription(String id, String subscriberId, List<String> types, List<String> bills) {
        return new Subscription(id, subscriberId, "https://hooks.example.org/" + id, null, types, bills,
                SubscriptionStatus.ACTIVE, null, null, List.of(), null, null, NOW, NOW, 0L);
    }

    /** A delivery as both ways of accepting must make it (its creation time and sequence aside). */
    private record Shape(String id, String eventId, String subscriptionId, String subject, String previousId,
                         DeliveryTrigger trigger) {
    }

    private Scratch scratch() {
        Scratch scratch = new Scratch();
        opened.add(scratch);
        return scratch;
    }

    /** A database, the intake over it, and the commands its client sends. */
    private static final class Scratch {

        final List<String> commands = Collections.synchronizedList(new ArrayList<>());
        final ScratchDatabase database = new ScratchDatabase("event-intake", new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String name = event.getCommandName();
                var command = event.getCommand();
                String collection = name.equals("getMore") ? command.getString("collection").getValue()
                        : command.isString(name) ? command.getString(name).getValue() : "";
                commands.add(name + " " + collection);
            }
        });
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final DeliveryStore store = new DeliveryStore(database.mongo);
        final DeliveryPlanner planner = new DeliveryPlanner(store, new DeliveryLines(database.mongo), new EventStore(database.mongo),
                new RetryPolicy(List.of(Duration.ZERO, Duration.ofSeconds(5)), 0, () -> 0.5), new WorkerSignal(),
                Clock.fixed(NOW, ZoneOffset.UTC), new VigiaProperties("/vigia/notify-service", null, null, null),
                webhooks());
        final EventIntake intake = new EventIntake(new EventStore(database.mongo), new SubscriptionStore(database.mongo),
                new MongoRepositoryFactory(database.mongo).getRepository(SubscriberRepository.class), planner,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new EventMetrics(meters));

        void subscriber(String id, SubscriberStatus status) {
            database.mongo.insert(new Subscriber(id, id, id + "@example.org", status, "hash-" + id, NOW, null, null, null));
        }

        void subscription(String id, String subscriberId, List<String> types, List<String> bills) {
            database.mongo.insert(EventIntakeIntegrationTests.subscription(id, subscriberId, types, bills));
        }

        List<String> commandsOf(Runnable work) {
            commands.clear();
            work.run();
            return List.copyOf(commands);
        }

        Delivery delivery(String id) {
            return database.mongo.findById(id, Delivery.class);
        }

        List<Shape> deliveries() {
            return database.mongo.find(new Query().with(Sort.by("eventId", "subscriptionId")), Delivery.class).stream()
                    .map(d -> new Shape(d.id(), d.eventId(), d.subscriptionId(), d.subject(), d.previousId(),
                            d.trigger())).toList();
        }

        double counted(String outcome) {
            var counter = meters.find("vigia.events.consumed").tag("topic", TOPIC).tag("outcome", outcome).counter();
            return counter == null ? 0 : counter.count();
        }
    }

    /** The defaults of application.yml; the planner uses the instance id and the lease. */
    private static WebhookProperties webhooks() {
        return new WebhookProperties(List.of(), List.of(Duration.ZERO, Duration.ofSeconds(5)), 0.1,
                Duration.ofDays(5), 10, "notify-a", Duration.ofSeconds(60), Duration.ofHours(24), Duration.ofSeconds(5),
                Duration.ofSeconds(15), 20_480, Duration.ofSeconds(1), 32, 4,
                new WebhookProperties.Breaker(10, 5, 50, Duration.ofSeconds(30)),
                new WebhookProperties.Links("http://localhost:8081", "http://localhost:8082"));
    }
}
