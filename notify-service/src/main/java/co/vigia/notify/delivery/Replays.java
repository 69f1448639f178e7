package co.vigia.notify.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import co.vigia.notify.event.EventStore;
import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.event.StoredEventRepository;
import co.vigia.notify.subscription.Subscription;
import co.vigia.starter.web.ApiProblem;
import co.vigia.starter.web.DateBounds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Replays a subscription's events since an event it received or a time: read from MongoDB by cursor, a page at a
 * time, and scheduled as they are read, at most {@link #MAX_EVENTS} per call (the answer says where to go on). One
 * replay per subscription at a time, across instances ({@link ReplayLease}); another answers 409.
 */
@Component
public class Replays {

    static final int MAX_EVENTS = 10_000;
    private static final int PAGE = 500;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final StoredEventRepository events;
    private final EventStore eventStore;
    private final DeliveryStore deliveries;
    private final DeliveryPlanner planner;
    private final Clock clock;

    public Replays(MongoTemplate mongo, StoredEventRepository events, EventStore eventStore, DeliveryStore deliveries,
                   DeliveryPlanner planner, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.eventStore = eventStore;
        this.deliveries = deliveries;
        this.planner = planner;
        this.clock = clock;
    }

    /**
     * @param deliveries how many were scheduled
     * @param since      the time the replay started from (that of the event given as {@code since}, if one was)
     * @param complete   false when it stopped at the limit; replay again with {@code since=next}
     * @param next       the time of the last event scheduled, when not complete
     */
    public record Replayed(int deliveries, Instant since, boolean complete, Instant next) {
    }

    public Replayed replay(Subscription subscription, String since) {
        Start from = start(subscription, since);
        String owner = lease(subscription.id());
        try {
            return schedule(subscription, from);
        } finally {
            mongo.remove(Query.query(where("_id").is(subscription.id()).and("owner").is(owner)), ReplayLease.class);
            planner.wakeWorker();
        }
    }

    private Replayed schedule(Subscription subscription, Start from) {
        Instant last = null;
        int scheduled = 0;
        try (Stream<StoredEvent> stream = eventStore.streamFromKafkaSince(from.time(), from.inclusive(), PAGE)) {
            Iterator<StoredEvent> found = stream.iterator();
            while (found.hasNext()) {
                StoredEvent event = found.next();
                if (!subscription.filter().matches(event.type(), event.subject())) {
                    continue;
                }
                if (scheduled == MAX_EVENTS) {
                    return new Replayed(scheduled, from.time(), false, last);
                }
                planner.schedule(event, subscription, null, DeliveryTrigger.REPLAY);
                last = event.receivedAt();
                scheduled++;
            }
        }
        return new Replayed(scheduled, from.time(), true, null);
    }

    private record Start(Instant time, boolean inclusive) {
    }

    /**
     * Events received at or after a time, or after an event this subscription received. An event it did not
     * receive (another subscriber's, or none) is refused exactly like an unknown id, so its time does not leak.
     */
    private Start start(Subscription subscription, String since) {
        Instant time;
        try {
            time = Instant.parse(since);
        } catch (DateTimeParseException notATime) {
            time = null;
        }
        if (time != null) {
            try {
                return new Start(DateBounds.check(time), true); // a year past 9999 was a 500 in the query
            } catch (DateBounds.OutOfRange e) {
                throw ApiProblem.invalidField("since", e.getMessage());
            }
        }
        Optional<StoredEvent> after = events.findById(since)
                .filter(e -> deliveries.received(subscription.id(), e.id()));
        return new Start(after.orElseThrow(() -> ApiProblem.invalidField("since",
                "is neither an event this subscription received nor an ISO-8601 time (events are kept for the "
                        + "retention period, 90 days unless configured)"))
                .receivedAt(), false);
    }

    private String lease(String subscriptionId) {
        String owner = UUID.randomUUID().toString();
        Instant now = clock.instant();
        mongo.remove(Query.query(where("_id").is(subscriptionId).and("expiresAt").lt(now)), ReplayLease.class);
        try {
            mongo.insert(new ReplayLease(subscriptionId, owner, now.plus(LEASE)));
            return owner;
        } catch (DuplicateKeyException running) {
            throw ApiProblem.conflict("replay-in-progress", "A replay is running",
                    "a replay of this subscription is already running; try again when it has finished");
        }
    }
}
