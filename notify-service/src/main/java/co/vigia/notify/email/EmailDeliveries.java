package co.vigia.notify.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The email deliveries in MongoDB: created once (the id says what for), claimed under a lease by one sender at a
 * time, each attempt recorded with the outcome in one document write.
 */
public class EmailDeliveries {

    private final MongoTemplate mongo;

    public EmailDeliveries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores it unless one with its id exists; answers whether this call stored it. */
    public boolean create(EmailDelivery delivery) {
        try {
            mongo.insert(delivery);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The next due PENDING email, claimed until {@code now + lease}; empty when none is due. */
    public Optional<EmailDelivery> claimDue(Instant now, Duration lease) {
        Query due = new Query(Criteria.where("status").is(EmailStatus.PENDING).and("nextAttemptAt").lte(now)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lte(now)))
                .with(org.springframework.data.domain.Sort.by("nextAttemptAt"));
        return Optional.ofNullable(mongo.findAndModify(due, new Update().set("leaseUntil", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), EmailDelivery.class));
    }

    /** Records an attempt; {@code next} null means no further attempt: {@code finalStatus} is its end. */
    public void record(EmailDelivery delivery, EmailAttempt attempt, Instant next, EmailStatus finalStatus) {
        Update update = new Update().push("attempts", attempt).unset("leaseUntil");
        if (next != null) {
            update.set("nextAttemptAt", next);
        } else {
            update.set("status", finalStatus).set("finishedAt", attempt.at());
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(delivery.id()).and("status").is(EmailStatus.PENDING)),
                update, EmailDelivery.class);
    }

    /** Ends without an attempt (its address was suspended meanwhile). */
    public void suppress(EmailDelivery delivery, Instant now) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(delivery.id()).and("status").is(EmailStatus.PENDING)),
                new Update().set("status", EmailStatus.SUPPRESSED).set("finishedAt", now).unset("leaseUntil"),
                EmailDelivery.class);
    }

    public Optional<EmailDelivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, EmailDelivery.class));
    }

    public long count(EmailStatus status) {
        return mongo.count(new Query(Criteria.where("status").is(status)), EmailDelivery.class);
    }

    /** PENDING emails that have failed at least once: the ones an operator should look at. */
    public long failing() {
        return mongo.count(new Query(Criteria.where("status").is(EmailStatus.PENDING).and("attempts.0").exists(true)),
                EmailDelivery.class);
    }
}
