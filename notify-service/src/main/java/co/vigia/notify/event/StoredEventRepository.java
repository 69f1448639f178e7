package co.vigia.notify.event;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored events by id; the other questions about them are {@link EventStore}'s. */
public interface StoredEventRepository extends MongoRepository<StoredEvent, String> {
}
