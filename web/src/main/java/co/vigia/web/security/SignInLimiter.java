package co.vigia.web.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-in attempts per client (its address) and area: {@code attempts} per {@code period}, then refused until the
 * period turns, so a key cannot be guessed by trying. One resilience4j {@link RateLimiter} per client, the least
 * recently used forgotten beyond {@code maxClients}, so a flood of addresses cannot fill the heap.
 */
public final class SignInLimiter {

    private final RateLimiterConfig config;
    private final int maxClients;
    private final Map<String, RateLimiter> limiters;

    public SignInLimiter(int attempts, Duration period, int maxClients) {
        this.config = RateLimiterConfig.custom().limitForPeriod(attempts).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
        this.maxClients = maxClients;
        this.limiters = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
                return size() > SignInLimiter.this.maxClients;
            }
        };
    }

    /** Takes one attempt for this client; false when it has used up its attempts for now. */
    public boolean tryAttempt(Area area, String client) {
        return limiter(area, client).acquirePermission();
    }

    /** How long until the client may try again (at least one second, for {@code Retry-After}). */
    public Duration retryAfter() {
        return config.getLimitRefreshPeriod().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : config.getLimitRefreshPeriod();
    }

    private synchronized RateLimiter limiter(Area area, String client) {
        return limiters.computeIfAbsent(area + " " + client, name -> RateLimiter.of(name, config));
    }
}
