package co.vigia.notify.delivery;

import java.time.Instant;
import java.util.List;

/** A delivery as its subscriber sees it: the event, the status and every attempt (time, code, latency, error). */
public record DeliveryView(String id, String eventId, String eventType, String subject, String subscriptionId,
                           DeliveryTrigger trigger, DeliveryStatus status, Instant createdAt, Instant nextAttemptAt,
                           int attemptCount, List<AttemptView> attempts, String lastError, Instant completedAt) {

    public record AttemptView(Instant at, Integer statusCode, long latencyMillis, String error) {
    }

    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.subject(), d.subscriptionId(), d.trigger(),
                d.status(), d.createdAt(), d.nextAttemptAt(), d.attemptCount(),
                d.attempts() == null ? List.of() : d.attempts().stream()
                        .map(a -> new AttemptView(a.at(), a.statusCode(), a.latencyMillis(), a.error())).toList(),
                d.lastError(), d.completedAt());
    }
}
