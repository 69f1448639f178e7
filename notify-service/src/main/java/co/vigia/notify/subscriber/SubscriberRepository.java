package co.vigia.notify.subscriber;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface SubscriberRepository extends MongoRepository<Subscriber, String> {
    Optional<Subscriber> findByApiKeyHash(String apiKeyHash);

    /** A rotated-away key, still within its overlap. */
    Optional<Subscriber> findByPreviousApiKeyHashAndPreviousKeyExpiresAtAfter(String previousApiKeyHash, Instant now);

    /** Those of {@code ids} in {@code status}, in one read. */
    List<Subscriber> findByIdInAndStatus(Collection<String> ids, SubscriberStatus status);
}
