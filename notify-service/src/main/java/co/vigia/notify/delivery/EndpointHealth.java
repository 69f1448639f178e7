package co.vigia.notify.delivery;

import co.vigia.contracts.subscription.SubscriptionDisabled;
import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionRepository;
import co.vigia.notify.subscription.SubscriptionStatus;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An endpoint's health on its subscription: the last success, the first failure since, and disabling it (its
 * pending deliveries fail, and the subscriber's other active subscriptions receive a
 * {@code co.vigia.subscription.disabled} notice).
 */
@Component
public class EndpointHealth {

    private static final Logger log = LoggerFactory.getLogger(EndpointHealth.class);

    static final Duration LAST_SUCCESS_PRECISION = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final SubscriptionRepository subscriptions;
    private final DeliveryStore deliveries;
    private final DeliveryPlanner planner;
    /** Successes waiting for {@link #writeSuccesses}: the latest of each endpoint. */
    private final Map<String, Instant> successesToWrite = new ConcurrentHashMap<>();

    public EndpointHealth(MongoTemplate mongo, SubscriptionRepository subscriptions, DeliveryStore deliveries,
                          DeliveryPlanner planner) {
        this.mongo = mongo;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.planner = planner;
    }

    /**
     * Clears failing-since and notes the success. {@code subscription} is as read for the attempt: when it was failing,
     * that is cleared at once; when it was not and its last success is recent, nothing is written, so a busy endpoint
     * costs one write a {@link #LAST_SUCCESS_PRECISION} rather than one per delivery (lastSuccessAt is that precise);
     * otherwise the success waits for {@link #writeSuccesses}, at most a second, with the others of that second: a
     * fan-out to 10,000 endpoints made 10,000 updates, one per delivery, a quarter of the delivery threads' time.
     */
    public void succeeded(Subscription subscription, Instant at) {
        if (subscription.failingSince() != null) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(subscription.id())),
                    new Update().set("lastSuccessAt", at).unset("failingSince"), Subscription.class);
            return;
        }
        Instant last = subscription.lastSuccessAt();
        if (last != null && last.isAfter(at.minus(LAST_SUCCESS_PRECISION))) {
            return;
        }
        successesToWrite.merge(subscription.id(), at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * Writes the successes noted since the last call, in one unordered bulk write (an update by id each: only
     * lastSuccessAt, so a failure recorded meanwhile is left as it is). Every second, and when the service stops.
     */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    @PreDestroy
    public void writeSuccesses() {
        if (successesToWrite.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        for (String id : List.copyOf(successesToWrite.keySet())) {
            Instant at = successesToWrite.remove(id);
            if (at != null) {
                // BSON built here, as DeliveryStore's settled updates: no Spring Data mapping per endpoint
                updates.add(new UpdateOneModel<>(new Document("_id", id),
                        new Document("$set", new Document("lastSuccessAt", Date.from(at)))));
            }
        }
        if (!updates.isEmpty()) {
            try {
                mongo.getCollection(mongo.getCollectionName(Subscription.class))
                        .bulkWrite(updates, new BulkWriteOptions().ordered(false));
            } catch (RuntimeException e) {
                // a precision of a minute: the next success of each endpoint notes it again
                log.warn("Last successes of {} endpoints could not be written: {}", updates.size(), e.toString());
            }
        }
    }

    /** Sets failing-since to {@code since} unless an earlier failure already set it. */
    public void failed(String subscriptionId, Instant since) {
        // only on a failed attempt: on the embedded server a query of more than the id reads every subscription
        mongo.findAndModify(new Query(Criteria.where("_id").is(subscriptionId).and("failingSince").is(null)),
                new Update().set("failingSince", since), Subscription.class);
    }

    /** Disables an active subscription; only the call that flips it fails its deliveries and sends the notice. */
    public void disable(String subscriptionId, String reason, Instant at) {
        Subscription disabled = mongo.findAndModify(
                new Query(Criteria.where("_id").is(subscriptionId).and("status").is(SubscriptionStatus.ACTIVE)),
                new Update().set("status", SubscriptionStatus.DISABLED).set("disabledReason", reason)
                        .set("disabledAt", at).inc("version", 1),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
                Subscription.class);
        if (disabled == null) {
            return;
        }
        long failed = deliveries.failPending(subscriptionId, "subscription disabled: " + reason, at);
        log.warn("Subscription {} of subscriber {} disabled ({}); {} pending deliveries failed", subscriptionId,
                disabled.subscriberId(), reason, failed);
        StoredEvent notice = planner.webhookOnlyEvent(new SubscriptionDisabled(subscriptionId, disabled.url(), reason, at));
        for (Subscription other : subscriptions.findBySubscriberIdOrderByCreatedAtAsc(disabled.subscriberId())) {
            if (!other.id().equals(subscriptionId) && other.status() == SubscriptionStatus.ACTIVE) {
                planner.schedule(notice, other, notice.id() + ":" + other.id(), DeliveryTrigger.NOTICE);
            }
        }
        planner.wakeWorker();
    }
}
