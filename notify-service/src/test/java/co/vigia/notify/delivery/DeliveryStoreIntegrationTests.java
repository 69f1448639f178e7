package co.vigia.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.test.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The delivery store's single-document guarantees on real MongoDB (or the embedded server): an event's fan-out
 * written in one bulk insert that skips what a first read of the event already created, and lease-guarded updates
 * that apply only for the instance holding the lease.
 */
class DeliveryStoreIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    private MongoClient client;
    private MongoTemplate mongo;
    private DeliveryStore store;

    @BeforeEach
    void connect() {
        String database = "delivery-store-" + UUID.randomUUID();
        client = MongoClients.create(TestInfrastructure.endpoints().mongoUri(database));
        mongo = new MongoTemplate(client, database);
        store = new DeliveryStore(mongo);
    }

    @AfterEach
    void close() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void aFanOutReadTwiceCreatesEachDeliveryOnceAndReportsOnlyTheNewOnes() {
        List<Delivery> firstHalf = deliveries(0, 50);
        assertThat(store.insertAllAbsent(firstHalf)).hasSize(50);

        // the same event read again after a crash half-way through its fan-out: the first 50 exist, 50 are new
        List<Delivery> all = deliveries(0, 100);
        List<Delivery> created = store.insertAllAbsent(all);

        assertThat(created).extracting(Delivery::id).containsExactlyElementsOf(
                deliveries(50, 100).stream().map(Delivery::id).toList());
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Delivery.class)).isEqualTo(100);
        assertThat(store.insertAllAbsent(all)).isEmpty();
        assertThat(store.insertAllAbsent(List.of())).isEmpty();
    }

    @Test
    void anAttemptIsRecordedOnlyByTheInstanceHoldingTheLease() {
        Delivery delivery = deliveries(0, 1).get(0);
        store.insertAllAbsent(List.of(delivery));
        assertThat(store.claim(delivery.id(), "notify-a", NOW, Duration.ofSeconds(60))).isPresent();
        // a second instance cannot claim it while the lease runs
        assertThat(store.claim(delivery.id(), "notify-b", NOW.plusSeconds(1), Duration.ofSeconds(60))).isEmpty();

        Attempt attempt = new Attempt(NOW.plusSeconds(1), 204, 12, null, "notify-b");
        assertThat(store.complete(delivery.id(), "notify-b", attempt, DeliveryStatus.DELIVERED, null, null)).isFalse();
        assertThat(store.findById(delivery.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);

        Attempt own = new Attempt(NOW.plusSeconds(1), 204, 12, null, "notify-a");
        assertThat(store.complete(delivery.id(), "notify-a", own, DeliveryStatus.DELIVERED, null, null)).isTrue();
        Delivery recorded = store.findById(delivery.id()).orElseThrow();
        assertThat(recorded.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(recorded.attempts()).containsExactly(own);
        assertThat(recorded.leaseOwner()).isNull();
        // settled: the lease is gone and so is the pending state, so a late duplicate of the claim fails too
        assertThat(store.claim(delivery.id(), "notify-b", NOW.plusSeconds(120), Duration.ofSeconds(60))).isEmpty();
    }

    @Test
    void aDeferOrReleaseNeverTouchesADeliveryClaimedByAnotherInstance() {
        Delivery delivery = deliveries(0, 1).get(0);
        store.insertAllAbsent(List.of(delivery));
        store.claim(delivery.id(), "notify-a", NOW, Duration.ofSeconds(60));

        store.defer(delivery.id(), NOW.plusSeconds(1), NOW.plusSeconds(30));
        store.release(delivery.id(), "notify-b", NOW.plusSeconds(30));

        Delivery unchanged = store.findById(delivery.id()).orElseThrow();
        assertThat(unchanged.leaseOwner()).isEqualTo("notify-a");
        assertThat(unchanged.nextAttemptAt()).isEqualTo(NOW);
    }

    private static List<Delivery> deliveries(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Delivery.pending("event-1:subscription-" + i, "event-1",
                "co.vigia.bill.stage-changed", "PL-001-2023C", NOW, "subscription-" + i, "subscriber-1",
                DeliveryTrigger.EVENT, NOW, NOW)).toList();
    }
}
