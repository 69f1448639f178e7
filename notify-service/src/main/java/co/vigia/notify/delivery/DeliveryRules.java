package co.vigia.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What follows one attempt, for the delivery and for its endpoint. Plain Java, so the whole retry schedule
 * can be walked on a fake clock.
 */
public final class DeliveryRules {

    private final RetryPolicy retries;
    private final Duration disableAfter;

    public DeliveryRules(RetryPolicy retries, Duration disableAfter) {
        this.retries = retries;
        this.disableAfter = disableAfter;
    }

    /**
     * @param status        the delivery's new status
     * @param nextAttemptAt when to try again (PENDING only)
     * @param failingSince  the endpoint's first failure without a success since (null once it succeeded)
     * @param disableReason why the endpoint is now disabled, or null
     */
    public record Decision(DeliveryStatus status, Instant nextAttemptAt, Instant failingSince, String disableReason) {
    }

    /**
     * @param attemptsMade attempts including the one just made
     * @param failingSince the endpoint's failing-since before this attempt (null when healthy)
     */
    public Decision decide(int attemptsMade, AttemptResult result, Instant now, Instant failingSince) {
        switch (result.verdict()) {
            case DELIVERED:
                return new Decision(DeliveryStatus.DELIVERED, null, null, null);
            case GONE:
                return new Decision(DeliveryStatus.FAILED, null, failingSince == null ? now : failingSince,
                        "the endpoint answered 410 Gone");
            default:
                Instant since = failingSince == null ? now : failingSince;
                String disable = Duration.between(since, now).compareTo(disableAfter) >= 0
                        ? "the endpoint has failed without a success since " + since + " (" + result.error() + ")"
                        : null;
                Optional<Duration> delay = retries.delayAfter(attemptsMade, result.retryAfter());
                if (disable != null || delay.isEmpty()) {
                    return new Decision(DeliveryStatus.FAILED, null, since, disable);
                }
                return new Decision(DeliveryStatus.PENDING, now.plus(delay.get()), since, null);
        }
    }
}
