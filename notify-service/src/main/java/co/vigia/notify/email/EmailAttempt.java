package co.vigia.notify.email;

import java.time.Instant;

/** One try at handing an email to the SMTP server: what it answered ({@code detail}) and what that meant. */
public record EmailAttempt(Instant at, SmtpOutcome outcome, String detail) {
}
