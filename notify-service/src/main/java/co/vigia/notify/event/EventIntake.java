package co.vigia.notify.event;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.notify.delivery.DeliveryPlanner;
import co.vigia.notify.delivery.DeliveryTrigger;
import co.vigia.notify.subscriber.SubscriberRepository;
import co.vigia.notify.subscriber.SubscriberStatus;
import co.vigia.notify.subscription.EventFilter;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionStatus;
import co.vigia.starter.kafka.PoisonEventException;
import co.vigia.starter.metrics.EventMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * From a consumed event to its deliveries: store the event once (its id is the document id), give every
 * matching active subscription one delivery (id {@code <eventId>:<subscriptionId>}), mark the event fanned out.
 * Each step is idempotent, so a record read again after a crash at any point yields the same deliveries, once.
 */
@Component
public class EventIntake {

    /** Subscriptions read, matched and scheduled at a time. */
    static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final SubscriberRepository subscribers;
    private final DeliveryPlanner planner;
    private final Clock clock;
    private final EventMetrics metrics;

    public EventIntake(MongoTemplate mongo, SubscriberRepository subscribers, DeliveryPlanner planner, Clock clock,
                       EventMetrics metrics) {
        this.mongo = mongo;
        this.subscribers = subscribers;
        this.planner = planner;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Returns the number of deliveries this call created (0 when the event was already applied). */
    public int accept(CloudEvent event, String topic) {
        if (event.data() == null || !event.data().isObject()) {
            throw new PoisonEventException("event " + event.id() + " has no data object");
        }
        if (event.subject() == null || event.subject().isBlank()) {
            throw new PoisonEventException("event " + event.id() + " has no subject (bill id)");
        }
        Instant now = clock.instant();
        StoredEvent received = new StoredEvent(event.id(), event.type(), event.subject(), event.source(),
                event.time() == null ? now : event.time(), topic, EventCodec.mapper().writeValueAsString(event.data()),
                now, false);
        Optional<StoredEvent> storedBefore = storedBefore(received);
        // only an event read before (a crash half-way through its fan-out) can have deliveries already
        boolean deliveriesMayExist = storedBefore.isPresent();
        StoredEvent stored = storedBefore.orElse(received);
        if (stored.fannedOut()) {
            metrics.duplicate(topic);
            return 0;
        }
        int created = 0;
        // read in batches and scheduled batch by batch: the first webhooks of a fan-out to thousands go while the
        // rest are read (reading 10,000 subscriptions in one go took a second before the first delivery was created)
        try (Stream<Subscription> candidates = mongo.stream(candidatesFor(stored.type(), stored.subject())
                .cursorBatchSize(BATCH), Subscription.class)) {
            Iterator<Subscription> read = candidates.iterator();
            List<Subscription> batch = new ArrayList<>(BATCH);
            while (read.hasNext()) {
                batch.add(read.next());
                if (batch.size() == BATCH || !read.hasNext()) {
                    created += planner.scheduleEach(stored, matching(batch, stored), DeliveryTrigger.EVENT,
                            deliveriesMayExist);
                    batch.clear();
                }
            }
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(stored.id())), new Update().set("fannedOut", true),
                StoredEvent.class);
        metrics.applied(topic);
        return created;
    }

    /** Stores the event unless it is stored already: then answers it as stored (fanned out or not). */
    private Optional<StoredEvent> storedBefore(StoredEvent event) {
        try {
            mongo.insert(event);
            return Optional.empty();
        } catch (DuplicateKeyException alreadyStored) {
            StoredEvent existing = mongo.findById(event.id(), StoredEvent.class);
            return Optional.of(existing == null ? event : existing);
        }
    }

    /**
     * Active subscriptions whose filter may want this event, narrowed in MongoDB (by the type's patterns and the
     * bill) so that the thousands that follow other bills or types are never read: reading every active
     * subscription for every event was most of the intake's cost (see docs/benchmarks-profiling.md).
     */
    private static Query candidatesFor(String type, String subject) {
        return new Query(Criteria.where("status").is(SubscriptionStatus.ACTIVE)
                .and("eventTypes").in(EventFilter.patternsMatching(type))
                .orOperator(Criteria.where("billIds").size(0), Criteria.where("billIds").is(subject),
                        Criteria.where("billIds").exists(false)));
    }

    /** Those whose filter matches and whose subscriber is active (one read of the subscribers for all). */
    private List<Subscription> matching(List<Subscription> candidates, StoredEvent event) {
        String type = event.type();
        String subject = event.subject();
        Set<String> owners = candidates.stream().map(Subscription::subscriberId).collect(Collectors.toSet());
        Set<String> activeOwners = subscribers.findAllById(owners).stream()
                .filter(s -> s.status() == SubscriberStatus.ACTIVE).map(s -> s.id()).collect(Collectors.toSet());
        return candidates.stream().filter(s -> activeOwners.contains(s.subscriberId()))
                .filter(s -> s.filter().matches(type, subject)).toList();
    }
}
