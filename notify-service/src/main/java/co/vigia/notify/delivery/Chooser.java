package co.vigia.notify.delivery;

import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Decides each due candidate of a poll ({@link Choice}) against the instance's slots (at most
 * {@code VIGIA_WEBHOOK_MAX_CONCURRENCY} attempts at once), its endpoint's gate, and its line: a delivery goes only
 * once the delivery before it for the same subscription and bill is no longer pending.
 */
final class Chooser {

    private final EndpointGates gates;
    private final InFlight inFlight = new InFlight();
    private final Semaphore slots;
    private final int maxConcurrency;

    Chooser(EndpointGates gates, int maxConcurrency) {
        this.gates = gates;
        this.maxConcurrency = maxConcurrency;
        this.slots = new Semaphore(maxConcurrency);
    }

    int freeSlots() {
        return slots.availablePermits();
    }

    boolean idle() {
        return slots.availablePermits() == maxConcurrency;
    }

    /**
     * @param earlier        its line's pending delivery before it, or null when none holds it back
     * @param earlierInPoll  whether that one is a candidate of this poll too
     */
    Choice choose(Delivery candidate, Delivery earlier, boolean earlierInPoll) {
        if (!inFlight.take(candidate.id())) {
            return new Choice.Held(); // a task for it is running or it waits behind another; the claim decides
        }
        if (earlier != null) {
            if (inFlight.waitBehind(earlier.id(), candidate)) {
                return new Choice.Held(); // goes to the next poll once the earlier one is done ({@link #finished})
            }
            if (earlierInPoll) {
                // the earlier one only waits for a slot or its endpoint's turn: it goes first, this one after it,
                // with no write. Parking is for an earlier one waiting for a retry, held elsewhere, or beyond the page
                inFlight.drop(candidate.id());
                return new Choice.Later(candidate);
            }
            return new Choice.Park(candidate, earlier); // stays taken until parked ({@link #parked})
        }
        String endpoint = candidate.subscriptionId();
        switch (gates.tryEnter(endpoint)) {
            case BUSY -> {
                inFlight.drop(candidate.id());
                return new Choice.Later(candidate);
            }
            case OPEN -> {
                inFlight.drop(candidate.id());
                return new Choice.CircuitOpen(candidate);
            }
            case ADMITTED -> {
                if (!slots.tryAcquire()) {
                    gates.cancel(endpoint);
                    inFlight.drop(candidate.id());
                    return new Choice.NoSlot();
                }
                inFlight.attempting(candidate.id());
                return new Choice.Start(candidate);
            }
        }
        throw new IllegalStateException("unknown gate entry");
    }

    /** Gives back the endpoint's turn of a started delivery that will not be attempted. */
    void cancel(Delivery started) {
        gates.cancel(started.subscriptionId());
    }

    /** How long an open circuit keeps its endpoint's deliveries waiting. */
    java.time.Duration openFor() {
        return gates.openFor();
    }

    /** A parking task is over. */
    void parked(Delivery candidate) {
        inFlight.drop(candidate.id());
    }

    /**
     * A started delivery is over (attempted or given back unattempted): its slot is free, its endpoint's gate was
     * exited or cancelled by whoever held it. Answers the candidates that waited behind it, for the next poll.
     */
    List<Delivery> finished(Delivery started) {
        List<Delivery> behind = inFlight.finished(started.id());
        slots.release();
        return behind;
    }
}
