package co.vigia.notify.delivery;

import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.event.StoredEventRepository;
import co.vigia.notify.event.WebhookPayload;
import co.vigia.notify.secret.SecretBox;
import co.vigia.notify.signing.WebhookSigner;
import co.vigia.notify.subscriber.SubscriberRepository;
import co.vigia.notify.subscriber.SubscriberStatus;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionRepository;
import co.vigia.notify.subscription.SubscriptionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs deliveries from MongoDB: polls for due ones (and wakes at once when new ones are created), claims each
 * with a lease (one created leased to this instance is not claimed again), posts it on a bounded pool, and records
 * the attempt. A delivery for a subscription and bill waits
 * while the one before it in that line ({@link DeliveryLines}) is pending. At start the leases this instance id held
 * before a crash are released, so a restart resumes everything at once; another instance's leases simply run out.
 */
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration ERROR_BACKOFF = Duration.ofSeconds(5);
    static final Duration PARK_BOUND = Duration.ofSeconds(30);
    static final Duration MIN_POLL_GAP = Duration.ofMillis(50);
    static final Duration SUBSCRIBER_STATUS_AGE = Duration.ofSeconds(1);
    /** The store is read at least every this many poll intervals, and when this instance knows something is due. */
    static final int STORE_READ_BOUND_POLLS = 10;

    private final DeliveryStore store;
    private final SubscriptionRepository subscriptions;
    private final SubscriberRepository subscribers;
    private final StoredEventRepository events;
    private final WebhookPayload payload;
    private final WebhookSender sender;
    private final SecretBox secretBox;
    private final DeliveryRules rules;
    private final EndpointGates gates;
    private final EndpointHealth health;
    private final DeliveryMetrics metrics;
    private final WorkerSignal signal;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final Duration pollInterval;
    private final Semaphore slots;
    private final int maxConcurrency;
    private final int pollBatch;
    private ExecutorService pool;
    private Thread loop;
    private volatile boolean running;
    /** Deliveries a task was started for and has not finished with, so a poll meanwhile does not start another. */
    private final Set<String> dispatched = ConcurrentHashMap.newKeySet();
    /** Deliveries being claimed and attempted here; guarded by {@link #waiting}. */
    private final Set<String> inFlight = new java.util.HashSet<>();
    /** Candidates held in memory behind an earlier delivery of their subscription and bill that is in flight here. */
    private final Map<String, List<Delivery>> waiting = new java.util.HashMap<>();
    /** The last events rendered, so a fan-out to thousands of subscriptions reads and renders its event once. */
    private final Cache<String, Rendered> renderedEvents = Caffeine.newBuilder().maximumSize(256).build();
    /**
     * Whether each subscriber is active, as read at most {@link #SUBSCRIBER_STATUS_AGE} ago: one read a second per
     * NGO instead of one per delivery (a suspension stops its webhooks within that second; the subscription itself is
     * read fresh for every attempt).
     */
    private final Cache<String, Boolean> activeSubscribers = Caffeine.newBuilder()
            .expireAfterWrite(SUBSCRIBER_STATUS_AGE).maximumSize(10_000).build();
    /** Whether the last poll left due deliveries unstarted for want of slots. */
    private volatile boolean moreDue;
    /** The longest the store goes unread (for what other instances left due: expired leases, their retries). */
    private final Duration storeReadBound;

    public DeliveryWorker(DeliveryStore store, SubscriptionRepository subscriptions, SubscriberRepository subscribers,
                          StoredEventRepository events, WebhookPayload payload, WebhookSender sender,
                          SecretBox secretBox, DeliveryRules rules, EndpointGates gates, EndpointHealth health, DeliveryMetrics metrics,
                          WorkerSignal signal, Clock clock, String owner, Duration lease, Duration pollInterval,
                          int maxConcurrency) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.subscribers = subscribers;
        this.events = events;
        this.payload = payload;
        this.sender = sender;
        this.secretBox = secretBox;
        this.rules = rules;
        this.gates = gates;
        this.health = health;
        this.metrics = metrics;
        this.signal = signal;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.storeReadBound = pollInterval.multipliedBy(STORE_READ_BOUND_POLLS);
        this.maxConcurrency = maxConcurrency;
        this.slots = new Semaphore(maxConcurrency);
        this.pollBatch = Math.max(1, maxConcurrency / 8);
    }

    @Override
    public void start() {
        long released = store.releaseLeasesOf(owner);
        if (released > 0) {
            log.info("Released {} delivery leases held by {} before a restart", released, owner);
        }
        AtomicInteger threads = new AtomicInteger();
        pool = new ThreadPoolExecutor(maxConcurrency, maxConcurrency, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "webhook-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        running = true;
        loop = new Thread(this::loop, "webhook-poller");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                long started = System.nanoTime();
                boolean readStore = pollOnce();
                signal.await(pollInterval.toMillis());
                // a read of the store for due deliveries is a pass over every delivery on the embedded server (no
                // index serves it): at most one every MIN_POLL_GAP, each a large page; polls of offers cost no read
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (readStore && elapsed < MIN_POLL_GAP.toMillis()) {
                    Thread.sleep(MIN_POLL_GAP.toMillis() - elapsed);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Delivery poll failed: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /**
     * Starts as many due deliveries as there are free slots, and returns whether it read the store. The poll only
     * decides (from one lookup by id for all its candidates' previous deliveries): each claim, attempt or parking runs
     * on the pool, because one thread doing a few MongoDB round trips per candidate was the ceiling on deliveries per
     * second. Candidates come from memory (deliveries just created, woken, or read with the last page) and from a
     * page of the store when it may hold due ones memory does not: a retry or deferral this instance wrote came due,
     * a delivery was not kept in memory, the last page was full, or {@link #storeReadBound} passed (what other
     * instances left). On the embedded server a read of the store is a pass over every delivery under the
     * collection's lock; read every poll interval, it delayed the webhooks waiting on that lock. What a poll cannot
     * start yet (no slot, its endpoint busy, behind an earlier one of the page) goes back to memory in order.
     */
    boolean pollOnce() {
        int free = slots.availablePermits();
        if (free == 0 || (free < pollBatch && free < maxConcurrency)) {
            moreDue = true;
            return false;
        }
        Instant now = clock.instant();
        List<Delivery> due;
        moreDue = false;
        boolean readStore = signal.storeMayHaveDue(now);
        if (!readStore) {
            // looking past the first few lets deliveries to free endpoints pass those whose endpoint is busy
            due = new java.util.ArrayList<>();
            for (Delivery offered : signal.takeOffered(Math.max(32, 4 * free))) {
                if (offered.nextAttemptAt().isAfter(now)) {
                    signal.dueInStore(offered.nextAttemptAt()); // not held: the store has it when it is due
                } else {
                    due.add(offered);
                }
            }
        } else {
            int page = 4 * maxConcurrency;
            signal.readingStore(now.plus(storeReadBound));
            try {
                due = store.findDue(now, page);
            } catch (RuntimeException e) {
                signal.dueInStore(now); // read again at the next poll, not a bound later
                throw e;
            }
            if (due.size() >= page) {
                // a full page may have more behind it: a freed slot polls again rather than waiting
                moreDue = true;
                signal.dueInStore(now);
            }
        }
        if (!due.isEmpty()) {
            List<Delivery> notNow = new java.util.ArrayList<>();
            try {
                dispatch(due, pendingPrevious(due), notNow, now);
            } finally {
                signal.putBack(notNow);
            }
        }
        moreDue = moreDue || signal.hasOffered();
        if (moreDue && slots.availablePermits() == maxConcurrency) {
            signal.wake(); // nothing in flight whose end would wake the loop
        }
        return readStore;
    }

    /**
     * For each candidate whose previous delivery (of its subscription and bill) is still pending, that one: one
     * lookup by id for the whole poll. A previous one that is settled or does not exist holds nobody back: deliveries
     * settle in their line's order (each went only once its own previous one had settled), so a settled previous one
     * means every earlier one is settled too.
     */
    private Map<String, Delivery> pendingPrevious(List<Delivery> candidates) {
        Set<String> previousIds = new java.util.HashSet<>();
        candidates.forEach(c -> {
            if (c.previousId() != null) {
                previousIds.add(c.previousId());
            }
        });
        Map<String, Delivery> previous = store.findAllById(previousIds);
        Map<String, Delivery> pending = new java.util.HashMap<>();
        for (Delivery candidate : candidates) {
            Delivery before = candidate.previousId() == null ? null : previous.get(candidate.previousId());
            if (before != null && before.status() == DeliveryStatus.PENDING) {
                pending.put(candidate.id(), before);
            }
        }
        return pending;
    }

    private void dispatch(List<Delivery> due, Map<String, Delivery> earlierOf, List<Delivery> notNow,
                          Instant now) {
        List<Delivery> starting = new java.util.ArrayList<>();
        try {
            choose(due, earlierOf, notNow, now, starting);
        } finally {
            start(starting);
        }
    }

    /** Decides each candidate: start it (a slot and its endpoint's turn taken), leave it for later, or park it. */
    private void choose(List<Delivery> due, Map<String, Delivery> earlierOf, List<Delivery> notNow, Instant now,
                        List<Delivery> starting) {
        Set<String> inPage = new java.util.HashSet<>();
        due.forEach(d -> inPage.add(d.id()));
        for (int i = 0; i < due.size(); i++) {
            Delivery candidate = due.get(i);
            if (!running || slots.availablePermits() == 0) {
                notNow.addAll(due.subList(i, due.size()));
                moreDue = true;
                return;
            }
            if (!dispatched.add(candidate.id())) {
                continue; // a task for it is queued, running or waiting behind another; the claim decides
            }
            Delivery earlier = earlierOf.get(candidate.id());
            if (earlier != null) {
                if (waitBehind(earlier.id(), candidate)) {
                    continue; // stays in dispatched until the earlier one is done with
                }
                if (inPage.contains(earlier.id())) {
                    // the earlier one is a candidate of this poll too and only waits for a slot or its endpoint's
                    // turn: it goes first and this one after it, with no write. Parking (three writes, and a pass
                    // over every delivery to wake it) is for an earlier one that is not: waiting for a retry, held
                    // elsewhere, or beyond this page (skipping behind one beyond the page could fill every page)
                    dispatched.remove(candidate.id());
                    notNow.add(candidate);
                    continue;
                }
                pool.execute(() -> {
                    try {
                        park(candidate, earlier, now);
                    } catch (RuntimeException e) {
                        log.warn("Delivery {} could not be parked: {}", candidate.id(), e.toString());
                    } finally {
                        dispatched.remove(candidate.id());
                    }
                });
                continue;
            }
            String endpoint = candidate.subscriptionId();
            EndpointGates.Entry entry = gates.tryEnter(endpoint);
            if (entry == EndpointGates.Entry.BUSY) {
                dispatched.remove(candidate.id());
                // the endpoint has its share in flight: a just-created delivery waits in memory for a freed slot
                // (which polls again) rather than for the next read of the store
                notNow.add(candidate);
                continue;
            }
            if (entry == EndpointGates.Entry.OPEN) {
                postpone(candidate, now, now.plus(gates.openFor()));
                metrics.attempt("circuit-open");
                dispatched.remove(candidate.id());
                continue;
            }
            if (!slots.tryAcquire()) {
                gates.cancel(endpoint);
                dispatched.remove(candidate.id());
                notNow.addAll(due.subList(i, due.size()));
                moreDue = true;
                return;
            }
            synchronized (waiting) {
                inFlight.add(candidate.id());
            }
            starting.add(candidate);
        }
    }

    /**
     * Runs the chosen deliveries on the pool, with their subscriptions read in one lookup by id for all of them (one
     * read per poll, not one per delivery). Should that read fail, they go back to memory for the next poll.
     */
    private void start(List<Delivery> starting) {
        if (starting.isEmpty()) {
            return;
        }
        Map<String, Subscription> subscriptionsById = new java.util.HashMap<>();
        try {
            Set<String> ids = new java.util.HashSet<>();
            starting.forEach(d -> ids.add(d.subscriptionId()));
            subscriptions.findAllById(ids).forEach(sub -> subscriptionsById.put(sub.id(), sub));
        } catch (RuntimeException e) {
            log.warn("Subscriptions of {} deliveries could not be read: {}", starting.size(), e.toString());
            for (Delivery d : starting) {
                gates.cancel(d.subscriptionId());
                dispatched.remove(d.id());
                done(d.id());
                slots.release();
            }
            signal.putBack(starting);
            moreDue = true;
            return;
        }
        for (Delivery candidate : starting) {
            String endpoint = candidate.subscriptionId();
            Subscription subscription = subscriptionsById.get(endpoint);
            pool.execute(() -> {
                try {
                    claimAndAttempt(candidate, endpoint, subscription);
                } finally {
                    dispatched.remove(candidate.id());
                    done(candidate.id());
                    slots.release();
                    // only when work waits for a slot (after the release, so the poll sees it): a poll after every
                    // delivery reads the deliveries twice to find nothing new
                    if (moreDue) {
                        signal.wake();
                    }
                }
            });
        }
    }

    /**
     * Keeps a candidate in memory behind the earlier delivery of its subscription and bill when this instance is
     * attempting that one: it goes to the next poll as soon as the earlier one is done ({@link #done}), without
     * parking it in MongoDB and waiting for a wake there. False when the earlier one is not in flight here.
     */
    private boolean waitBehind(String earlierId, Delivery candidate) {
        synchronized (waiting) {
            if (!inFlight.contains(earlierId)) {
                return false;
            }
            waiting.computeIfAbsent(earlierId, id -> new java.util.ArrayList<>()).add(candidate);
            return true;
        }
    }

    /**
     * The attempt of {@code id} is over. What waited behind it goes to the next poll, whose ordering check decides
     * again: a successor may go, wait behind the next one, or, when this one stays pending for a retry, be parked
     * behind it in MongoDB (holding it in memory for a retry minutes away would not do). It is not left to the
     * store's next read: one created leased to this instance is not due there until its lease runs out.
     */
    private void done(String id) {
        List<Delivery> behind;
        synchronized (waiting) {
            inFlight.remove(id);
            behind = waiting.remove(id);
        }
        if (behind == null) {
            return;
        }
        behind.forEach(d -> dispatched.remove(d.id()));
        signal.putBack(behind);
        signal.wake();
    }

    /**
     * Claims a delivery the poll found due (another instance may have taken or changed it meanwhile) and attempts it.
     * Returns whether the delivery is still pending (a retry, or an attempt that could not be made or recorded).
     */
    private boolean claimAndAttempt(Delivery candidate, String endpoint, Subscription subscription) {
        Instant now = clock.instant();
        if (candidate.heldBy(owner, now.plus(lease.dividedBy(2)))) {
            // created leased to this instance (DeliveryPlanner) with most of its lease left: nobody else can take it
            return attempt(candidate, subscription);
        }
        Optional<Delivery> claimed;
        try {
            claimed = store.claim(candidate, owner, now, lease);
        } catch (RuntimeException e) {
            gates.cancel(endpoint);
            log.warn("Delivery {} could not be claimed: {}", candidate.id(), e.toString());
            signal.dueInStore(now);
            return true;
        }
        if (claimed.isEmpty()) {
            gates.cancel(endpoint);
            return false; // settled or taken elsewhere: what waited behind it is checked again
        }
        return attempt(claimed.get(), subscription);
    }

    /**
     * Keeps one subscription's events for one bill in order: the candidate waits behind the earlier pending delivery
     * until that one settles and wakes it ({@link #settled}), at the latest {@link #PARK_BOUND} after the earlier one's
     * next attempt, should the wake be lost in a crash ({@link LostWakes} wakes it sooner). Parked deliveries stay out
     * of the due list: re-deferring them every second made each poll's candidates mostly deliveries that could not go,
     * and a backlog fed on itself.
     */
    private void park(Delivery candidate, Delivery earlier, Instant now) {
        // the mark before the postponing: killed between the two, the candidate is left due (nothing parked it), where
        // the other order left it parked with nobody to wake it (the system test that kills notify-service lost
        // webhooks for minutes so). A mark on a candidate that is not parked wakes nothing.
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
    private Optional<Delivery> postpone(Delivery candidate, Instant now, Instant until) {
        signal.dueInStore(until);
        return candidate.heldBy(owner, now) ? store.release(candidate, until) : store.defer(candidate, now, until);
    }

    /**
     * One attempt of a claimed delivery, to its subscription as read for this poll (null: deleted); the endpoint's
     * gate is exited or cancelled exactly once. Returns whether the delivery is still pending afterwards.
     */
    boolean attempt(Delivery delivery, Subscription subscriptionAsRead) {
        String endpoint = delivery.subscriptionId();
        Instant started = clock.instant();
        boolean gateOpen = true;
        try {
            Optional<Subscription> found = Optional.ofNullable(subscriptionAsRead);
            Optional<String> reason = whyNotDeliverable(found);
            Rendered rendered = reason.isPresent() ? null : rendered(delivery.eventId());
            StoredEvent event = rendered == null ? null : rendered.event();
            if (reason.isEmpty() && event == null) {
                reason = Optional.of("the event expired (events are kept for the retention period, 90 days unless configured)");
            }
            if (reason.isPresent()) {
                gates.cancel(endpoint);
                gateOpen = false;
                Optional<Delivery> abandoned = store.abandon(delivery, reason.get(), started);
                metrics.attempt("abandoned");
                abandoned.ifPresent(d -> wakeSuccessor(d, started));
                return false;
            }
            Subscription subscription = found.get();
            String body = rendered.body();
            long timestamp = started.getEpochSecond();
            WebhookMessage message = new WebhookMessage(delivery.eventId(), timestamp, body,
                    WebhookSigner.signatureHeader(delivery.eventId(), timestamp, body,
                            subscription.signingSecrets(started, secretBox)));
            AttemptResult result = sender.send(subscription.url(), message);
            boolean delivered = result.verdict() == AttemptResult.Verdict.DELIVERED;
            gates.exit(endpoint, delivered, result.latency());
            gateOpen = false;
            return record(delivery, subscription, event, result, started);
        } catch (InterruptedException stopping) {
            if (gateOpen) {
                gates.cancel(endpoint);
            }
            store.release(delivery, started);
            signal.dueInStore(started);
            Thread.currentThread().interrupt();
            return true;
        } catch (RuntimeException e) {
            log.warn("Delivery {} could not be attempted: {}", delivery.id(), e.toString());
            if (gateOpen) {
                gates.cancel(endpoint);
            }
            store.release(delivery, started.plus(ERROR_BACKOFF));
            signal.dueInStore(started.plus(ERROR_BACKOFF));
            return true;
        }
    }

    private boolean record(Delivery delivery, Subscription subscription, StoredEvent event, AttemptResult result,
                           Instant started) throws InterruptedException {
        Instant now = clock.instant();
        DeliveryRules.Decision decision = rules.decide(delivery.attemptCount() + 1, result, now,
                subscription.failingSince());
        Attempt attempt = new Attempt(started, result.statusCode(), result.latency().toMillis(), result.error(), owner);
        Optional<Delivery> recorded = store.complete(delivery, attempt, decision.status(), decision.nextAttemptAt(),
                result.error());
        if (recorded.isEmpty()) {
            log.info("Lease on delivery {} was lost before its attempt was recorded; another instance retries it",
                    delivery.id());
            signal.dueInStore(now.plus(lease)); // or this one, should that one be gone too
            return true;
        }
        if (decision.status() == DeliveryStatus.DELIVERED) {
            health.succeeded(subscription, now);
            metrics.attempt("delivered");
            metrics.delivered(Duration.between(event.time(), now));
        } else {
            health.failed(subscription.id(), decision.failingSince());
            metrics.attempt(decision.status() == DeliveryStatus.PENDING ? "retrying" : "failed");
            if (decision.disableReason() != null) {
                health.disable(subscription.id(), decision.disableReason(), now);
            }
        }
        if (decision.status() == DeliveryStatus.PENDING) {
            signal.dueInStore(decision.nextAttemptAt());
            return true;
        }
        metrics.settled(delivery.attemptCount() + 1);
        wakeSuccessor(recorded.get(), now);
        return false;
    }

    /** A settled delivery wakes the one parked behind it, if any, and hands it to the loop. */
    private void wakeSuccessor(Delivery settled, Instant now) {
        if (settled.waiterId() != null) {
            store.wake(settled.waiterId(), now).ifPresent(woken -> signal.offer(List.of(woken)));
        }
    }

    /** A stored event and its webhook body, kept for the next deliveries of the same event (events never change). */
    private record Rendered(StoredEvent event, String body) {
    }

    private Rendered rendered(String eventId) {
        // a miss (the event expired) is not kept: Caffeine stores no null
        return renderedEvents.get(eventId, id -> events.findById(id).map(e -> new Rendered(e, payload.body(e)))
                .orElse(null));
    }


    private Optional<String> whyNotDeliverable(Optional<Subscription> found) {
        if (found.isEmpty()) {
            return Optional.of("subscription deleted");
        }
        Subscription subscription = found.get();
        if (subscription.status() == SubscriptionStatus.PAUSED) {
            return Optional.of("subscription paused");
        }
        if (subscription.status() == SubscriptionStatus.DISABLED) {
            return Optional.of("subscription disabled: " + subscription.disabledReason());
        }
        boolean subscriberActive = activeSubscribers.get(subscription.subscriberId(), id -> subscribers.findById(id)
                .map(s -> s.status() == SubscriberStatus.ACTIVE).orElse(false));
        return subscriberActive ? Optional.empty() : Optional.of("subscriber suspended or deleted");
    }

    private static Instant later(Instant a, Instant b) {
        return a != null && a.isAfter(b) ? a : b;
    }
}
