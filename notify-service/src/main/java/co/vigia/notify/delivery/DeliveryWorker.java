package co.vigia.notify.delivery;

import co.vigia.notify.subscription.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs deliveries from MongoDB in a dispatch loop: poll for due candidates ({@link Candidates}), choose what each
 * does ({@link Chooser}: start, wait, park), and start each chosen one on a virtual thread of its own through the
 * {@link AttemptPipeline}. At start the leases this instance id held before a crash are released, so a restart
 * resumes everything at once; another instance's leases simply run out.
 */
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

    private final DeliveryStore store;
    private final WorkerSignal signal;
    private final Clock clock;
    private final String owner;
    private final Duration pollInterval;
    private final int pollBatch;
    private final int maxConcurrency;
    private final Candidates candidates;
    private final Chooser chooser;
    private final Launcher launcher;
    private Thread loop;
    private volatile boolean running;
    /** Whether the last poll left due candidates unstarted: a freed slot then polls again at once. */
    private volatile boolean moreDue;

    public DeliveryWorker(DeliveryStore store, SubscriptionRepository subscriptions, AttemptPipeline pipeline,
                          Parking parking, EndpointGates gates, DeliveryMetrics metrics, WorkerSignal signal,
                          Clock clock, Settings settings) {
        this.store = store;
        this.signal = signal;
        this.clock = clock;
        this.owner = settings.owner();
        this.pollInterval = settings.pollInterval();
        this.maxConcurrency = settings.maxConcurrency();
        // under load a poll waits for a few free slots, so its two lookups serve several candidates
        this.pollBatch = Math.max(1, maxConcurrency / 8);
        this.candidates = new Candidates(store, signal, pollInterval, 4 * maxConcurrency);
        this.chooser = new Chooser(gates, maxConcurrency);
        this.launcher = new Launcher(subscriptions, pipeline, parking, metrics, signal, chooser, maxConcurrency,
                () -> moreDue);
    }

    /** This instance's name on its leases, how often it reads the store, and how many attempts it runs at once. */
    public record Settings(String owner, Duration pollInterval, int maxConcurrency) {
    }

    @Override
    public void start() {
        long released = store.releaseLeasesOf(owner);
        if (released > 0) {
            log.info("Released {} delivery leases held by {} before a restart", released, owner);
        }
        launcher.start();
        running = true;
        loop = Thread.ofPlatform().name("webhook-poller").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        try {
            launcher.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                pollOnce();
                signal.await(pollInterval.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Delivery poll failed: {}", e.toString());
                try {
                    Thread.sleep(ERROR_PAUSE);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /**
     * One poll: takes candidates, checks their lines with one lookup by id of their previous deliveries, chooses
     * each, and starts those chosen. The poll only decides; each claim, attempt or parking runs on a virtual thread,
     * since one thread making a few MongoDB round trips per candidate was the ceiling on deliveries per second.
     */
    void pollOnce() {
        int free = chooser.freeSlots();
        if (free == 0 || (free < pollBatch && free < maxConcurrency)) {
            moreDue = true;
            return;
        }
        Instant now = clock.instant();
        List<Delivery> due = candidates.take(free, now);
        List<Delivery> notNow = new ArrayList<>();
        List<Delivery> starting = new ArrayList<>();
        try {
            chooseAll(due, notNow, starting, now);
        } finally {
            try {
                launcher.attempt(starting, notNow);
            } finally {
                candidates.putBack(notNow);
            }
        }
        moreDue = !notNow.isEmpty() || candidates.more();
        if (moreDue && chooser.idle()) {
            signal.wake(); // nothing in flight whose end would wake the loop
        }
    }

    private void chooseAll(List<Delivery> due, List<Delivery> notNow, List<Delivery> starting, Instant now) {
        if (due.isEmpty()) {
            return;
        }
        Map<String, Delivery> earlierOf = candidates.earlierPending(due);
        Set<String> inPoll = new HashSet<>();
        due.forEach(d -> inPoll.add(d.id()));
        for (int i = 0; i < due.size(); i++) {
            Delivery candidate = due.get(i);
            Delivery earlier = earlierOf.get(candidate.id());
            Choice choice = running && chooser.freeSlots() > 0
                    ? chooser.choose(candidate, earlier, earlier != null && inPoll.contains(earlier.id()))
                    : new Choice.NoSlot();
            switch (choice) {
                case Choice.Start start -> starting.add(start.delivery());
                case Choice.Later later -> notNow.add(later.delivery());
                case Choice.Park park -> {
                    if (!launcher.park(park, now)) {
                        notNow.add(park.delivery());
                    }
                }
                case Choice.CircuitOpen open -> launcher.postponeWhileOpen(open.delivery(), now);
                case Choice.Held held -> { }
                case Choice.NoSlot noSlot -> {
                    notNow.addAll(due.subList(i, due.size()));
                    return;
                }
            }
        }
    }
}
