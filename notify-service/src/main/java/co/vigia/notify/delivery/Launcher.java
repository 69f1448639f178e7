package co.vigia.notify.delivery;

import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the dispatch loop's choices: each chosen delivery's attempt and each parking on a virtual thread of
 * its own (the {@link Chooser}'s slots bound the attempts at once), a postponement while a circuit is open on the
 * loop's thread. When an attempt ends, what waited behind it goes back to the loop.
 */
final class Launcher {

    private static final Logger log = LoggerFactory.getLogger(Launcher.class);

    private final SubscriptionRepository subscriptions;
    private final AttemptPipeline pipeline;
    private final Parking parking;
    private final DeliveryMetrics metrics;
    private final WorkerSignal signal;
    private final Chooser chooser;
    private final BooleanSupplier moreDue;
    private final Semaphore parkings;
    private ExecutorService threads;

    Launcher(SubscriptionRepository subscriptions, AttemptPipeline pipeline, Parking parking, DeliveryMetrics metrics,
             WorkerSignal signal, Chooser chooser, int maxParkings, BooleanSupplier moreDue) {
        this.subscriptions = subscriptions;
        this.pipeline = pipeline;
        this.parking = parking;
        this.metrics = metrics;
        this.signal = signal;
        this.chooser = chooser;
        this.moreDue = moreDue;
        this.parkings = new Semaphore(maxParkings);
    }

    void start() {
        threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-", 1).factory());
    }

    /** Interrupts what runs (an interrupted attempt gives its delivery back) and waits a little for it. */
    void stop() throws InterruptedException {
        if (threads != null) {
            threads.shutdownNow();
            threads.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Attempts the chosen deliveries, with their subscriptions read in one lookup by id for all of them. Should that
     * read fail, they (and what waited behind them) are added to {@code notNow}, for the next poll.
     */
    void attempt(List<Delivery> starting, List<Delivery> notNow) {
        if (starting.isEmpty()) {
            return;
        }
        Map<String, Subscription> subscriptionsById = new HashMap<>();
        try {
            Set<String> ids = new HashSet<>();
            starting.forEach(d -> ids.add(d.subscriptionId()));
            subscriptions.findAllById(ids).forEach(sub -> subscriptionsById.put(sub.id(), sub));
        } catch (RuntimeException e) {
            log.warn("Subscriptions of {} deliveries could not be read: {}", starting.size(), e.toString());
            List<Delivery> behind = new ArrayList<>();
            for (Delivery d : starting) {
                chooser.cancel(d);
                behind.addAll(chooser.finished(d));
            }
            notNow.addAll(starting);
            notNow.addAll(behind);
            return;
        }
        for (Delivery candidate : starting) {
            Subscription subscription = subscriptionsById.get(candidate.subscriptionId());
            threads.execute(() -> {
                try {
                    AttemptOutcome outcome = pipeline.run(candidate, subscription);
                    log.debug("Delivery {}: {}", candidate.id(), outcome);
                } finally {
                    finished(candidate);
                }
            });
        }
    }

    /**
     * Parks {@code park}'s delivery behind its earlier one, as the poll at {@code now} read them; false (and nothing
     * done) when as many parkings as attempt slots run already: a page of a backlog would otherwise start a hundred
     * at once, each a few writes to the same collection.
     */
    boolean park(Choice.Park park, Instant now) {
        if (!parkings.tryAcquire()) {
            chooser.parked(park.delivery());
            return false;
        }
        threads.execute(() -> {
            try {
                parking.park(park.delivery(), park.earlier(), now);
            } catch (RuntimeException e) {
                log.warn("Delivery {} could not be parked: {}", park.delivery().id(), e.toString());
            } finally {
                chooser.parked(park.delivery());
                parkings.release();
            }
        });
        return true;
    }

    /** Moves the next attempt of a delivery whose endpoint's circuit is open past the open time. */
    void postponeWhileOpen(Delivery candidate, Instant now) {
        try {
            parking.postpone(candidate, now, now.plus(chooser.openFor()));
            metrics.attempt("circuit-open");
        } catch (RuntimeException e) {
            // left due: the next read of the store finds it (or its lease runs out)
            log.warn("Delivery {} could not be postponed: {}", candidate.id(), e.toString());
        }
    }

    /**
     * What waited behind a finished attempt goes to the next poll, whose line check decides again: go, wait behind
     * the next one, or, when this one stays pending for a retry, be parked behind it in MongoDB.
     */
    private void finished(Delivery candidate) {
        List<Delivery> behind = chooser.finished(candidate);
        if (!behind.isEmpty()) {
            signal.putBack(behind);
            signal.wake();
        } else if (moreDue.getAsBoolean()) {
            // only when work waits for a slot: a poll after every delivery reads the deliveries twice to find nothing
            signal.wake();
        }
    }
}
