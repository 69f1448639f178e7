package co.vigia.notify.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event to one subscription, and every attempt at it. A delivery created from Kafka has the id
 * {@code <eventId>:<subscriptionId>}, so the same event read twice yields one delivery. An instance works on a
 * delivery only while it holds its lease ({@code leaseOwner} until {@code leaseUntil}), taken in one
 * single-document update. {@code seq} orders one subscription's deliveries for one bill: the order they were
 * created in. {@code previousId} is the delivery created just before it for the same subscription and bill (null for
 * the first; see {@link DeliveryLines}): it may be attempted only once that one is no longer pending. {@code waiterId}
 * is set on the previous one when this one was parked behind it, so that settling it wakes this one.
 * {@code version} changes with every guarded write: each is a compare-and-set on {@code {_id, version}} (see
 * {@link DeliveryStore}).
 */
// {completedAt: 1} ("settled"), read by the sweep for lost wakes (LostWakes), is also the TTL index of the retention
// period: RetentionIndexes makes it with the configured period
@Document(Delivery.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
        @CompoundIndex(name = "order", def = "{'subscriptionId': 1, 'subject': 1, 'status': 1, 'seq': 1}"),
        @CompoundIndex(name = "log", def = "{'subscriptionId': 1, 'createdAt': -1}"),
        // redundant on MongoDB (the _id index serves {_id, version}), but the embedded server only looks a document up
        // by an index whose keys are exactly the query's: without it every guarded write read the whole collection
        @CompoundIndex(name = "cas", def = "{'_id': 1, 'version': 1}", unique = true)
})
public record Delivery(@Id String id, String eventId, String eventType, String subject, Instant eventTime,
                       String subscriptionId, String subscriberId, DeliveryTrigger trigger, DeliveryStatus status,
                       Instant createdAt, long seq, Instant nextAttemptAt, int attemptCount, List<Attempt> attempts,
                       String leaseOwner, Instant leaseUntil, Integer lastStatusCode, String lastError,
                       Instant completedAt, String previousId, String waiterId, Long version) {

    public static final String COLLECTION = "deliveries";

    public static Delivery pending(String id, String eventId, String eventType, String subject, Instant eventTime,
                                   String subscriptionId, String subscriberId, DeliveryTrigger trigger,
                                   Instant now, Instant firstAttemptAt) {
        return new Delivery(id, eventId, eventType, subject, eventTime, subscriptionId, subscriberId, trigger,
                DeliveryStatus.PENDING, now, Sequence.next(now), firstAttemptAt, 0, List.of(), null, null, null, null,
                null, null, null, 0L);
    }

    /** The line this delivery belongs to: one subscription's deliveries for one bill, kept in order. */
    public String lineId() {
        return DeliveryLines.lineId(subscriptionId, subject);
    }

    Delivery after(String previous) {
        return new Delivery(id, eventId, eventType, subject, eventTime, subscriptionId, subscriberId, trigger, status,
                createdAt, seq, nextAttemptAt, attemptCount, attempts, leaseOwner, leaseUntil, lastStatusCode,
                lastError, completedAt, previous, waiterId, version);
    }

    /** The same delivery leased to {@code owner} until {@code until} (created so, for the instance that creates it). */
    Delivery leasedTo(String owner, Instant until) {
        return new Delivery(id, eventId, eventType, subject, eventTime, subscriptionId, subscriberId, trigger, status,
                createdAt, seq, nextAttemptAt, attemptCount, attempts, owner, until, lastStatusCode, lastError,
                completedAt, previousId, waiterId, version);
    }

    /** The same delivery as a settling attempt's compare-and-set writes it (see {@link DeliveryStore#complete}). */
    Delivery settled(Attempt attempt, DeliveryStatus settledAs, Instant next, String error, String waiter) {
        List<Attempt> all = new java.util.ArrayList<>(attempts == null ? List.of() : attempts);
        all.add(attempt);
        return new Delivery(id, eventId, eventType, subject, eventTime, subscriptionId, subscriberId, trigger, settledAs,
                createdAt, seq, next, attemptCount + 1, List.copyOf(all), null, null, attempt.statusCode(), error,
                attempt.at(), previousId, waiter, version + 1);
    }

    /** Whether {@code owner} holds its lease beyond {@code until}. */
    boolean heldBy(String owner, Instant until) {
        return owner.equals(leaseOwner) && leaseUntil != null && leaseUntil.isAfter(until);
    }

    /** Whether {@code owner} may claim it at {@code now}: pending, due, and no live lease but maybe its own. */
    boolean claimableBy(String owner, Instant now) {
        return claimableAt(now) || (status == DeliveryStatus.PENDING && nextAttemptAt != null
                && !nextAttemptAt.isAfter(now) && owner.equals(leaseOwner));
    }

    /** Whether an instance may claim it at {@code now}: pending, due, and no live lease. */
    boolean claimableAt(Instant now) {
        return status == DeliveryStatus.PENDING && nextAttemptAt != null && !nextAttemptAt.isAfter(now)
                && unleasedAt(now);
    }

    boolean unleasedAt(Instant now) {
        return leaseUntil == null || leaseUntil.isBefore(now);
    }
}
