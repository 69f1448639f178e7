package co.vigia.notify.event;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code events} collection: the only class that queries it by its fields. */
@Component
public class EventStore {

    private final MongoTemplate mongo;

    public EventStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a webhook-only event (a ping, a disabled notice). */
    public StoredEvent insert(StoredEvent event) {
        return mongo.insert(event);
    }

    /**
     * Inserts the events in one unordered bulk write; answers those stored before (their id clashed), as stored, read
     * by id in one go. Any other write error fails the call.
     */
    public Map<String, StoredEvent> insertAbsent(List<StoredEvent> events) {
        Set<String> clashed = new HashSet<>();
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredEvent.class).insert(events).execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                clashed.add(events.get(error.getIndex()).id());
            }
        }
        if (clashed.isEmpty()) {
            return Map.of();
        }
        Map<String, StoredEvent> before = new HashMap<>();
        mongo.find(new Query(where("_id").in(clashed)), StoredEvent.class).forEach(e -> before.put(e.id(), e));
        for (StoredEvent event : events) {
            if (clashed.contains(event.id())) {
                // gone since the clash (expired): as good as stored before and not fanned out
                before.putIfAbsent(event.id(), event);
            }
        }
        return before;
    }

    /** Notes that every matching subscription of these events has its delivery. */
    public void markFannedOut(Collection<String> ids) {
        if (!ids.isEmpty()) {
            mongo.updateMulti(new Query(where("_id").in(ids)), new Update().set("fannedOut", true), StoredEvent.class);
        }
    }

    /**
     * Events from Kafka (not webhook-only ones) received from {@code from} ({@code inclusive}) or after it, oldest
     * first, read by cursor {@code page} at a time. The caller closes the stream.
     */
    public Stream<StoredEvent> streamFromKafkaSince(Instant from, boolean inclusive, int page) {
        Criteria received = inclusive ? where("receivedAt").gte(from) : where("receivedAt").gt(from);
        Query query = Query.query(where("topic").ne(null).andOperator(received))
                .with(Sort.by("receivedAt", "_id")).cursorBatchSize(page);
        return mongo.stream(query, StoredEvent.class);
    }
}
