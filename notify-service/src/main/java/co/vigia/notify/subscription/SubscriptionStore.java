package co.vigia.notify.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code subscriptions} collection's questions beyond {@link SubscriptionRepository}'s: the candidates of a fan-out
 * and an endpoint's health. The only class besides the repository that queries the collection by its fields.
 */
@Component
public class SubscriptionStore {

    private final MongoTemplate mongo;

    public SubscriptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Active subscriptions whose filter may want an event of these types about these bills, at most {@code limit}.
     * Narrowed in MongoDB (by the types' patterns and the bills) so that the thousands that follow other bills or types
     * are never read: reading every active subscription for every event was most of the intake's cost (see
     * docs/benchmarks-profiling.md). The caller matches each event in memory ({@link EventFilter#matches}).
     */
    public List<Subscription> candidates(Collection<String> types, Collection<String> bills, int limit) {
        return mongo.find(candidatesFor(types, bills).limit(limit).cursorBatchSize(limit), Subscription.class);
    }

    /** The same candidates, read by cursor {@code page} at a time; the caller closes the stream. */
    public Stream<Subscription> streamCandidates(Collection<String> types, Collection<String> bills, int page) {
        return mongo.stream(candidatesFor(types, bills).cursorBatchSize(page), Subscription.class);
    }

    private static Query candidatesFor(Collection<String> types, Collection<String> bills) {
        Set<String> patterns = new LinkedHashSet<>();
        types.forEach(type -> patterns.addAll(EventFilter.patternsMatching(type)));
        return new Query(where("status").is(SubscriptionStatus.ACTIVE)
                .and("eventTypes").in(patterns)
                .orOperator(where("billIds").size(0), where("billIds").in(new LinkedHashSet<>(bills)),
                        where("billIds").exists(false)));
    }

    /** A success of a failing endpoint: clears failing-since and sets the last success. */
    public void recovered(String id, Instant at) {
        mongo.updateFirst(new Query(where("_id").is(id)), new Update().set("lastSuccessAt", at).unset("failingSince"),
                Subscription.class);
    }

    /**
     * Sets each endpoint's last success, in one unordered bulk write (an update by id each: only lastSuccessAt, so a
     * failure recorded meanwhile is left as it is). BSON built here, with no Spring Data mapping per endpoint.
     */
    public void lastSuccesses(Map<String, Instant> successes) {
        List<UpdateOneModel<Document>> updates = new ArrayList<>(successes.size());
        successes.forEach((id, at) -> updates.add(new UpdateOneModel<>(new Document("_id", id),
                new Document("$set", new Document("lastSuccessAt", Date.from(at))))));
        if (!updates.isEmpty()) {
            mongo.getCollection(mongo.getCollectionName(Subscription.class))
                    .bulkWrite(updates, new BulkWriteOptions().ordered(false));
        }
    }

    /** Sets failing-since to {@code since} unless an earlier failure already set it. */
    public void failingSince(String id, Instant since) {
        // only on a failed attempt: on the embedded server a query of more than the id reads every subscription
        mongo.findAndModify(new Query(where("_id").is(id).and("failingSince").is(null)),
                new Update().set("failingSince", since), Subscription.class);
    }

    /** Disables the subscription if it is active; answers it disabled, or null when it was not active. */
    public Subscription disableIfActive(String id, String reason, Instant at) {
        Criteria active = where("_id").is(id).and("status").is(SubscriptionStatus.ACTIVE);
        return mongo.findAndModify(new Query(active),
                new Update().set("status", SubscriptionStatus.DISABLED).set("disabledReason", reason)
                        .set("disabledAt", at).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Subscription.class);
    }
}
