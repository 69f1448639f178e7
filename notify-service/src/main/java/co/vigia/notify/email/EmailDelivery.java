package co.vigia.notify.email;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One email to one address, rendered when it was created and kept as rendered, so a re-send is the same message
 * with the same {@code Message-ID}. Its id says what it is for: {@code <eventId>:<followId>} for an alert,
 * {@code digest:<followId>:<date>}, {@code confirm:<address>:<sentAt>}: created twice, it is stored once.
 * {@code leaseUntil}: a sender claimed it until then; one that crashed after sending and before recording leaves
 * it PENDING, and it is sent again, recognisably, once the lease is over.
 */
@Document("email_deliveries")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
public record EmailDelivery(@Id String id, EmailKind kind, @Indexed String address, String followId,
                            String billId, String messageId, String subject, String text, String html,
                            String unsubscribeUrl, EmailStatus status, List<EmailAttempt> attempts,
                            Instant nextAttemptAt, Instant leaseUntil, Instant createdAt, Instant finishedAt) {

    public EmailDelivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
