package co.vigia.notify.email;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An email address as Vigía knows it (the id, lower-cased): when its last confirmation email went (no other is sent
 * while that link is valid), and whether it is suspended after a permanent failure, with the server's answer.
 */
@Document("email_recipients")
public record Recipient(@Id String address, Instant confirmationSentAt, @Indexed RecipientStatus status,
                        Instant suspendedAt, String suspendedReason) {
}
