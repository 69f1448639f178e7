package co.vigia.notify.ops;

import co.vigia.notify.subscription.SubscriptionStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;

/**
 * How one webhook endpoint (a subscription) fared over the report's window: its HTTP attempts and how many failed
 * (no answer, or not a 2xx), its circuit breaker now, the last error, and why Vigía disabled it, if it did.
 */
public record EndpointReport(String subscriptionId, String subscriberId, String host, SubscriptionStatus status,
                             long attempts, long failures, double failureRate, CircuitBreaker.State circuitBreaker,
                             String lastError, Instant lastAttemptAt, String disabledReason, Instant failingSince) {

    /** Receives nothing right now: disabled, or its circuit is not letting calls through. */
    boolean cutOff() {
        return status == SubscriptionStatus.DISABLED || circuitBreaker == CircuitBreaker.State.OPEN
                || circuitBreaker == CircuitBreaker.State.FORCED_OPEN;
    }

    boolean troubled() {
        return failures > 0 || cutOff() || circuitBreaker == CircuitBreaker.State.HALF_OPEN;
    }
}
