package co.vigia.notify.retention;

import co.vigia.notify.delivery.Delivery;
import co.vigia.notify.event.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.IndexOptions;

/**
 * The retention of notify-service's history as MongoDB TTL indexes, made at start with the configured periods (and
 * changed in place with {@code collMod} when a period changes): delivery records on {@code completedAt}, which is set
 * only when a delivery is settled, so a pending delivery never expires; stored events on {@code receivedAt} (their
 * periods are checked by {@link RetentionProperties#requireLongEnough}). The embedded MongoDB server keeps the index
 * but does not expire documents.
 */
public class RetentionIndexes implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionIndexes.class);

    /** The index names: the ones the annotations used to create, so an existing database keeps its indexes. */
    static final String DELIVERIES_INDEX = "settled";
    static final String EVENTS_INDEX = "receivedAt";

    private final MongoTemplate mongo;
    private final RetentionProperties retention;

    public RetentionIndexes(MongoTemplate mongo, RetentionProperties retention) {
        this.mongo = mongo;
        this.retention = retention;
    }

    @Override
    public void afterPropertiesSet() {
        ensureTtl(Delivery.COLLECTION, DELIVERIES_INDEX, "completedAt", retention.deliveries());
        ensureTtl(StoredEvent.COLLECTION, EVENTS_INDEX, "receivedAt", retention.events());
    }

    /** Creates the TTL index, or changes its period when it exists with another. */
    void ensureTtl(String collection, String name, String field, Duration ttl) {
        ensureTtl(mongo.indexOps(collection), collection, name, field, ttl);
    }

    static void ensureTtl(IndexOperations indexes, String collection, String name, String field, Duration ttl) {
        Optional<IndexInfo> existing = indexes.getIndexInfo().stream()
                .filter(i -> i.getName().equals(name) || i.isIndexForFields(List.of(field))).findFirst();
        if (existing.isEmpty()) {
            indexes.createIndex(new Index().on(field, Sort.Direction.ASC).named(name).expire(ttl));
            return;
        }
        Optional<Duration> current = existing.get().getExpireAfter();
        if (current.isEmpty() || !current.get().equals(ttl)) {
            // collMod: also turns a plain single-field index into a TTL index (MongoDB 5.1 and later)
            indexes.alterIndex(existing.get().getName(), IndexOptions.none().expireAfter(ttl));
            log.info("Retention of {} changed from {} to {}", collection, current.map(Duration::toString)
                    .orElse("none"), ttl);
        }
    }
}
