package co.vigia.notify.delivery;

import co.vigia.notify.subscription.WebhookProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps one subscription's events for one bill in order when the earlier one is not being attempted here: the
 * candidate is parked (out of the due list) behind the earlier pending delivery until that one settles and wakes
 * it, at the latest {@link #PARK_BOUND} after the earlier one's next attempt, should the wake be lost in a crash
 * ({@link LostWakes} wakes it sooner). Re-deferring such candidates every poll made a backlog feed on itself.
 */
@Component
public class Parking {

    static final Duration PARK_BOUND = Duration.ofSeconds(30);

    private final DeliveryStore store;
    private final WorkerSignal signal;
    private final String owner;

    public Parking(DeliveryStore store, WorkerSignal signal, WebhookProperties webhooks) {
        this.store = store;
        this.signal = signal;
        this.owner = webhooks.effectiveInstanceId();
    }

    /** Parks {@code candidate} behind {@code earlier}, as the poll at {@code now} read them. */
    void park(Delivery candidate, Delivery earlier, Instant now) {
        // the mark before the postponing: killed between the two, the candidate is left due (nothing parked it); the
        // other order left it parked with nobody to wake it. A mark on a candidate that is not parked wakes nothing
        store.markWaiter(earlier.id(), candidate.id());
        Optional<Delivery> parked = postpone(candidate, now, later(earlier.nextAttemptAt(), now).plus(PARK_BOUND));
        if (parked.isEmpty()) {
            return; // it changed since the poll read it: the next read finds it as it is
        }
        boolean earlierPending = store.findById(earlier.id()).map(d -> d.status() == DeliveryStatus.PENDING)
                .orElse(false);
        if (!earlierPending) {
            // it settled meanwhile: its wake may have come before the candidate was parked and found nothing to wake
            store.defer(parked.get(), now, now).ifPresent(due -> signal.offer(List.of(due)));
        }
    }

    /**
     * Moves a pending delivery's next attempt to {@code until} without an attempt: one leased to this instance (it
     * was created so) gives its lease up at the same time, any other must be unclaimed.
     */
    Optional<Delivery> postpone(Delivery candidate, Instant now, Instant until) {
        return candidate.heldBy(owner, now) ? store.release(candidate, until) : store.defer(candidate, now, until);
    }

    /** A settled delivery wakes the one parked behind it, if any, and hands it to the worker. */
    void wakeSuccessor(Delivery settled, Instant now) {
        if (settled.waiterId() != null) {
            store.wake(settled.waiterId(), now).ifPresent(woken -> signal.offer(List.of(woken)));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a != null && a.isAfter(b) ? a : b;
    }
}
