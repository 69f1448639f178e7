package co.vigia.notify.subscription;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface SubscriptionRepository extends MongoRepository<Subscription, String> {

    List<Subscription> findBySubscriberIdOrderByCreatedAtAsc(String subscriberId);

    Optional<Subscription> findByIdAndSubscriberId(String id, String subscriberId);

    List<Subscription> findByStatus(SubscriptionStatus status);

    long countBySubscriberId(String subscriberId);

    /** The subscriptions of these subscribers: a batch counts their endpoints with one read. */
    List<Subscription> findBySubscriberIdIn(java.util.Collection<String> subscriberIds);

    long countByStatus(SubscriptionStatus status);

    void deleteBySubscriberId(String subscriberId);
}
