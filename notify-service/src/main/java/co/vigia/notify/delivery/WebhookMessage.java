package co.vigia.notify.delivery;

/** One signed webhook request: {@code webhook-id}, {@code webhook-timestamp} (seconds), body and signature header. */
public record WebhookMessage(String id, long timestampSeconds, String body, String signature) {
}
