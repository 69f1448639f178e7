package co.vigia.vote.rollcall;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The intake's reads and writes of {@code roll_calls}: by {@code externalId} (unique), inserted in chunks. */
@Component
class RollCallStore {

    private static final int IN_CHUNK = 500;

    private final MongoTemplate mongo;

    RollCallStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a chunk; on a key clash (a concurrent request) falls back to one by one. Returns what was stored. */
    List<RollCall> insert(List<RollCall> chunk) {
        try {
            mongo.insert(chunk, RollCall.COLLECTION);
            return chunk;
        } catch (DuplicateKeyException clash) {
            List<RollCall> stored = new ArrayList<>();
            for (RollCall roll : chunk) {
                RollCall there = findByExternalId(roll.externalId());
                if (there != null) {
                    if (there.id().equals(roll.id())) {
                        stored.add(roll); // stored by the bulk insert before the clash
                    }
                    continue;
                }
                try {
                    mongo.insert(roll, RollCall.COLLECTION);
                    stored.add(roll);
                } catch (DuplicateKeyException raced) {
                    // someone recorded the same externalId meanwhile; the caller compares contents
                }
            }
            return stored;
        }
    }

    /** The roll calls already recorded under these {@code externalId}s, without their members. */
    Map<String, RollCall> existing(Collection<String> externalIds) {
        Map<String, RollCall> found = new HashMap<>();
        List<String> ids = new ArrayList<>(externalIds);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            Query query = new Query(Criteria.where("externalId").in(ids.subList(from,
                    Math.min(ids.size(), from + IN_CHUNK))));
            query.fields().exclude("members").exclude("outbox");
            for (RollCall roll : mongo.find(query, RollCall.class, RollCall.COLLECTION)) {
                found.put(roll.externalId(), roll);
            }
        }
        return found;
    }

    RollCall findByExternalId(String externalId) {
        Query query = new Query(Criteria.where("externalId").is(externalId));
        query.fields().exclude("members").exclude("outbox");
        return mongo.findOne(query, RollCall.class, RollCall.COLLECTION);
    }
}
