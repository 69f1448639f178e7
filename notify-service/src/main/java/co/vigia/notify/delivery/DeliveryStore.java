package co.vigia.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Deliveries in MongoDB. Every state change is one single-document write guarded by its preconditions, so several
 * instances can work side by side without transactions: a compare-and-set on {@code {_id, version}} of the copy the
 * preconditions were checked on (the claim: pending, due, no live lease), which fails if anything changed since.
 * The embedded server (mongo-java-server 1.47) reads a document through an index only when the query's keys are
 * exactly that unique index's keys: an update by id with one more condition (the lease, the status) read the whole
 * collection (8-12 ms at 30,000 deliveries, under the collection's lock), one by {@code {_id, version}} is a lookup
 * in the {@code cas} index (0.17 ms). On MongoDB both are one indexed write.
 */
@Component
public class DeliveryStore {

    static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final SettledWrites settledWrites;

    public DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.settledWrites = new SettledWrites(mongo.getCollection(Delivery.COLLECTION));
    }

    /**
     * Inserts deliveries in one unordered bulk write and returns those that were new: one with an existing id (the
     * same event read again after a crash half-way through its fan-out) is skipped, the others are inserted. One
     * round trip for an event's whole fan-out, where one insert per subscription took seconds for 10,000.
     */
    public List<Delivery> insertAllAbsent(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class).insert(deliveries).execute();
            return deliveries;
        } catch (BulkOperationException e) {
            Set<Integer> existing = new HashSet<>();
            for (BulkWriteError error : e.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
            List<Delivery> inserted = new ArrayList<>(deliveries.size() - existing.size());
            for (int i = 0; i < deliveries.size(); i++) {
                if (!existing.contains(i)) {
                    inserted.add(deliveries.get(i));
                }
            }
            return inserted;
        }
    }

    /** Which of these ids exist (one lookup by id for all of them). */
    public Set<String> existing(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Query query = new Query(Criteria.where("_id").in(ids));
        query.fields().include("_id");
        Set<String> found = new HashSet<>();
        mongo.find(query, Document.class, Delivery.COLLECTION).forEach(d -> found.add(d.getString("_id")));
        return found;
    }

    public Optional<Delivery> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    /** Deliveries by id, those that exist (one lookup by id for all of them). */
    public Map<String, Delivery> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Delivery> found = new HashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(ids)), Delivery.class).forEach(d -> found.put(d.id(), d));
        return found;
    }

    /** Pending deliveries whose attempt is due and that no live instance holds, soonest first. */
    public List<Delivery> findDue(Instant now, int limit) {
        Query query = new Query(Criteria.where("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)))
                .with(Sort.by("nextAttemptAt")).limit(limit);
        return mongo.find(query, Delivery.class);
    }

    /**
     * Claims {@code seen} for {@code owner} until {@code now + lease}, if it is claimable and unchanged since it was
     * read: one instance wins. Empty when it is not (settled, held elsewhere, deferred or taken meanwhile). A lease
     * {@code owner} holds already is extended (a delivery it created leased to itself and held long in memory).
     */
    public Optional<Delivery> claim(Delivery seen, String owner, Instant now, Duration lease) {
        if (!seen.claimableBy(owner, now)) {
            return Optional.empty();
        }
        return compareAndSet(seen, new Update().set("leaseOwner", owner).set("leaseUntil", now.plus(lease)));
    }

    /** Pushes an unclaimed pending delivery's next attempt to {@code until} without counting an attempt. */
    public Optional<Delivery> defer(Delivery seen, Instant now, Instant until) {
        if (seen.status() != DeliveryStatus.PENDING || !seen.unleasedAt(now)) {
            return Optional.empty();
        }
        return compareAndSet(seen, new Update().set("nextAttemptAt", until));
    }

    /**
     * Records an attempt of a delivery this instance claimed and its outcome, if the claim still holds (its lease
     * ran out and another instance took it otherwise). Answers the delivery as recorded: its {@code waiterId} names
     * a successor to wake, without another read. An outcome that settles the delivery is written with the others
     * of that moment ({@link SettledWrites}); one that leaves it pending for a retry is written alone. Times are
     * answered as given; MongoDB keeps them to the millisecond.
     */
    public Optional<Delivery> complete(Delivery claimed, Attempt attempt, DeliveryStatus status, Instant nextAttemptAt,
                                       String error) throws InterruptedException {
        if (status == DeliveryStatus.PENDING) {
            return compareAndSet(claimed, completion(attempt, status, nextAttemptAt, error));
        }
        return settledWrites.write(claimed, attempt, status, nextAttemptAt, error);
    }

    private static Update completion(Attempt attempt, DeliveryStatus status, Instant nextAttemptAt, String error) {
        return new Update().push("attempts", attempt).inc("attemptCount", 1).set("status", status)
                .set("nextAttemptAt", nextAttemptAt).set("lastStatusCode", attempt.statusCode()).set("lastError", error)
                .set("completedAt", status == DeliveryStatus.PENDING ? null : attempt.at())
                .unset("leaseOwner").unset("leaseUntil");
    }

    /** Writes the settling attempts still queued and stops their writer (the worker has stopped by then). */
    @PreDestroy
    public void close() throws InterruptedException {
        settledWrites.close(Duration.ofSeconds(10));
    }

    /** Ends a claimed delivery without an HTTP attempt (its subscription is gone, paused or disabled). */
    public Optional<Delivery> abandon(Delivery claimed, String reason, Instant now) {
        return compareAndSet(claimed, new Update().set("status", DeliveryStatus.FAILED).set("lastError", reason)
                .set("completedAt", now).set("nextAttemptAt", null).unset("leaseOwner").unset("leaseUntil"));
    }

    /** Releases a claim that was not used (the endpoint's circuit is open, the instance is stopping). */
    public Optional<Delivery> release(Delivery claimed, Instant nextAttemptAt) {
        return compareAndSet(claimed,
                new Update().set("nextAttemptAt", nextAttemptAt).unset("leaseOwner").unset("leaseUntil"));
    }

    /**
     * Notes on {@code previousId} that {@code waiterId} was parked behind it, so that settling it wakes that one. It
     * does not change the version: the instance attempting the previous one still records its attempt.
     */
    public void markWaiter(String previousId, String waiterId) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(previousId)), new Update().set("waiterId", waiterId),
                Delivery.class);
    }

    /**
     * Makes a delivery parked behind one that just settled due now, and answers it as it now is (to be offered to the
     * worker); empty when it is not parked any more (it went, it was taken, or it is not pending).
     */
    public Optional<Delivery> wake(String id, Instant now) {
        return findById(id).flatMap(d -> wakeIfParked(d, now));
    }

    /** {@link #wake} of a delivery as read: empty when it is not parked (any more) or changed since the read. */
    public Optional<Delivery> wakeIfParked(Delivery seen, Instant now) {
        if (seen.status() != DeliveryStatus.PENDING || !seen.unleasedAt(now) || seen.nextAttemptAt() == null
                || !seen.nextAttemptAt().isAfter(now)) {
            return Optional.empty();
        }
        return compareAndSet(seen, new Update().set("nextAttemptAt", now));
    }

    /**
     * The waiters named by deliveries settled in {@code [from, to)} (by the start of their last attempt): the ones
     * their settling was to wake. Only the waiter ids are read.
     */
    public Set<String> waitersSettledBetween(Instant from, Instant to) {
        Query query = new Query(Criteria.where("completedAt").gte(from).lt(to).and("waiterId").ne(null));
        query.fields().include("waiterId");
        Set<String> waiters = new HashSet<>();
        mongo.find(query, Document.class, Delivery.COLLECTION).forEach(d -> waiters.add(d.getString("waiterId")));
        return waiters;
    }

    private Optional<Delivery> compareAndSet(Delivery seen, Update update) {
        return Optional.ofNullable(mongo.findAndModify(unchanged(seen), update.inc(VERSION, 1),
                FindAndModifyOptions.options().returnNew(true), Delivery.class));
    }

    private static Query unchanged(Delivery seen) {
        return new Query(Criteria.where("_id").is(seen.id()).and(VERSION).is(seen.version()));
    }

    /** Fails every unclaimed pending delivery of a subscription (it was disabled). */
    public long failPending(String subscriptionId, String reason, Instant now) {
        // one being attempted records its attempt; if it stays pending, its next attempt abandons it
        Query query = new Query(Criteria.where("subscriptionId").is(subscriptionId).and("status")
                .is(DeliveryStatus.PENDING)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)));
        return mongo.updateMulti(query, new Update().set("status", DeliveryStatus.FAILED).set("lastError", reason)
                .set("completedAt", now).set("nextAttemptAt", null).inc(VERSION, 1), Delivery.class).getModifiedCount();
    }

    /** At start: leases this instance id held in a previous life (a crash, kill -9) are given up at once. */
    public long releaseLeasesOf(String owner) {
        Query query = new Query(Criteria.where("leaseOwner").is(owner));
        return mongo.updateMulti(query, new Update().unset("leaseOwner").unset("leaseUntil").inc(VERSION, 1),
                Delivery.class).getModifiedCount();
    }
}
