package co.vigia.notify.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** What the deliveries tell, read only: a subscription's log, the endpoint report, replays, the pending gauges. */
@Component
public class DeliveryHistory {

    private final MongoTemplate mongo;

    public DeliveryHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Whether this subscription was ever sent this event: live, by a replay or as a redelivery. */
    public boolean received(String subscriptionId, String eventId) {
        return mongo.exists(Query.query(Criteria.where("subscriptionId").is(subscriptionId).and("eventId").is(eventId)),
                Delivery.class);
    }

    public long countPending() {
        return mongo.count(new Query(Criteria.where("status").is(DeliveryStatus.PENDING)), Delivery.class);
    }

    /** Pending deliveries created in {@code [from, to)}; a null bound is open. */
    public long countPendingCreated(Instant from, Instant to) {
        return mongo.count(new Query(Criteria.where("status").is(DeliveryStatus.PENDING)
                .andOperator(createdBetween(from, to))), Delivery.class);
    }

    /** Deliveries with an attempt at or after {@code since}, most recently created first. */
    public List<Delivery> attemptedSince(Instant since, int limit) {
        Query query = new Query(Criteria.where("attempts.at").gte(since))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit);
        return mongo.find(query, Delivery.class);
    }

    /** A subscription's deliveries, newest first, those the filter lets through. */
    public List<Delivery> forSubscription(String subscriptionId, DeliveryFilter filter, int limit) {
        Criteria criteria = Criteria.where("subscriptionId").is(subscriptionId);
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.eventType() != null) {
            criteria = criteria.and("eventType").is(filter.eventType());
        }
        if (filter.subject() != null) {
            criteria = criteria.and("subject").is(filter.subject());
        }
        if (filter.from() != null || filter.to() != null) {
            criteria = criteria.andOperator(createdBetween(filter.from(), filter.to()));
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "seq")).limit(limit), Delivery.class);
    }

    private static Criteria createdBetween(Instant from, Instant to) {
        Criteria created = Criteria.where("createdAt");
        if (from != null) {
            created = created.gte(from);
        }
        if (to != null) {
            created = created.lt(to);
        }
        return created;
    }
}
