package co.vigia.starter.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Messages Kafka acknowledged, remembered so that they are not sent again, and removed from their documents' outboxes
 * in batches: one update by {@code _id $in} per collection every {@code vigia.outbox.remove-interval}, so a document
 * written many times a second is rewritten for its outbox a few times a second at most. A crash before the removal
 * sends them again after the restart (at least once; consumers are idempotent).
 */
final class Acknowledged {

    private static final Logger log = LoggerFactory.getLogger(Acknowledged.class);

    /** Documents per removal update. */
    private static final int REMOVE_CHUNK = 500;

    /** How long an acknowledged message is remembered: far longer than its removal can take. */
    private static final long KEPT_MS = 60_000;

    private final MongoTemplate mongo;
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    /** Collection → document id → event ids to pull from its outbox. */
    private final Map<String, Map<Object, Set<String>>> toRemove = new ConcurrentHashMap<>();

    Acknowledged(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean contains(String eventId) {
        return acknowledgedAt.containsKey(eventId);
    }

    /**
     * Records messages of a document as acknowledged and queues their removal; also for messages acknowledged before
     * that a writer who had read the document before their removal saved back.
     */
    void add(String collection, Object id, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        for (String eventId : eventIds) {
            acknowledgedAt.put(eventId, now);
        }
        // compute: atomic with the removal's take of the collection's map, so nothing is added to a map already taken
        toRemove.compute(collection, (c, byId) -> {
            Map<Object, Set<String>> map = byId == null ? new ConcurrentHashMap<>() : byId;
            map.computeIfAbsent(id, i -> ConcurrentHashMap.newKeySet()).addAll(eventIds);
            return map;
        });
    }

    /** Pulls the messages acknowledged since the last call from their outboxes; what fails is kept for the next. */
    void removeFromOutboxes() {
        for (String collection : List.copyOf(toRemove.keySet())) {
            Map<Object, Set<String>> pending = toRemove.remove(collection);
            if (pending == null || pending.isEmpty()) {
                continue;
            }
            List<Object> ids = new ArrayList<>(pending.keySet());
            try {
                for (int from = 0; from < ids.size(); from += REMOVE_CHUNK) {
                    List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + REMOVE_CHUNK));
                    // event ids are unique: pulling all of the chunk's from each document removes exactly its own
                    List<String> sent = chunk.stream().flatMap(id -> pending.get(id).stream()).toList();
                    mongo.updateMulti(new Query(Criteria.where("_id").in(chunk)),
                            new Update().pull(OutboxMessage.FIELD, new Document("eventId", new Document("$in", sent))),
                            collection);
                }
            } catch (RuntimeException e) {
                log.warn("Removing {} documents' acknowledged messages from {} failed, will retry: {}", ids.size(),
                        collection, e.toString());
                pending.forEach((id, sent) -> add(collection, id, sent));
            }
        }
        long forgetBefore = System.currentTimeMillis() - KEPT_MS;
        acknowledgedAt.values().removeIf(at -> at < forgetBefore);
    }
}
