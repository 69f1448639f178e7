package co.vigia.notify.intake;

import co.vigia.notify.event.StoredEvent;
import co.vigia.contracts.CloudEvent;
import co.vigia.notify.delivery.DeliveryPlanner;
import co.vigia.notify.delivery.DeliveryTrigger;
import co.vigia.notify.event.EventStore;
import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.subscriber.Subscriber;
import co.vigia.notify.subscriber.SubscriberRepository;
import co.vigia.notify.subscriber.SubscriberStatus;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionStore;
import co.vigia.starter.kafka.PoisonEventException;
import co.vigia.starter.metrics.EventMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * From consumed events to their deliveries: store each event once (its id is the document id), give every matching
 * active subscription one delivery (id {@code <eventId>:<subscriptionId>}), mark the event fanned out. Each step is
 * idempotent, so records read again after a crash at any point yield the same deliveries, once.
 * <p>
 * A poll's records are taken together ({@link #acceptAll}): one bulk insert of the events, one read of the candidate
 * subscriptions and one of their subscribers, one update marking them fanned out. Done one by one, those were four
 * round trips an event, most of the intake's cost when most events match nobody (figure 3 of the benchmarks).
 * Deliveries are still created event by event, in record order, so that a bill's later event is put behind its
 * earlier one in every line.
 */
@Component
public class EventIntake {

    /** Subscriptions read, matched and scheduled at a time. */
    static final int BATCH = 500;

    /**
     * At most this many candidate subscriptions are read in one go for a whole batch of events. A batch with more (a
     * fan-out to thousands) is fanned out event by event, each streamed {@link #BATCH} at a time, so its first webhooks
     * go while the rest are read (benchmark figure 2).
     */
    static final int BATCH_CANDIDATES = BATCH;

    private final EventStore events;
    private final SubscriptionStore subscriptions;
    private final SubscriberRepository subscribers;
    private final DeliveryPlanner planner;
    private final Clock clock;
    private final EventMetrics metrics;

    public EventIntake(EventStore events, SubscriptionStore subscriptions, SubscriberRepository subscribers,
                       DeliveryPlanner planner, Clock clock, EventMetrics metrics) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.subscribers = subscribers;
        this.planner = planner;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** An event as read from {@code topic}. */
    public record Received(CloudEvent event, String topic) {
    }

    /** Refuses an event that can never be applied: it has no data object, or no subject (the bill id). */
    public static void check(CloudEvent event) {
        if (event.data() == null || !event.data().isObject()) {
            throw new PoisonEventException("event " + event.id() + " has no data object");
        }
        if (event.subject() == null || event.subject().isBlank()) {
            throw new PoisonEventException("event " + event.id() + " has no subject (bill id)");
        }
    }

    /** Returns the number of deliveries this call created (0 when the event was already applied). */
    public int accept(CloudEvent event, String topic) {
        return acceptAll(List.of(new Received(event, topic)));
    }

    /**
     * Applies events in their order and returns the number of deliveries created. Every event is checked first, so a
     * poison one fails the call before anything is stored; any other failure leaves what was stored to be finished
     * when the same events are read again.
     */
    public int acceptAll(List<Received> events) {
        events.forEach(r -> check(r.event()));
        Instant now = clock.instant();
        // a copy later in the same batch (a producer's re-send) is a duplicate of the first: storing both in one bulk
        // would make the second look stored before and not fanned out, and fan it out twice
        Map<String, StoredEvent> received = new LinkedHashMap<>();
        List<String> duplicateTopics = new ArrayList<>();
        for (Received r : events) {
            if (received.containsKey(r.event().id())) {
                duplicateTopics.add(r.topic());
            } else {
                received.put(r.event().id(), StoredEvent.received(r.event(), r.topic(), now));
            }
        }
        Map<String, StoredEvent> before = this.events.insertAbsent(new ArrayList<>(received.values()));
        List<FanOut> toFanOut = new ArrayList<>();
        List<String> appliedTopics = new ArrayList<>();
        for (StoredEvent event : received.values()) {
            StoredEvent storedBefore = before.get(event.id());
            if (storedBefore != null && storedBefore.fannedOut()) {
                duplicateTopics.add(event.topic());
            } else {
                // only an event read before (a crash half-way through its fan-out) can have deliveries already
                toFanOut.add(new FanOut(storedBefore == null ? event : storedBefore, storedBefore != null));
                appliedTopics.add(event.topic());
            }
        }
        int created = fanOut(toFanOut);
        this.events.markFannedOut(toFanOut.stream().map(f -> f.event().id()).toList());
        appliedTopics.forEach(metrics::applied);
        duplicateTopics.forEach(metrics::duplicate);
        return created;
    }

    /** An event to fan out; {@code mayExist}: it was stored before, so some of its deliveries may exist. */
    private record FanOut(StoredEvent event, boolean mayExist) {
    }

    /**
     * One read of the candidates of every event, then each event's deliveries in order. The read is bounded: past
     * {@link #BATCH_CANDIDATES} the batch is fanned out event by event, streaming.
     */
    private int fanOut(List<FanOut> events) {
        if (events.isEmpty()) {
            return 0;
        }
        List<Subscription> candidates = subscriptions.candidates(events.stream().map(f -> f.event().type()).toList(),
                events.stream().map(f -> f.event().subject()).toList(), BATCH_CANDIDATES + 1);
        int created = 0;
        if (candidates.size() > BATCH_CANDIDATES) {
            for (FanOut event : events) {
                created += fanOutStreaming(event);
            }
            return created;
        }
        Set<String> activeOwners = activeOwners(candidates);
        for (FanOut event : events) {
            created += planner.scheduleEach(event.event(), matching(candidates, activeOwners, event.event()),
                    DeliveryTrigger.EVENT, event.mayExist());
        }
        return created;
    }

    /**
     * One event's candidates read in batches and scheduled batch by batch: the first webhooks of a fan-out to thousands
     * go while the rest are read (reading 10,000 subscriptions in one go took a second before the first delivery was
     * created).
     */
    private int fanOutStreaming(FanOut event) {
        StoredEvent stored = event.event();
        int created = 0;
        try (Stream<Subscription> candidates = subscriptions.streamCandidates(List.of(stored.type()),
                List.of(stored.subject()), BATCH)) {
            Iterator<Subscription> read = candidates.iterator();
            List<Subscription> batch = new ArrayList<>(BATCH);
            while (read.hasNext()) {
                batch.add(read.next());
                if (batch.size() == BATCH || !read.hasNext()) {
                    created += planner.scheduleEach(stored, matching(batch, activeOwners(batch), stored),
                            DeliveryTrigger.EVENT, event.mayExist());
                    batch.clear();
                }
            }
        }
        return created;
    }

    /** The subscribers of these subscriptions that are active (one read of them all, none for none). */
    private Set<String> activeOwners(List<Subscription> subscriptions) {
        Set<String> owners = subscriptions.stream().map(Subscription::subscriberId).collect(Collectors.toSet());
        if (owners.isEmpty()) {
            return Set.of();
        }
        return subscribers.findByIdInAndStatus(owners, SubscriberStatus.ACTIVE).stream().map(Subscriber::id)
                .collect(Collectors.toSet());
    }

    /** Those whose filter matches the event and whose subscriber is active, in the order read. */
    private static List<Subscription> matching(List<Subscription> candidates, Set<String> activeOwners,
                                               StoredEvent event) {
        return candidates.stream().filter(s -> activeOwners.contains(s.subscriberId()))
                .filter(s -> s.filter().matches(event.type(), event.subject())).toList();
    }
}
