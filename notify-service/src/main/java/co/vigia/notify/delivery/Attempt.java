package co.vigia.notify.delivery;

import java.time.Instant;

/** One HTTP attempt of a delivery: when, the status code (null without a response), how long, what went wrong. */
public record Attempt(Instant at, Integer statusCode, long latencyMillis, String error, String instance) {
}
