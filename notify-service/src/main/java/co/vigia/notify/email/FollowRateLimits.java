package co.vigia.notify.email;

import co.vigia.starter.web.ApiProblem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * Limits on the public follow endpoint, per address (no inbox gets flooded, no address probed) and per client
 * (no one floods many): resilience4j rate limiters, one per key, held in a bounded cache so that a flood of
 * distinct keys cannot grow the heap. Over a limit: 429 with {@code Retry-After}.
 */
public class FollowRateLimits {

    private final RateLimiterConfig perAddress;
    private final RateLimiterConfig perClient;
    private final Cache<String, RateLimiter> limiters;

    public FollowRateLimits(int perAddress, int perClient, Duration window) {
        this.perAddress = config(perAddress, window);
        this.perClient = config(perClient, window);
        this.limiters = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window.multipliedBy(2)).build();
    }

    private static RateLimiterConfig config(int limit, Duration window) {
        return RateLimiterConfig.custom().limitForPeriod(limit).limitRefreshPeriod(window)
                .timeoutDuration(Duration.ZERO).build();
    }

    /** Takes one permit for the client, then one for the address; throws a 429 problem when either is spent. */
    public void acquire(String client, String address) {
        take("client:" + client, perClient);
        take("address:" + address, perAddress);
    }

    private void take(String key, RateLimiterConfig config) {
        RateLimiter limiter = limiters.get(key, k -> RateLimiter.of(k, config));
        if (!limiter.acquirePermission()) {
            // the limiter's cycle is the window: waiting one window is always enough
            throw new RateLimited(Math.max(1, config.getLimitRefreshPeriod().toSeconds()));
        }
    }

    /** Over a limit; {@code retryAfterSeconds} goes into the {@code Retry-After} header. */
    public static class RateLimited extends RuntimeException {

        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super("too many follow requests; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        public ApiProblem problem() {
            return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", getMessage())
                    .with("retryAfterSeconds", retryAfterSeconds);
        }
    }
}
