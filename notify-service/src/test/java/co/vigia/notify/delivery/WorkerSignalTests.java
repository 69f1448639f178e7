package co.vigia.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void roomIsNeverReservedBeyondTheBound() {
        WorkerSignal signal = new WorkerSignal();
        signal.offer(deliveries(0, 5));

        assertThat(signal.reserve(WorkerSignal.MAX_OFFERED - 10)).isEqualTo(WorkerSignal.MAX_OFFERED - 10);
        assertThat(signal.reserve(8)).isEqualTo(5);
        assertThat(signal.reserve(1)).isZero();
        signal.offer(deliveries(5, 6));
        assertThat(signal.takeOffered(Integer.MAX_VALUE)).as("no room left for an offer either").hasSize(5);
    }

    @Test
    void reserversRacingForTheLastRoomTogetherNeverHoldMoreThanTheBound() throws Exception {
        WorkerSignal signal = new WorkerSignal();
        int room = 4;
        assertThat(signal.reserve(WorkerSignal.MAX_OFFERED - room)).isEqualTo(WorkerSignal.MAX_OFFERED - room);
        // 8 threads take the last room and give it back, over and over: at no moment do they hold more than it
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<?>> racers = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                racers.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < 200_000; i++) {
                        int got = signal.reserve(1);
                        if (got == 1) {
                            mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                            holding.decrementAndGet();
                            signal.offerReserved(List.of(), 1);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> racer : racers) {
                racer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(mostHeld.get()).isBetween(1, room);
        assertThat(signal.reserve(WorkerSignal.MAX_OFFERED)).as("all of it given back").isEqualTo(room);
    }

    @Test
    void roomReservedButNotUsedIsGivenBack() {
        WorkerSignal signal = new WorkerSignal();
        signal.offer(deliveries(0, 1));
        int reserved = signal.reserve(WorkerSignal.MAX_OFFERED);
        assertThat(reserved).isEqualTo(WorkerSignal.MAX_OFFERED - 1);

        // event-0 is held already, and two deliveries use little of the room reserved
        signal.offerReserved(deliveries(0, 3), reserved);
        assertThat(signal.reserve(WorkerSignal.MAX_OFFERED)).isEqualTo(WorkerSignal.MAX_OFFERED - 3);

        // the insert failed: nothing to hold, all of it given back
        signal.offerReserved(List.of(), WorkerSignal.MAX_OFFERED - 3);
        assertThat(signal.takeOffered(10)).extracting(Delivery::eventId)
                .containsExactly("event-0", "event-1", "event-2");
        assertThat(signal.reserve(WorkerSignal.MAX_OFFERED)).isEqualTo(WorkerSignal.MAX_OFFERED);
    }

    private static List<Delivery> deliveries(int from, int to) {
        return PendingDeliveries.line(from, to);
    }
}
