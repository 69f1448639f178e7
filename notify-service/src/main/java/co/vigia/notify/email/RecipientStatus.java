package co.vigia.notify.email;

/** SUSPENDED once the mail server refused the address for good (a 5xx): nothing more is sent to it. */
public enum RecipientStatus {
    ACTIVE, SUSPENDED
}
