package co.vigia.notify.subscription;

import java.time.Instant;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A {@code whsec_} secret as stored: {@code sealed} by the {@link co.vigia.notify.secret.SecretBox} (a value from
 * before secrets were sealed is plain {@code whsec_} text until the start-up re-seal). A replaced one keeps signing
 * until {@code expiresAt} (null: the current one).
 */
public record SigningSecret(@Field("secret") String sealed, Instant createdAt, Instant expiresAt) {

    public boolean signsAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
