package co.vigia.notify.event;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface StoredEventRepository extends MongoRepository<StoredEvent, String> {

    /** Events from Kafka (not webhook-only ones) received at or after {@code since}, oldest first. */
    List<StoredEvent> findByTopicNotNullAndReceivedAtGreaterThanEqualOrderByReceivedAtAsc(Instant since);

    /** Events from Kafka received after {@code after}, oldest first. */
    List<StoredEvent> findByTopicNotNullAndReceivedAtGreaterThanOrderByReceivedAtAsc(Instant after);
}
