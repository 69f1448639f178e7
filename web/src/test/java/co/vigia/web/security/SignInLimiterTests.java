package co.vigia.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInLimiterTests {

    @Test
    void eachClientAndAreaHasItsOwnAttempts() {
        SignInLimiter limiter = new SignInLimiter(2, Duration.ofHours(1), 100);
        assertThat(limiter.tryAttempt(Area.PORTAL, "10.0.0.1")).isTrue();
        assertThat(limiter.tryAttempt(Area.PORTAL, "10.0.0.1")).isTrue();
        assertThat(limiter.tryAttempt(Area.PORTAL, "10.0.0.1")).isFalse();
        assertThat(limiter.tryAttempt(Area.PORTAL, "10.0.0.2")).isTrue();
        assertThat(limiter.tryAttempt(Area.OPS, "10.0.0.1")).isTrue();
        assertThat(limiter.retryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void attemptsComeBackWhenThePeriodTurns() throws InterruptedException {
        SignInLimiter limiter = new SignInLimiter(1, Duration.ofMillis(200), 100);
        assertThat(limiter.tryAttempt(Area.PORTAL, "c")).isTrue();
        assertThat(limiter.tryAttempt(Area.PORTAL, "c")).isFalse();
        Thread.sleep(450);
        assertThat(limiter.tryAttempt(Area.PORTAL, "c")).isTrue();
    }

    @Test
    void theLeastRecentlySeenClientIsForgottenBeyondTheBound() {
        SignInLimiter limiter = new SignInLimiter(1, Duration.ofHours(1), 2);
        assertThat(limiter.tryAttempt(Area.PORTAL, "a")).isTrue();
        assertThat(limiter.tryAttempt(Area.PORTAL, "b")).isTrue();
        assertThat(limiter.tryAttempt(Area.PORTAL, "c")).isTrue();
        // "a" was forgotten, so it starts afresh; "c" is still remembered
        assertThat(limiter.tryAttempt(Area.PORTAL, "a")).isTrue();
        assertThat(limiter.tryAttempt(Area.PORTAL, "c")).isFalse();
    }
}
