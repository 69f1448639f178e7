package co.vigia.notify.subscriber;

/** An NGO's standing: a suspended subscriber's key is refused and its subscriptions receive nothing. */
public enum SubscriberStatus {
    ACTIVE, SUSPENDED
}
