package co.vigia.notify.delivery;

import static co.vigia.notify.delivery.PendingDeliveries.NOW;
import static co.vigia.notify.delivery.PendingDeliveries.fanOut;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    void close() throws InterruptedException {
        store.close();
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

    @Test
    void aDeliveryCreatedLeasedToAnInstanceIsOnlyItsOwnUntilItReleasesIt() {
        Delivery delivery = fanOut(0, 1).get(0).leasedTo("notify-a", NOW.plus(LEASE));
        store.insertAllAbsent(List.of(delivery));

        // another instance neither finds it due nor can claim it while the lease lives
        assertThat(store.findDue(NOW.plusSeconds(1), 10)).isEmpty();
        assertThat(store.claim(delivery, "notify-b", NOW.plusSeconds(1), LEASE)).isEmpty();
        assertThat(store.findById(delivery.id()).orElseThrow()).isEqualTo(delivery);

        // its holder claims it, held long in memory: the lease is extended
        Delivery extended = store.claim(delivery, "notify-a", NOW.plusSeconds(30), LEASE).orElseThrow();
        assertThat(extended.leaseOwner()).isEqualTo("notify-a");
        assertThat(extended.leaseUntil()).isEqualTo(NOW.plusSeconds(30).plus(LEASE));
        Delivery asStored = store.findById(delivery.id()).orElseThrow();
        assertThat(store.claim(asStored, "notify-b", NOW.plus(LEASE).plusSeconds(1), LEASE))
                .as("the extended lease still lives").isEmpty();

        // released by its holder: due and unleased, so any instance's read finds it and may take it
        Delivery released = store.release(extended, NOW.plusSeconds(31)).orElseThrow();
        assertThat(released.leaseOwner()).isNull();
        assertThat(released.leaseUntil()).isNull();
        assertThat(released.nextAttemptAt()).isEqualTo(NOW.plusSeconds(31));
        assertThat(store.findDue(NOW.plusSeconds(31), 10)).containsExactly(released);
        assertThat(store.claim(released, "notify-b", NOW.plusSeconds(31), LEASE)).isPresent();
    }

    @Test
    void aSettledAttemptIsAnsweredAsRecordedAndAStaleCopyGetsNothingAndChangesNothing() throws InterruptedException {
        List<Delivery> three = fanOut(0, 3);
        store.insertAllAbsent(three);
        Delivery toDeliver = store.claim(three.get(0), "notify-a", NOW, LEASE).orElseThrow();
        Delivery toFail = store.claim(three.get(1), "notify-a", NOW, LEASE).orElseThrow();

        Attempt delivered = new Attempt(NOW.plusSeconds(1), 204, 12, null, "notify-a");
        Delivery recorded = store.complete(toDeliver, delivered, DeliveryStatus.DELIVERED, null, null).orElseThrow();
        assertThat(recorded).isEqualTo(store.findById(toDeliver.id()).orElseThrow());
        assertThat(recorded.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(recorded.attempts()).containsExactly(delivered);
        assertThat(recorded.attemptCount()).isEqualTo(1);
        assertThat(recorded.completedAt()).isEqualTo(delivered.at());
        assertThat(recorded.leaseOwner()).isNull();
        assertThat(recorded.version()).isEqualTo(toDeliver.version() + 1);

        Attempt refused = new Attempt(NOW.plusSeconds(1), 410, 9, "HTTP 410", "notify-a");
        Delivery failed = store.complete(toFail, refused, DeliveryStatus.FAILED, null, "HTTP 410").orElseThrow();
        assertThat(failed).isEqualTo(store.findById(toFail.id()).orElseThrow());
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.lastStatusCode()).isEqualTo(410);
        assertThat(failed.lastError()).isEqualTo("HTTP 410");

        // notify-a's lease ran out and notify-b took it: notify-a's settled attempt is refused, whatever the outcome
        Delivery claimedByA = store.claim(three.get(2), "notify-a", NOW, LEASE).orElseThrow();
        Delivery claimedByB = store.claim(claimedByA, "notify-b", NOW.plus(LEASE).plusSeconds(1), LEASE)
                .orElseThrow();
        Attempt late = new Attempt(NOW.plusSeconds(61), 500, 30, "HTTP 500", "notify-a");
        assertThat(store.complete(claimedByA, late, DeliveryStatus.FAILED, null, "HTTP 500")).isEmpty();
        assertThat(store.complete(claimedByA, late, DeliveryStatus.DELIVERED, null, null)).isEmpty();
        assertThat(store.findById(claimedByA.id()).orElseThrow()).isEqualTo(claimedByB);
    }

    @Test
    void aSettledAttemptIsStoredAsSpringDataMapsTheDeliveryItAnswers() throws InterruptedException {
        // settled attempts are written as BSON built by hand (no mapping per delivery): the same fields, the same types
        List<Delivery> two = fanOut(0, 2);
        store.insertAllAbsent(two);
        Delivery toDeliver = store.claim(two.get(0), "notify-a", NOW, LEASE).orElseThrow();
        Delivery toFail = store.claim(two.get(1), "notify-a", NOW, LEASE).orElseThrow();
        Delivery delivered = store.complete(toDeliver, new Attempt(NOW.plusSeconds(1), 204, 12, null, "notify-a"),
                DeliveryStatus.DELIVERED, null, null).orElseThrow();
        Delivery failed = store.complete(toFail, new Attempt(NOW.plusSeconds(2), null, 10_000, "timed out", "notify-a"),
                DeliveryStatus.FAILED, null, "timed out").orElseThrow();

        for (Delivery answered : List.of(delivered, failed)) {
            org.bson.Document stored = database.mongo.getCollection(Delivery.COLLECTION)
                    .find(new org.bson.Document("_id", answered.id())).first();
            org.bson.Document mapped = new org.bson.Document();
            database.mongo.getConverter().write(answered, mapped);
            // an explicit null (the $set of a field cleared) reads as the absent field Spring Data leaves out
            stored.values().removeIf(java.util.Objects::isNull);
            assertThat(stored).isEqualTo(mapped);
        }
    }

    @Test
    void aLateFailureIsNotTakenForTheFailureOfADisabledSubscription() throws InterruptedException {
        Delivery delivery = fanOut(0, 1).get(0);
        store.insertAllAbsent(List.of(delivery));
        Delivery claimed = store.claim(delivery, "notify-a", NOW, LEASE).orElseThrow();
        // the lease ran out, then the subscription was disabled: its pending deliveries failed (version + 1, FAILED)
        Instant disabledAt = NOW.plus(LEASE).plusSeconds(1);
        assertThat(store.failPending(delivery.subscriptionId(), "subscription disabled: gone", disabledAt))
                .isEqualTo(1);
        Delivery failedByDisabling = store.findById(delivery.id()).orElseThrow();

        Attempt late = new Attempt(NOW.plusSeconds(62), 500, 30, "HTTP 500", "notify-a");
        assertThat(store.complete(claimed, late, DeliveryStatus.FAILED, null, "HTTP 500")).isEmpty();
        assertThat(store.findById(delivery.id()).orElseThrow()).isEqualTo(failedByDisabling);
    }

    @Test
    void manyThreadsSettlingDifferentDeliveriesAtOnceEachGetTheirOwnRecord() throws Exception {
        List<Delivery> deliveries = fanOut(0, 64);
        store.insertAllAbsent(deliveries);
        List<Delivery> claimed = deliveries.stream()
                .map(d -> store.claim(d, "notify-a", NOW, LEASE).orElseThrow()).toList();

        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Delivery>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < claimed.size(); i++) {
                Delivery d = claimed.get(i);
                DeliveryStatus status = i % 3 == 0 ? DeliveryStatus.FAILED : DeliveryStatus.DELIVERED;
                Attempt attempt = new Attempt(NOW.plusSeconds(1), status == DeliveryStatus.FAILED ? 410 : 204, i,
                        null, "notify-a");
                answers.add(threads.submit(() -> {
                    start.await();
                    return store.complete(d, attempt, status, null, null).orElseThrow();
                }));
            }
            start.countDown();
            for (int i = 0; i < claimed.size(); i++) {
                Delivery answer = answers.get(i).get(30, TimeUnit.SECONDS);
                assertThat(answer.id()).isEqualTo(claimed.get(i).id());
                assertThat(answer.attempts()).extracting(Attempt::latencyMillis).containsExactly((long) i);
                assertThat(answer.status())
                        .isEqualTo(i % 3 == 0 ? DeliveryStatus.FAILED : DeliveryStatus.DELIVERED);
                assertThat(answer).isEqualTo(store.findById(answer.id()).orElseThrow());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(new DeliveryHistory(mongo).countPending()).isZero();
    }
}
