package co.vigia.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker's in-memory offers: a hint in order, put back in front, and bounded so a backlog stays in MongoDB. */
class WorkerSignalTests {

    @Test
    void offeredDeliveriesAreTakenOldestFirstAndPutBackInFront() {
        WorkerSignal signal = new WorkerSignal();
        signal.offer(deliveries(0, 5));

        List<Delivery> first = signal.takeOffered(3);
        assertThat(first).extracting(Delivery::eventId).containsExactly("event-0", "event-1", "event-2");
        signal.putBack(first.subList(1, 3));

        assertThat(signal.takeOffered(10)).extracting(Delivery::eventId)
                .containsExactly("event-1", "event-2", "event-3", "event-4");
        assertThat(signal.hasOffered()).isFalse();
    }

    @Test
    void offersBeyondTheBoundAreLeftToThePollOfTheStore() {
        WorkerSignal signal = new WorkerSignal();
        signal.offer(deliveries(0, WorkerSignal.MAX_OFFERED));
        signal.offer(deliveries(WorkerSignal.MAX_OFFERED, WorkerSignal.MAX_OFFERED + 1));

        assertThat(signal.takeOffered(Integer.MAX_VALUE)).hasSize(WorkerSignal.MAX_OFFERED);
    }

    @Test
    void aDeliveryHeldAlreadyIsNotHeldTwice() {
        WorkerSignal signal = new WorkerSignal();
        signal.offer(deliveries(0, 3));
        // the store's next page holds two of them again, and one more
        signal.putBack(deliveries(1, 4));
        signal.offer(deliveries(2, 3));

        assertThat(signal.takeOffered(10)).extracting(Delivery::eventId)
                .containsExactly("event-3", "event-0", "event-1", "event-2");
        signal.offer(deliveries(0, 1));
        assertThat(signal.takeOffered(10)).as("taken, then offered again").hasSize(1);
    }

    private static List<Delivery> deliveries(int from, int to) {
        return PendingDeliveries.line(from, to);
    }
}
