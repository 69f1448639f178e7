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
 * created in. {@code waitedOn} is set when a later delivery of the pair was parked behind this one, so that settling
 * it wakes the next.
 */
@Document("deliveries")
@CompoundIndexes({
        @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
        @CompoundIndex(name = "order", def = "{'subscriptionId': 1, 'subject': 1, 'status': 1, 'seq': 1}"),
        @CompoundIndex(name = "log", def = "{'subscriptionId': 1, 'createdAt': -1}")
})
public record Delivery(@Id String id, String eventId, String eventType, String subject, Instant eventTime,
                       String subscriptionId, String subscriberId, DeliveryTrigger trigger, DeliveryStatus status,
                       Instant createdAt, long seq, Instant nextAttemptAt, int attemptCount, List<Attempt> attempts,
                       String leaseOwner, Instant leaseUntil, Integer lastStatusCode, String lastError,
                       Instant completedAt, Boolean waitedOn) {

    public static Delivery pending(String id, String eventId, String eventType, String subject, Instant eventTime,
                                   String subscriptionId, String subscriberId, DeliveryTrigger trigger,
                                   Instant now, Instant firstAttemptAt) {
        return new Delivery(id, eventId, eventType, subject, eventTime, subscriptionId, subscriberId, trigger,
                DeliveryStatus.PENDING, now, Sequence.next(now), firstAttemptAt, 0, List.of(), null, null, null, null, null, null);
    }
}
