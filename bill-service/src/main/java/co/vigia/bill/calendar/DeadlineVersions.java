package co.vigia.bill.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps each deadline's published version: read all at once, written only when a deadline is new or its date moved
 * (a compare-and-set on the sequence, so two readers at once bump it once).
 */
@Component
public class DeadlineVersions {

    private final MongoTemplate mongo;

    public DeadlineVersions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The version of each deadline ({@code id -> dueOn}) as of now, recording new and moved ones. */
    public Map<String, DeadlineVersion> current(Map<String, LocalDate> dueOn, Instant at) {
        // to the second, as iCalendar writes it and as it reads back from MongoDB (the feed's ETag depends on it)
        Instant now = at.truncatedTo(ChronoUnit.SECONDS);
        Map<String, DeadlineVersion> known = new HashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(dueOn.keySet())), DeadlineVersion.class)
                .forEach(v -> known.put(v.id(), v));
        Map<String, DeadlineVersion> current = new HashMap<>();
        dueOn.forEach((id, date) -> current.put(id, upToDate(known.get(id), id, date, now)));
        return current;
    }

    private DeadlineVersion upToDate(DeadlineVersion known, String id, LocalDate date, Instant now) {
        if (known == null) {
            DeadlineVersion first = new DeadlineVersion(id, date, 0, now);
            try {
                mongo.insert(first);
                return first;
            } catch (DuplicateKeyException e) {
                return upToDate(mongo.findById(id, DeadlineVersion.class), id, date, now);
            }
        }
        if (known.dueOn().equals(date)) {
            return known;
        }
        DeadlineVersion moved = new DeadlineVersion(id, date, known.sequence() + 1, now);
        boolean won = mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("sequence").is(known.sequence())),
                new Update().set("dueOn", date).set("sequence", moved.sequence()).set("lastModified", now),
                DeadlineVersion.class).getModifiedCount() > 0;
        return won ? moved : upToDate(mongo.findById(id, DeadlineVersion.class), id, date, now);
    }
}
