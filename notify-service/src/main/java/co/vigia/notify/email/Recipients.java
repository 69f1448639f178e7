package co.vigia.notify.email;

import com.mongodb.client.result.UpdateResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The addresses: at most one confirmation email per validity period, and the suspended ones. */
public class Recipients {

    private final MongoTemplate mongo;

    public Recipients(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Takes the right to send a confirmation to {@code address} now: true when none went within {@code validFor}
     * (the previous link has expired). A suspended address may get one too: its owner may have fixed the mailbox,
     * and confirming lifts the suspension. One document write decides, so two requests at once send one email.
     */
    public boolean takeConfirmation(String address, Instant now, Duration validFor) {
        Query query = new Query(Criteria.where("_id").is(address).orOperator(Criteria.where("confirmationSentAt").is(null),
                        Criteria.where("confirmationSentAt").lte(now.minus(validFor))));
        UpdateResult updated = mongo.updateFirst(query, new Update().set("confirmationSentAt", now), Recipient.class);
        if (updated.getModifiedCount() > 0) {
            return true;
        }
        if (mongo.exists(new Query(Criteria.where("_id").is(address)), Recipient.class)) {
            return false;
        }
        try {
            mongo.insert(new Recipient(address, now, RecipientStatus.ACTIVE, null, null));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public boolean isSuspended(String address) {
        return mongo.exists(new Query(Criteria.where("_id").is(address).and("status").is(RecipientStatus.SUSPENDED)),
                Recipient.class);
    }

    /** The server refused the address for good: nothing more goes to it until it asks again and confirms. */
    public void suspend(String address, String reason, Instant now) {
        mongo.upsert(new Query(Criteria.where("_id").is(address)), new Update().set("status", RecipientStatus.SUSPENDED)
                .set("suspendedAt", now).set("suspendedReason", reason), Recipient.class);
    }

    /** Confirming again (the owner followed a fresh link) lifts a suspension: the mailbox works again. */
    public void reactivate(String address) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(address)), new Update().set("status", RecipientStatus.ACTIVE)
                .unset("suspendedAt").unset("suspendedReason"), Recipient.class);
    }

    public long countSuspended() {
        return mongo.count(new Query(Criteria.where("status").is(RecipientStatus.SUSPENDED)), Recipient.class);
    }

    public List<Recipient> suspended(int limit) {
        return mongo.find(new Query(Criteria.where("status").is(RecipientStatus.SUSPENDED)).limit(limit),
                Recipient.class);
    }
}
