package co.vigia.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The worker's in-memory offers: a hint in order, put back in front, and bounded so a backlog stays in MongoDB. */
class WorkerSignalTests {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    @Test
    void offeredDeliveriesAreTakenOldestFirstAndPutBackInFront() {
        WorkerSignal signal = new WorkerSignal();
        signal.offer(deliveries(0, 5));

        List<Delivery> first = signal.takeOffered(3);
        assertThat(first).extracting(Delivery::id).containsExactly("d0", "d1", "d2");
        signal.putBack(first.subList(1, 3));

        assertThat(signal.takeOffered(10)).extracting(Delivery::id).containsExactly("d1", "d2", "d3", "d4");
        assertThat(signal.hasOffered()).isFalse();
    }

    @Test
    void offersBeyondTheBoundAreLeftToThePollOfTheStore() {
        WorkerSignal signal = new WorkerSignal();
        signal.offer(deliveries(0, WorkerSignal.MAX_OFFERED));
        signal.offer(deliveries(WorkerSignal.MAX_OFFERED, WorkerSignal.MAX_OFFERED + 1));

        assertThat(signal.takeOffered(Integer.MAX_VALUE)).hasSize(WorkerSignal.MAX_OFFERED);
    }

    private static List<Delivery> deliveries(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Delivery.pending("d" + i, "event-" + i,
                "co.vigia.bill.stage-changed", "PL-001-2023C", NOW, "subscription-1", "subscriber-1",
                DeliveryTrigger.EVENT, NOW, NOW)).toList();
    }
}
