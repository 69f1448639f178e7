package co.vigia.notify.subscriber;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An NGO that receives webhooks. Its API key is kept only as its SHA-256. */
@Document("subscribers")
public record Subscriber(@Id String id, String name, String contactEmail, SubscriberStatus status,
                         @Indexed(unique = true) String apiKeyHash, Instant createdAt, Instant suspendedAt) {

    public Subscriber withStatus(SubscriberStatus newStatus, Instant at) {
        return new Subscriber(id, name, contactEmail, newStatus, apiKeyHash, createdAt,
                newStatus == SubscriberStatus.SUSPENDED ? at : null);
    }
}
