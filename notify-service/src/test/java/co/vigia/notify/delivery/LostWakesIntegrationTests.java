package co.vigia.notify.delivery;

import static co.vigia.notify.delivery.PendingDeliveries.NOW;
import static co.vigia.notify.delivery.PendingDeliveries.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep for lost wakes on real MongoDB (or the embedded server): an instance killed between settling a delivery
 * and waking the one parked behind it leaves that one parked until its fallback, tens of minutes away deep in a
 * backlog; the sweep of any instance wakes it.
 */
class LostWakesIntegrationTests {

    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Instant FAR = NOW.plus(Duration.ofMinutes(40));

    private ScratchDatabase database;
    private DeliveryStore store;
    private WorkerSignal signal;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FakeClock clock = new FakeClock(NOW);

    @BeforeEach
    void connect() {
        database = new ScratchDatabase("lost-wakes");
        store = new DeliveryStore(database.mongo);
        signal = new WorkerSignal();
    }

    @AfterEach
    void close() throws InterruptedException {
        store.close();
        database.close();
    }

    private LostWakes lostWakes() {
        return new LostWakes(store, signal, clock, DeliveryPlannerIntegrationTests.webhooks("notify-a", LEASE), registry);
    }

    /** Inserts a line of three: the first settled (delivered), the second parked behind it, the third behind that. */
    private List<Delivery> settledThenTwoParked() throws InterruptedException {
        List<Delivery> line = line(0, 3);
        Delivery first = line.get(0);
        Delivery second = line.get(1).after(first.id());
        Delivery third = line.get(2).after(second.id());
        store.insertAllAbsent(List.of(first, second, third));
        Delivery claimed = store.claim(first, "notify-a", NOW, LEASE).orElseThrow();
        // both parked, the third's fallback chained behind the second's
        store.defer(second, NOW, FAR).orElseThrow();
        store.markWaiter(first.id(), second.id());
        store.defer(third, NOW, FAR.plus(Parking.PARK_BOUND)).orElseThrow();
        store.markWaiter(second.id(), third.id());
        // the first one's settling write lands; the instance dies before it wakes the second
        store.complete(claimed, new Attempt(NOW, 204, 12, null, "notify-a"), DeliveryStatus.DELIVERED, null, null)
                .orElseThrow();
        return List.of(first, second, third);
    }

    @Test
    void aParkedDeliveryWhoseEarlierOneSettledWithoutWakingItIsWokenByTheNextSweep() throws InterruptedException {
        List<Delivery> line = settledThenTwoParked();
        LostWakes sweeper = lostWakes();
        clock.now = NOW.plusSeconds(40); // the restarted instance's first sweep

        List<Delivery> woken = sweeper.sweep();

        assertThat(woken).extracting(Delivery::id).containsExactly(line.get(1).id());
        Delivery second = store.findById(line.get(1).id()).orElseThrow();
        assertThat(second.nextAttemptAt()).isEqualTo(clock.now);
        assertThat(signal.takeOffered(10)).extracting(Delivery::id).containsExactly(line.get(1).id());
        // the third waits behind the second, still pending: that one's settling wakes it
        assertThat(store.findById(line.get(2).id()).orElseThrow().nextAttemptAt())
                .isEqualTo(FAR.plus(Parking.PARK_BOUND));
        assertThat(registry.counter("vigia.deliveries.lost.wakes").count()).isEqualTo(1.0);
    }

    @Test
    void aWakeThatCameIsNotRepeatedAndAFreshSettlingIsLeftToItsInstance() throws InterruptedException {
        List<Delivery> line = settledThenTwoParked();
        LostWakes sweeper = lostWakes();

        clock.now = NOW.plusSeconds(2); // within the grace: the settling instance is about to wake it itself
        assertThat(sweeper.sweep()).isEmpty();

        store.wake(line.get(1).id(), clock.now).orElseThrow(); // and it did
        clock.now = NOW.plusSeconds(40);
        assertThat(sweeper.sweep()).isEmpty();
        assertThat(store.findById(line.get(1).id()).orElseThrow().nextAttemptAt()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void aRestartedInstanceLooksBackOverTheTimeItWasDown() throws InterruptedException {
        List<Delivery> line = settledThenTwoParked();
        clock.now = NOW.plus(Duration.ofMinutes(30)); // down half an hour, started again

        assertThat(lostWakes().sweep()).extracting(Delivery::id).containsExactly(line.get(1).id());
    }
}
