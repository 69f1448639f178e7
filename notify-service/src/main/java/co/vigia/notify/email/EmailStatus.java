package co.vigia.notify.email;

/**
 * PENDING until the server accepts it (SENT); ABANDONED after a permanent refusal or the last retry; SUPPRESSED when
 * its address was suspended before it went.
 */
public enum EmailStatus {
    PENDING, SENT, ABANDONED, SUPPRESSED
}
