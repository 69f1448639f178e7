package co.vigia.notify.delivery;

import static co.vigia.notify.delivery.PendingDeliveries.BILL;
import static co.vigia.notify.delivery.PendingDeliveries.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.notify.WebhookProperties;
import co.vigia.notify.event.EventStore;
import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionStatus;
import co.vigia.starter.VigiaProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A fan-out's deliveries as the planner creates them, on real MongoDB (or the embedded server): those due now that
 * this instance's worker can hold are created leased to it and handed to the worker, the rest are left in the store
 * for any instance's poll, and an event read again creates nothing.
 */
class DeliveryPlannerIntegrationTests {

    private static final String INSTANCE = "notify-a";
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final StoredEvent EVENT = new StoredEvent("event-1", "co.vigia.bill.stage-changed", BILL,
            "/vigia/bill-service", NOW, "vigia.bill.events", "{}", NOW, false);

    private ScratchDatabase database;
    private DeliveryStore store;
    private WorkerSignal signal;
    private DeliveryPlanner planner;

    @BeforeEach
    void connect() {
        database = new ScratchDatabase("delivery-planner");
        store = new DeliveryStore(database.mongo);
        signal = new WorkerSignal();
        planner = new DeliveryPlanner(store, new DeliveryLines(database.mongo), new EventStore(database.mongo),
                new RetryPolicy(List.of(Duration.ZERO, Duration.ofSeconds(5)), 0, () -> 0.5), signal,
                Clock.fixed(NOW, ZoneOffset.UTC), new VigiaProperties("/vigia/notify-service", null, null, null),
                webhooks(INSTANCE, LEASE));
    }

    @AfterEach
    void close() throws InterruptedException {
        store.close();
        database.close();
    }

    @Test
    void deliveriesDueNowAreCreatedLeasedToThisInstanceAndHandedToItsWorker() {
        assertThat(planner.scheduleEach(EVENT, subscriptions(0, 10), DeliveryTrigger.EVENT, false)).isEqualTo(10);

        List<Delivery> stored = database.mongo.find(new Query(), Delivery.class);
        assertThat(stored).hasSize(10).allSatisfy(d -> {
            assertThat(d.leaseOwner()).isEqualTo(INSTANCE);
            assertThat(d.leaseUntil()).isEqualTo(NOW.plus(LEASE));
        });
        assertThat(store.findDue(NOW, 100)).as("no other instance's read takes them").isEmpty();
        assertThat(signal.takeOffered(100)).extracting(Delivery::id)
                .containsExactlyInAnyOrderElementsOf(stored.stream().map(Delivery::id).toList())
                .allMatch(id -> id.startsWith("event-1:subscription-"));
    }

    @Test
    void deliveriesBeyondWhatTheWorkerCanHoldAreCreatedUnleasedForAnyInstance() {
        assertThat(signal.reserve(WorkerSignal.MAX_OFFERED - 3)).isEqualTo(WorkerSignal.MAX_OFFERED - 3);

        assertThat(planner.scheduleEach(EVENT, subscriptions(0, 10), DeliveryTrigger.EVENT, false)).isEqualTo(10);

        List<Delivery> stored = database.mongo.find(new Query(), Delivery.class);
        List<Delivery> leased = stored.stream().filter(d -> d.leaseOwner() != null).toList();
        assertThat(leased).hasSize(3).allSatisfy(d -> {
            assertThat(d.leaseOwner()).isEqualTo(INSTANCE);
            assertThat(d.leaseUntil()).isEqualTo(NOW.plus(LEASE));
        });
        List<Delivery> unleased = stored.stream().filter(d -> d.leaseOwner() == null).toList();
        assertThat(unleased).hasSize(7).allSatisfy(d -> assertThat(d.leaseUntil()).isNull());
        assertThat(store.findDue(NOW, 100)).as("any instance's read finds them")
                .containsExactlyInAnyOrderElementsOf(unleased);
        assertThat(signal.takeOffered(100)).containsExactlyInAnyOrderElementsOf(leased);
    }

    @Test
    void aFanOutLargerThanOneChunkCreatesOneDeliveryPerSubscriptionAndHandsEveryOneToTheWorker() {
        int count = DeliveryPlanner.CREATE_CHUNK * 2 + 7;

        assertThat(planner.scheduleEach(EVENT, subscriptions(0, count), DeliveryTrigger.EVENT, false)).isEqualTo(count);

        assertThat(database.mongo.count(new Query(), Delivery.class)).isEqualTo(count);
        assertThat(signal.takeOffered(count + 1)).hasSize(count).extracting(Delivery::id).doesNotHaveDuplicates();
    }

    @Test
    void anEventReadAgainCreatesNothingAndHandsNothingMoreToTheWorker() {
        planner.scheduleEach(EVENT, subscriptions(0, 10), DeliveryTrigger.EVENT, false);
        List<Delivery> first = database.mongo.find(new Query(), Delivery.class);
        assertThat(signal.takeOffered(100)).hasSize(10);

        assertThat(planner.scheduleEach(EVENT, subscriptions(0, 10), DeliveryTrigger.EVENT, true)).isZero();

        assertThat(database.mongo.find(new Query(), Delivery.class)).containsExactlyInAnyOrderElementsOf(first);
        assertThat(signal.takeOffered(100)).isEmpty();
        assertThat(signal.reserve(WorkerSignal.MAX_OFFERED)).as("no room kept for them")
                .isEqualTo(WorkerSignal.MAX_OFFERED);
    }

    private static List<Subscription> subscriptions(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new Subscription("subscription-" + i, "subscriber-1",
                "https://hooks.example.org/" + i, null, List.of(), List.of(), SubscriptionStatus.ACTIVE, null, null,
                List.of(), null, null, NOW, NOW, 0L)).toList();
    }

    /** The defaults of application.yml but the instance id and the lease, which the planner uses. */
    static WebhookProperties webhooks(String instanceId, Duration lease) {
        return new WebhookProperties(List.of(), List.of(Duration.ZERO, Duration.ofSeconds(5)), 0.1,
                Duration.ofDays(5), 10, instanceId, lease, Duration.ofHours(24), Duration.ofSeconds(5),
                Duration.ofSeconds(15), 20_480, Duration.ofSeconds(1), 32, 4,
                new WebhookProperties.Breaker(10, 5, 50, Duration.ofSeconds(30)),
                new WebhookProperties.Links("http://localhost:8081", "http://localhost:8082"));
    }
}
