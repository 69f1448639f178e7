package co.vigia.notify.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt or for a retry (possibly claimed by an instance right now). */
    PENDING,
    /** A 2xx was received. */
    DELIVERED,
    /** Retries are exhausted, the endpoint answered 410, or the subscription was disabled, paused or deleted. */
    FAILED
}
