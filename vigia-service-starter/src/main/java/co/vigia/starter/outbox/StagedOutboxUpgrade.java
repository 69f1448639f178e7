package co.vigia.starter.outbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Moves the messages an older relay left staged in {@code outbox_staged} (written before their document, for roll
 * calls) into their documents' outboxes, where the relay finds them. A message whose document does not exist
 * announces nothing that was stored: dropped once older than a writer can take between its two writes.
 */
final class StagedOutboxUpgrade {

    static final String STAGED = "outbox_staged";

    private static final Logger log = LoggerFactory.getLogger(StagedOutboxUpgrade.class);

    private static final long ORPHAN_AFTER_MS = 15 * 60_000;

    private StagedOutboxUpgrade() {
    }

    static void run(MongoTemplate mongo) {
        if (!mongo.collectionExists(STAGED)) {
            return;
        }
        Map<List<Object>, List<Document>> byDocument = new LinkedHashMap<>();
        for (Document m : mongo.findAll(Document.class, STAGED)) {
            byDocument.computeIfAbsent(List.of(m.getString("collection"), m.get("documentId")), k -> new ArrayList<>())
                    .add(m);
        }
        long orphanBefore = System.currentTimeMillis() - ORPHAN_AFTER_MS;
        for (Map.Entry<List<Object>, List<Document>> doc : byDocument.entrySet()) {
            List<Document> staged = doc.getValue();
            staged.sort(Comparator.comparingInt(m -> m.getInteger("seq", 0)));
            List<Document> outbox = staged.stream().map(m -> new Document("eventId", m.getString("_id"))
                    .append("topic", m.get("topic")).append("key", m.get("key")).append("type", m.get("type"))
                    .append("payload", m.get("payload")).append("createdAt", m.get("createdAt"))).toList();
            // $addToSet: moving again after a crash halfway adds nothing twice
            boolean moved = mongo.updateFirst(new Query(Criteria.where("_id").is(doc.getKey().get(1))),
                    new Update().addToSet(OutboxMessage.FIELD).each(outbox.toArray()), (String) doc.getKey().get(0))
                    .getMatchedCount() == 1;
            boolean orphan = !moved && staged.stream()
                    .allMatch(m -> m.get("stagedAt") instanceof Date d && d.getTime() < orphanBefore);
            if (moved || orphan) {
                mongo.remove(new Query(Criteria.where("_id").in(staged.stream().map(m -> m.get("_id")).toList())),
                        STAGED);
            }
        }
        if (mongo.count(new Query(), STAGED) == 0) {
            mongo.dropCollection(STAGED);
        } else {
            log.info("Staged outbox messages wait for their documents; moved at the next start");
        }
    }
}
