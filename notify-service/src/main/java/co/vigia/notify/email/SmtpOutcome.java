package co.vigia.notify.email;

/**
 * What the SMTP server's answer means: accepted; try again later (a 4xx reply, the server unreachable); never
 * (a 5xx reply: no such mailbox, refused).
 */
public enum SmtpOutcome {
    ACCEPTED, TEMPORARY, PERMANENT
}
