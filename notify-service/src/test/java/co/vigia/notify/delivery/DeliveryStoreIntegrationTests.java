package co.vigia.notify.delivery;

import static co.vigia.notify.delivery.PendingDeliveries.NOW;
import static co.vigia.notify.delivery.PendingDeliveries.fanOut;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The delivery store's single-document guarantees on real MongoDB (or the embedded server): an event's fan-out
 * written in one bulk insert that skips what a first read of the event already created, and guarded writes that
 * apply only to the delivery as it was read (a compare-and-set on its version), so only the instance holding the
 * lease records an attempt.
 */
class DeliveryStoreIntegrationTests {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private ScratchDatabase database;
    private MongoTemplate mongo;
    private DeliveryStore store;

    @BeforeEach
    void connect() {
        database = new ScratchDatabase("delivery-store");
        mongo = database.mongo;
        store = new DeliveryStore(mongo);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFanOutReadTwiceCreatesEachDeliveryOnceAndReportsOnlyTheNewOnes() {
        List<Delivery> firstHalf = fanOut(0, 50);
        assertThat(store.insertAllAbsent(firstHalf)).hasSize(50);

        // the same event read again after a crash half-way through its fan-out: the first 50 exist, 50 are new
        List<Delivery> all = fanOut(0, 100);
        List<Delivery> created = store.insertAllAbsent(all);

        assertThat(created).extracting(Delivery::id).containsExactlyElementsOf(
                fanOut(50, 100).stream().map(Delivery::id).toList());
        assertThat(mongo.count(new Query(), Delivery.class)).isEqualTo(100);
        assertThat(store.insertAllAbsent(all)).isEmpty();
        assertThat(store.insertAllAbsent(List.of())).isEmpty();
        assertThat(store.existing(List.of("event-1:subscription-7", "event-9:subscription-7")))
                .containsExactly("event-1:subscription-7");
    }

    @Test
    void anAttemptIsRecordedOnlyByTheInstanceHoldingTheLease() throws InterruptedException {
        Delivery delivery = fanOut(0, 1).get(0);
        store.insertAllAbsent(List.of(delivery));
        Delivery claimedByA = store.claim(delivery, "notify-a", NOW, LEASE).orElseThrow();
        assertThat(claimedByA.leaseOwner()).isEqualTo("notify-a");
        // a second instance that read it before the claim cannot take it, nor can one that reads it now
        assertThat(store.claim(delivery, "notify-b", NOW.plusSeconds(1), LEASE)).isEmpty();
        assertThat(store.claim(store.findById(delivery.id()).orElseThrow(), "notify-b", NOW.plusSeconds(1), LEASE))
                .isEmpty();

        // the lease runs out and notify-b takes it over: notify-a's late record is refused
        Delivery claimedByB = store.claim(store.findById(delivery.id()).orElseThrow(), "notify-b",
                NOW.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();
        Attempt late = new Attempt(NOW.plusSeconds(61), 204, 12, null, "notify-a");
        assertThat(store.complete(claimedByA, late, DeliveryStatus.DELIVERED, null, null)).isEmpty();
        assertThat(store.findById(delivery.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);

        Attempt own = new Attempt(NOW.plusSeconds(62), 204, 12, null, "notify-b");
        Delivery recorded = store.complete(claimedByB, own, DeliveryStatus.DELIVERED, null, null).orElseThrow();
        assertThat(recorded).isEqualTo(store.findById(delivery.id()).orElseThrow());
        assertThat(recorded.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(recorded.attempts()).containsExactly(own);
        assertThat(recorded.leaseOwner()).isNull();
        // settled: a late duplicate of the claim fails, whatever copy it holds
        assertThat(store.claim(recorded, "notify-a", NOW.plusSeconds(120), LEASE)).isEmpty();
        assertThat(store.claim(claimedByB, "notify-a", NOW.plusSeconds(200), LEASE)).isEmpty();
    }

    @Test
    void aDeferOrReleaseNeverTouchesADeliveryClaimedByAnotherInstance() {
        Delivery delivery = fanOut(0, 1).get(0);
        store.insertAllAbsent(List.of(delivery));
        Delivery claimed = store.claim(delivery, "notify-a", NOW, LEASE).orElseThrow();

        assertThat(store.defer(delivery, NOW.plusSeconds(1), NOW.plusSeconds(30))).isEmpty();
        assertThat(store.defer(claimed, NOW.plusSeconds(1), NOW.plusSeconds(30))).isEmpty();
        assertThat(store.release(delivery, NOW.plusSeconds(30))).isEmpty();

        Delivery unchanged = store.findById(delivery.id()).orElseThrow();
        assertThat(unchanged.leaseOwner()).isEqualTo("notify-a");
        assertThat(unchanged.nextAttemptAt()).isEqualTo(NOW);
    }

    @Test
    void aWaiterMarkedOnADeliveryIsAnsweredWhenItSettlesAndWokenOnlyWhileParked() throws InterruptedException {
        List<Delivery> two = PendingDeliveries.line(0, 2);
        store.insertAllAbsent(two);
        Delivery claimed = store.claim(two.get(0), "notify-a", NOW, LEASE).orElseThrow();
        Delivery parked = store.defer(two.get(1), NOW, NOW.plusSeconds(30)).orElseThrow();
        // marking the waiter does not change the version, so the holder still records its attempt
        store.markWaiter(claimed.id(), parked.id());

        Delivery settled = store.complete(claimed, new Attempt(NOW, 204, 5, null, "notify-a"),
                DeliveryStatus.DELIVERED, null, null).orElseThrow();
        assertThat(settled.waiterId()).isEqualTo(parked.id());

        Delivery woken = store.wake(parked.id(), NOW.plusSeconds(1)).orElseThrow();
        assertThat(woken.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(store.wake(parked.id(), NOW.plusSeconds(1))).as("due already: nothing to wake").isEmpty();
        assertThat(store.claim(woken, "notify-a", NOW.plusSeconds(1), LEASE)).isPresent();
    }

    @Test
    void disablingASubscriptionFailsItsWaitingDeliveriesButLetsTheOneInFlightBeRecorded() throws InterruptedException {
        List<Delivery> two = PendingDeliveries.line(0, 2);
        store.insertAllAbsent(two);
        Delivery inFlight = store.claim(two.get(0), "notify-a", NOW, LEASE).orElseThrow();

        assertThat(store.failPending("subscription-1", "subscription disabled: gone", NOW)).isEqualTo(1);

        assertThat(store.findById(two.get(1).id()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(store.claim(two.get(1), "notify-a", NOW, LEASE)).as("a copy read before is stale").isEmpty();
        assertThat(store.complete(inFlight, new Attempt(NOW, 204, 5, null, "notify-a"), DeliveryStatus.DELIVERED,
                null, null)).isPresent();
    }
}
