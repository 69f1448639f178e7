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
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
        StoredEvent stored = storeOnce(new StoredEvent(event.id(), event.type(), event.subject(), event.source(),
                event.time() == null ? now : event.time(), topic, EventCodec.mapper().writeValueAsString(event.data()),
                now, false));
        if (stored.fannedOut()) {
            metrics.duplicate(topic);
            return 0;
        }
        List<Subscription> matching = activeSubscriptions(stored.type(), stored.subject()).stream()
                .filter(s -> s.filter().matches(stored.type(), stored.subject())).toList();
        int created = planner.scheduleEach(stored, matching, DeliveryTrigger.EVENT);
        mongo.updateFirst(new Query(Criteria.where("_id").is(stored.id())), new Update().set("fannedOut", true),
                StoredEvent.class);
        metrics.applied(topic);
        return created;
    }

    private StoredEvent storeOnce(StoredEvent event) {
        try {
            return mongo.insert(event);
        } catch (DuplicateKeyException alreadyStored) {
            StoredEvent existing = mongo.findById(event.id(), StoredEvent.class);
            return existing == null ? event : existing;
        }
    }

    /**
     * Active subscriptions of active subscribers whose filter may want this event, narrowed in MongoDB (by the type's
     * patterns and the bill) so that the thousands that follow other bills or types are never read: reading every
     * active subscription for every event was most of the intake's cost (see docs/benchmarks-profiling.md).
     */
    List<Subscription> activeSubscriptions(String type, String subject) {
        Query query = new Query(Criteria.where("status").is(SubscriptionStatus.ACTIVE)
                .and("eventTypes").in(EventFilter.patternsMatching(type))
                .orOperator(Criteria.where("billIds").size(0), Criteria.where("billIds").is(subject),
                        Criteria.where("billIds").exists(false)));
        List<Subscription> active = mongo.find(query, Subscription.class);
        Set<String> owners = active.stream().map(Subscription::subscriberId).collect(Collectors.toSet());
        Set<String> activeOwners = subscribers.findAllById(owners).stream()
                .filter(s -> s.status() == SubscriberStatus.ACTIVE).map(s -> s.id()).collect(Collectors.toSet());
        return active.stream().filter(s -> activeOwners.contains(s.subscriberId())).toList();
    }
}
