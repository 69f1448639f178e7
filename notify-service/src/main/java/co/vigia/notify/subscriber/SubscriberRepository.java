package co.vigia.notify.subscriber;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface SubscriberRepository extends MongoRepository<Subscriber, String> {
    Optional<Subscriber> findByApiKeyHash(String apiKeyHash);

    /** A rotated-away key, still within its overlap. */
    Optional<Subscriber> findByPreviousApiKeyHashAndPreviousKeyExpiresAtAfter(String previousApiKeyHash, Instant now);
}
