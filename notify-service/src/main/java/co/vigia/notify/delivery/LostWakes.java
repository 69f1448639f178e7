package co.vigia.notify.delivery;

import co.vigia.notify.subscription.WebhookProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Wakes parked deliveries whose wake was lost. A delivery parked behind the earlier one of its line is woken by the
 * instance that settles that one, right after the settling write; an instance killed between the two leaves it
 * parked until its fallback, and that fallback is chained: one parked behind a parked one falls back
 * {@link Parking#PARK_BOUND} after that one's fallback, so deep in a backlog it is tens of minutes away (the
 * system test that kills notify-service mid-stream saw 314 of 2,000 webhooks held 12 to 40 minutes). Every
 * {@link #SWEEP_MILLIS}, each instance reads the waiters named by the deliveries settled since its last sweep and
 * wakes those still parked; at start it looks back {@link #STARTUP_LOOKBACK}, over the time it was down.
 * <p>
 * A waking is a compare-and-set, so a sweep beside the settling instance's own wake, or beside another instance's
 * sweep, wakes a delivery once. Deliveries settled in the last {@link #GRACE} are left to their settling instance.
 */
@Component
public class LostWakes {

    private static final Logger log = LoggerFactory.getLogger(LostWakes.class);

    static final long SWEEP_MILLIS = 30_000;
    static final Duration STARTUP_LOOKBACK = Duration.ofHours(1);
    static final Duration GRACE = Duration.ofSeconds(5);

    private final DeliveryStore store;
    private final WorkerSignal signal;
    private final Clock clock;
    private final Duration lease;
    private final Counter woken;
    private Instant sweptFrom;

    public LostWakes(DeliveryStore store, WorkerSignal signal, Clock clock, WebhookProperties webhooks,
                     MeterRegistry registry) {
        this.store = store;
        this.signal = signal;
        this.clock = clock;
        this.lease = webhooks.lease();
        this.woken = Counter.builder("vigia.deliveries.lost.wakes")
                .description("parked deliveries woken by the sweep: their earlier one settled, its wake never came")
                .register(registry);
    }

    @Scheduled(fixedDelay = SWEEP_MILLIS, initialDelay = 5_000)
    public void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // the window is kept: the next sweep reads it again
            log.warn("Sweep for lost wakes failed: {}", e.toString());
        }
    }

    /** One sweep; returns the deliveries it woke (and offered to the worker). */
    synchronized List<Delivery> sweep() {
        Instant now = clock.instant();
        Instant to = now.minus(GRACE);
        Instant from = sweptFrom == null ? now.minus(STARTUP_LOOKBACK) : sweptFrom;
        List<Delivery> wokenNow = new ArrayList<>();
        if (from.isBefore(to)) {
            Set<String> waiters = store.waitersSettledBetween(from, to);
            for (Delivery waiter : store.findAllById(waiters).values()) {
                store.wakeIfParked(waiter, now).ifPresent(wokenNow::add);
            }
        }
        // completedAt is when the last attempt started; its settling write may come up to a lease later
        Instant next = to.minus(lease);
        sweptFrom = sweptFrom == null || next.isAfter(sweptFrom) ? next : sweptFrom;
        if (!wokenNow.isEmpty()) {
            woken.increment(wokenNow.size());
            log.info("Woke {} parked deliveries whose earlier delivery had settled without waking them", wokenNow.size());
            signal.offer(wokenNow);
        }
        return wokenNow;
    }
}
