package co.vigia.notify.subscriber;

/**
 * A subscriber is being deleted: what hangs off it (its subscriptions) goes with it. Published in the deleting
 * thread, before the subscriber itself is removed; listeners run synchronously.
 */
public record SubscriberDeleted(String subscriberId) {
}
