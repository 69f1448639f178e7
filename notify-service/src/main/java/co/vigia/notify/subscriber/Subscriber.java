package co.vigia.notify.subscriber;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An NGO that receives webhooks. Its API key is kept only as its SHA-256; after a rotation the previous key's hash
 * is kept too, and works until {@code previousKeyExpiresAt}.
 */
@Document("subscribers")
public record Subscriber(@Id String id, String name, String contactEmail, SubscriberStatus status,
                         @Indexed(unique = true) String apiKeyHash, Instant createdAt, Instant suspendedAt,
                         @Indexed(sparse = true) String previousApiKeyHash, Instant previousKeyExpiresAt) {

    public static Subscriber created(String id, String name, String contactEmail, String apiKeyHash, Instant at) {
        return new Subscriber(id, name, contactEmail, SubscriberStatus.ACTIVE, apiKeyHash, at, null, null, null);
    }

    public Subscriber withStatus(SubscriberStatus newStatus, Instant at) {
        return new Subscriber(id, name, contactEmail, newStatus, apiKeyHash, createdAt,
                newStatus == SubscriberStatus.SUSPENDED ? at : null, previousApiKeyHash, previousKeyExpiresAt);
    }

    /** A new key; the current one keeps working until {@code overlapUntil}, and an older one stops at once. */
    public Subscriber withRotatedKey(String newKeyHash, Instant overlapUntil) {
        return new Subscriber(id, name, contactEmail, status, newKeyHash, createdAt, suspendedAt, apiKeyHash,
                overlapUntil);
    }
}
