package co.vigia.starter.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * One resilience4j {@link RateLimiter} per bucket and client (an API key's caller, or a client address), made on
 * first use and dropped after ten idle minutes, so a crowd of addresses cannot grow memory for ever.
 */
public class RateLimits {

    private final Cache<String, RateLimiter> limiters =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    /** Takes a permit: empty when granted, else how long until the next one. */
    public Optional<Duration> acquire(String bucket, Limit limit, String client) {
        RateLimiter limiter = limiter(bucket, limit, client);
        return limiter.acquirePermission() ? Optional.empty() : Optional.of(wait(limiter));
    }

    /** Whether a permit is left, without taking it: empty when one is, else how long until the next one. */
    public Optional<Duration> peek(String bucket, Limit limit, String client) {
        RateLimiter limiter = limiter(bucket, limit, client);
        return limiter.getMetrics().getAvailablePermissions() > 0 ? Optional.empty() : Optional.of(wait(limiter));
    }

    private RateLimiter limiter(String bucket, Limit limit, String client) {
        return limiters.get(bucket + '|' + client, name -> RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(limit.permits()).limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO).build()));
    }

    private static Duration wait(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            long nanos = atomic.getDetailedMetrics().getNanosToWait();
            return Duration.ofNanos(Math.max(nanos, 0));
        }
        return limiter.getRateLimiterConfig().getLimitRefreshPeriod();
    }
}
