package co.vigia.notify.subscription;

import java.time.Instant;

/** A {@code whsec_} secret; a replaced one keeps signing until {@code expiresAt} (null: the current one). */
public record SigningSecret(String secret, Instant createdAt, Instant expiresAt) {

    public boolean signsAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
