package co.vigia.notify.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a delivery again: the n-th entry of the schedule is the delay before attempt n+1 (default 0, 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), with ±jitter, and never sooner than the receiver's {@code Retry-After}
 * (which is clamped to 24 h). Past the last entry the delivery has failed.
 */
public final class RetryPolicy {

    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final List<Duration> schedule;
    private final double jitter;
    private final DoubleSupplier random;

    public RetryPolicy(List<Duration> schedule, double jitter, DoubleSupplier random) {
        if (schedule == null || schedule.isEmpty()) {
            throw new IllegalArgumentException("the retry schedule needs at least one entry");
        }
        this.schedule = List.copyOf(schedule);
        this.jitter = jitter;
        this.random = random;
    }

    public int maxAttempts() {
        return schedule.size();
    }

    /** Delay before the first attempt. */
    public Duration firstDelay() {
        return schedule.get(0);
    }

    /** Delay before the next attempt after {@code attemptsMade} failed ones, or empty when none is left. */
    public Optional<Duration> delayAfter(int attemptsMade, Optional<Duration> retryAfter) {
        if (attemptsMade >= schedule.size()) {
            return Optional.empty();
        }
        Duration base = schedule.get(attemptsMade);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        Duration delay = Duration.ofMillis(Math.round(base.toMillis() * factor));
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter.get();
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return Optional.of(delay);
    }
}
