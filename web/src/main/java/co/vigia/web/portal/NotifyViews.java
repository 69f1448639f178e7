package co.vigia.web.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** notify-service's answers as the portal reads them (fields it does not use are ignored). */
public final class NotifyViews {

    private NotifyViews() {
    }

    /** {@code GET /api/subscribers/me}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Me(String id, String name, String contactEmail, String status) {
    }

    /** An endpoint (a subscription) with its health. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Endpoint(String id, String url, String description, List<String> eventTypes, List<String> billIds,
                           EndpointStatus status, String disabledReason, Instant disabledAt, Instant failingSince,
                           Instant lastSuccessAt, Instant createdAt, Instant updatedAt,
                           Instant previousSecretExpiresAt) {

        public Endpoint {
            eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
            billIds = billIds == null ? List.of() : List.copyOf(billIds);
        }

        public boolean active() {
            return status == EndpointStatus.ACTIVE;
        }

        public boolean failing() {
            return failingSince != null;
        }
    }

    public enum EndpointStatus { ACTIVE, PAUSED, DISABLED }

    /** An endpoint just created or with a rotated secret: the only time the secret is shown. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EndpointWithSecret(Endpoint subscription, String secret) {
    }

    /** One delivery and every attempt at it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String id, String eventId, String eventType, String subject, String subscriptionId,
                           String trigger, Outcome status, Instant createdAt, Instant nextAttemptAt, int attemptCount,
                           List<Attempt> attempts, String lastError, Instant completedAt) {

        public Delivery {
            attempts = attempts == null ? List.of() : List.copyOf(attempts);
        }

        /** The status code of the latest attempt, if it got an answer. */
        public Integer lastStatusCode() {
            return attempts.isEmpty() ? null : attempts.getLast().statusCode();
        }
    }

    /** notify-service's delivery statuses. */
    public enum Outcome { PENDING, DELIVERED, FAILED }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(Instant at, Integer statusCode, long latencyMillis, String error) {

        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scheduled(String deliveryId, String eventId, Outcome status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Replayed(int deliveries, Instant since, Boolean complete, Instant next) {

        /** notify-service replays in bounded runs: false when events remain from {@code next} on. */
        public boolean partial() {
            return Boolean.FALSE.equals(complete);
        }
    }

    /** A bill to choose from (bill-service's list). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bill(String id, String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BillPage(List<Bill> items, long total) {
    }
}
