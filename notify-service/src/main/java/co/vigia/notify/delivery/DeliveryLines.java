package co.vigia.notify.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The order of one subscription's deliveries for one bill (a line): each delivery is told, when it is created, which
 * delivery of its line came just before it, so the worker checks a candidate's order by reading that one delivery by
 * id, where it used to ask MongoDB for the oldest pending delivery of every candidate's subscription and bill (an
 * aggregation over every delivery without an index; 70 ms at 30,000 deliveries on the embedded server).
 * <p>
 * A line is one document, id {@code <subscriptionId> <billId>}, naming its last delivery. Appending is a
 * compare-and-set on that name, so two creators racing on one line (a replay beside the live stream) are put one
 * after the other. The line is advanced before the deliveries are inserted: after a crash between the two, the same
 * event read again finds its own delivery last and takes the one before ({@code beforeLastId}); a line that names a
 * delivery never inserted costs nothing, since a previous delivery that does not exist holds nobody back.
 */
@Component
public class DeliveryLines {

    private static final int MAX_RACES = 20;

    private final MongoTemplate mongo;

    public DeliveryLines(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static final String COLLECTION = "delivery_lines";

    @Document(COLLECTION)
    // redundant on MongoDB; on the embedded server it makes the {_id, lastId} compare-and-set an index lookup
    @CompoundIndex(name = "cas", def = "{'_id': 1, 'lastId': 1}", unique = true)
    record DeliveryLine(@Id String id, String lastId, String beforeLastId) {
    }

    static String lineId(String subscriptionId, String subject) {
        return subscriptionId + " " + subject;
    }

    /**
     * Appends each delivery to its line and returns it with {@code previousId} set, in the same order. At most one
     * delivery a line per call (an event's fan-out has one per subscription). One read and one bulk write for the
     * whole fan-out; a line another creator moved meanwhile is retried alone.
     */
    public List<Delivery> append(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Set<String> lineIds = new HashSet<>();
        for (Delivery d : deliveries) {
            if (!lineIds.add(d.lineId())) {
                throw new IllegalArgumentException("two deliveries of line " + d.lineId() + " in one append");
            }
        }
        Map<String, DeliveryLine> lines = new HashMap<>();
        for (DeliveryLine line : mongo.find(new Query(Criteria.where("_id").in(lineIds)), DeliveryLine.class)) {
            lines.put(line.id(), line);
        }
        Map<String, String> previous = new HashMap<>();
        List<Delivery> toAdvance = new ArrayList<>();
        for (Delivery d : deliveries) {
            DeliveryLine line = lines.get(d.lineId());
            if (line != null && d.id().equals(line.lastId())) {
                previous.put(d.id(), line.beforeLastId()); // appended before a crash, not inserted
            } else {
                previous.put(d.id(), line == null ? null : line.lastId());
                toAdvance.add(d);
            }
        }
        for (Delivery raced : advance(toAdvance, previous)) {
            previous.put(raced.id(), appendAlone(raced));
        }
        return deliveries.stream().map(d -> d.after(previous.get(d.id()))).toList();
    }

    /**
     * Moves each line from its expected last delivery to the new one; returns those whose line had moved meanwhile.
     * The upserts go to the driver as BSON built here (a fan-out of 10,000 made as many mapped upserts).
     */
    private List<Delivery> advance(List<Delivery> deliveries, Map<String, String> expectedLast) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        List<UpdateOneModel<org.bson.Document>> upserts = new ArrayList<>(deliveries.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (Delivery d : deliveries) {
            String last = expectedLast.get(d.id());
            upserts.add(new UpdateOneModel<>(new org.bson.Document("_id", d.lineId()).append("lastId", last),
                    new org.bson.Document("$set", new org.bson.Document("lastId", d.id()).append("beforeLastId", last)),
                    upsert));
        }
        try {
            mongo.getCollection(COLLECTION).bulkWrite(upserts, new BulkWriteOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            List<Delivery> raced = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                // the line exists with another last delivery: the upsert's insert collides with it on the id
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                raced.add(deliveries.get(error.getIndex()));
            }
            return raced;
        }
    }

    private String appendAlone(Delivery delivery) {
        for (int attempt = 0; attempt < MAX_RACES; attempt++) {
            DeliveryLine line = mongo.findById(delivery.lineId(), DeliveryLine.class);
            if (line != null && delivery.id().equals(line.lastId())) {
                return line.beforeLastId();
            }
            String last = line == null ? null : line.lastId();
            try {
                if (mongo.upsert(expectedLine(delivery.lineId(), last), moveTo(delivery.id(), last), DeliveryLine.class)
                        .getMatchedCount() > 0 || line == null) {
                    return last;
                }
            } catch (DuplicateKeyException movedAgain) {
                // another creator appended between the read and the write: read again
            }
        }
        throw new IllegalStateException("line " + delivery.lineId() + " kept moving; the event is read again");
    }

    private static Query expectedLine(String lineId, String last) {
        return new Query(Criteria.where("_id").is(lineId).and("lastId").is(last));
    }

    private static Update moveTo(String deliveryId, String previous) {
        return new Update().set("lastId", deliveryId).set("beforeLastId", previous);
    }
}
