package co.vigia.notify.subscriber;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface SubscriberRepository extends MongoRepository<Subscriber, String> {
    Optional<Subscriber> findByApiKeyHash(String apiKeyHash);
}
