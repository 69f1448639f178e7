package co.vigia.notify.email;

/** PENDING until the address's owner follows the confirmation link; ENDED after an unsubscribe. */
public enum FollowStatus {
    PENDING, ACTIVE, ENDED
}
