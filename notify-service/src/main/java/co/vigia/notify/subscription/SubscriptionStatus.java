package co.vigia.notify.subscription;

/** ACTIVE receives webhooks; PAUSED by its subscriber; DISABLED by Vigía (410, or failing for days), with a reason. */
public enum SubscriptionStatus {
    ACTIVE, PAUSED, DISABLED
}
