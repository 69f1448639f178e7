package co.vigia.notify.email;

/** Why an email is sent. */
public enum EmailKind {
    CONFIRMATION, ALERT, DIGEST
}
