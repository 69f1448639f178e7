package co.vigia.notify.delivery;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Attempts that settle a delivery, written in groups ({@link GroupCommit}): one unordered bulk write of their
 * compare-and-sets on {@code {_id, version}}, then one read by id of them all. A bulk write does not say which of its
 * updates matched; the read does: a settled delivery's version changes no more (claims, wakes and defers need it
 * pending), so version + 1 with this status and one attempt more is this write's. At a fan-out of thousands, one
 * findAndModify per delivery was most of the attempts' time; a group costs two round trips. The BSON is built here,
 * not mapped by Spring Data per delivery, and the read fetches only what tells the write and the waiter (the one
 * field another writer may set meanwhile without changing the version).
 */
final class SettledWrites {

    /** At most this many settling attempts a group: about 64 KB of updates a bulk write. */
    static final int MAX_GROUP = 256;

    private record Settling(Delivery claimed, Attempt attempt, DeliveryStatus status, Instant nextAttemptAt,
                            String error) {
    }

    private final MongoCollection<Document> deliveries;
    private final GroupCommit<Settling, Optional<Delivery>> groups;

    SettledWrites(MongoCollection<Document> deliveries) {
        this.deliveries = deliveries;
        this.groups = new GroupCommit<>("delivery-settler", MAX_GROUP, this::writeGroup);
    }

    /** Writes a settling attempt with the others of its moment; empty when the claim no longer held. */
    Optional<Delivery> write(Delivery claimed, Attempt attempt, DeliveryStatus status, Instant nextAttemptAt,
                             String error) throws InterruptedException {
        return groups.write(new Settling(claimed, attempt, status, nextAttemptAt, error));
    }

    /** Writes what is queued and stops the writer (the worker has stopped by then). */
    void close(Duration within) throws InterruptedException {
        groups.close(within);
    }

    private List<Optional<Delivery>> writeGroup(List<Settling> group) {
        List<UpdateOneModel<Document>> updates = new ArrayList<>(group.size());
        for (Settling s : group) {
            updates.add(new UpdateOneModel<>(new Document("_id", s.claimed().id())
                    .append(DeliveryStore.VERSION, s.claimed().version()), update(s)));
        }
        deliveries.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        Map<String, Document> now = new HashMap<>();
        deliveries.find(Filters.in("_id", group.stream().map(s -> s.claimed().id()).toList()))
                .projection(Projections.include(DeliveryStore.VERSION, "status", "attemptCount", "waiterId"))
                .forEach(d -> now.put(d.getString("_id"), d));
        List<Optional<Delivery>> answers = new ArrayList<>(group.size());
        for (Settling s : group) {
            Document d = now.get(s.claimed().id());
            answers.add(ours(s, d) ? Optional.of(s.claimed().settled(s.attempt(), s.status(), s.nextAttemptAt(),
                    s.error(), d.getString("waiterId"))) : Optional.empty());
        }
        return answers;
    }

    private static boolean ours(Settling s, Document d) {
        return d != null && d.get(DeliveryStore.VERSION) instanceof Number version
                && version.longValue() == s.claimed().version() + 1
                && s.status().name().equals(d.getString("status"))
                && d.get("attemptCount") instanceof Number count && count.intValue() == s.claimed().attemptCount() + 1;
    }

    /** The attempt's record, as Spring Data would map {@link DeliveryStore}'s completion (null fields left out). */
    private static Document update(Settling s) {
        Attempt a = s.attempt();
        Document attempt = new Document("at", date(a.at())).append("latencyMillis", a.latencyMillis());
        putIfPresent(attempt, "statusCode", a.statusCode());
        putIfPresent(attempt, "error", a.error());
        putIfPresent(attempt, "instance", a.instance());
        Document set = new Document("status", s.status().name()).append("nextAttemptAt", date(s.nextAttemptAt()))
                .append("lastStatusCode", a.statusCode()).append("lastError", s.error())
                .append("completedAt", date(a.at()));
        return new Document("$push", new Document("attempts", attempt))
                .append("$inc", new Document("attemptCount", 1).append(DeliveryStore.VERSION, 1))
                .append("$set", set)
                .append("$unset", new Document("leaseOwner", 1).append("leaseUntil", 1));
    }

    private static void putIfPresent(Document document, String key, Object value) {
        if (value != null) {
            document.append(key, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
