package co.vigia.notify.delivery;

import static co.vigia.notify.delivery.PendingDeliveries.NOW;
import static co.vigia.notify.delivery.PendingDeliveries.fanOut;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the dispatch loop's candidates come from, on real MongoDB (or the embedded server): what memory holds goes
 * first, and the store is read every poll interval for what memory does not hold (a retry come due, what another
 * instance left), and at once again after a full page once memory has run dry.
 */
class CandidatesIntegrationTests {

    private static final Duration POLL = Duration.ofSeconds(1);

    private ScratchDatabase database;
    private DeliveryStore store;
    private WorkerSignal signal;

    @BeforeEach
    void connect() {
        database = new ScratchDatabase("candidates");
        store = new DeliveryStore(database.mongo);
        signal = new WorkerSignal();
    }

    @AfterEach
    void close() throws InterruptedException {
        store.close();
        database.close();
    }

    @Test
    void aDeliveryOnlyTheStoreHoldsIsFoundByTheFirstPollAfterThePollInterval() {
        Candidates candidates = new Candidates(store, signal, POLL, 10);
        assertThat(candidates.take(4, NOW)).as("the first poll reads the store").isEmpty();

        List<Delivery> retries = fanOut(0, 2);
        store.insertAllAbsent(retries);
        Delivery offered = fanOut(2, 3).get(0);
        signal.offer(List.of(offered));
        assertThat(candidates.take(4, NOW.plusMillis(500))).as("memory within the interval")
                .containsExactly(offered);
        assertThat(candidates.take(4, NOW.plus(POLL))).extracting(Delivery::id)
                .containsExactlyInAnyOrderElementsOf(retries.stream().map(Delivery::id).toList());
    }

    @Test
    void aFullPageIsFollowedByAnotherReadOnceMemoryHasRunDry() {
        store.insertAllAbsent(fanOut(0, 15));
        Candidates candidates = new Candidates(store, signal, POLL, 10);
        List<Delivery> first = candidates.take(4, NOW);
        assertThat(first).hasSize(10);
        assertThat(candidates.more()).isTrue();

        // what the poll could not start waits in memory and goes before the store is read again
        candidates.putBack(first.subList(4, 10));
        assertThat(candidates.take(4, NOW.plusMillis(10))).containsExactlyElementsOf(first.subList(4, 10));
        assertThat(candidates.take(4, NOW.plusMillis(20))).as("the rest of the store, read at once").hasSize(10);
    }

    @Test
    void anOfferedDeliveryNotDueYetIsLeftToTheStore() {
        Candidates candidates = new Candidates(store, signal, POLL, 10);
        candidates.take(4, NOW);
        Delivery later = Delivery.pending("event-9:subscription-1", "event-9", "co.vigia.bill.stage-changed",
                PendingDeliveries.BILL, NOW, "subscription-1", "subscriber-1", DeliveryTrigger.EVENT, NOW,
                NOW.plusSeconds(5));
        store.insertAllAbsent(List.of(later));
        signal.offer(List.of(later));

        assertThat(candidates.take(4, NOW.plusMillis(100))).isEmpty();
        assertThat(signal.hasOffered()).isFalse();
        assertThat(candidates.take(4, NOW.plusSeconds(5))).extracting(Delivery::id).containsExactly(later.id());
    }
}
