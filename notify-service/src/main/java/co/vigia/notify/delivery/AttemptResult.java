package co.vigia.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What one HTTP attempt got: a status code (null when no response came) or an error, how long it took, and a
 * {@code Retry-After} if the receiver sent one.
 */
public record AttemptResult(Integer statusCode, Duration latency, String error, Optional<Duration> retryAfter) {

    public enum Verdict {
        /** 2xx: the only success. */
        DELIVERED,
        /** 410 Gone: the receiver wants no more, the subscription is disabled at once. */
        GONE,
        /** Anything else (3xx not followed, 4xx, 429, 5xx, timeouts, refused or reset connections). */
        RETRY
    }

    public AttemptResult {
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    public static AttemptResult response(int statusCode, Duration latency, Optional<Duration> retryAfter) {
        String error = statusCode >= 200 && statusCode < 300 ? null
                : statusCode >= 300 && statusCode < 400 ? "redirect " + statusCode + " (not followed)"
                : "HTTP " + statusCode;
        return new AttemptResult(statusCode, latency, error, retryAfter);
    }

    public static AttemptResult failure(String error, Duration latency) {
        return new AttemptResult(null, latency, error, Optional.empty());
    }

    public Verdict verdict() {
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            return Verdict.DELIVERED;
        }
        if (statusCode != null && statusCode == 410) {
            return Verdict.GONE;
        }
        return Verdict.RETRY;
    }

    /** {@code Retry-After} as seconds or an HTTP date; empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
