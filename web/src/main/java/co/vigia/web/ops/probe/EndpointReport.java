package co.vigia.web.ops.probe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** One row of notify-service's worst-endpoints report ({@code GET /api/ops/endpoints}), as it sends it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndpointReport(String subscriptionId, String subscriberId, String host, SubscriptionStatus status,
                             long attempts, long failures, double failureRate, BreakerState circuitBreaker,
                             String lastError, Instant lastAttemptAt, String disabledReason, Instant failingSince) {

    /** A subscription's status in notify-service. */
    public enum SubscriptionStatus { ACTIVE, PAUSED, DISABLED }

    /** resilience4j's circuit breaker states. */
    public enum BreakerState { CLOSED, OPEN, HALF_OPEN, DISABLED, FORCED_OPEN, METRICS_ONLY }
}
