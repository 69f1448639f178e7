package co.vigia.notify.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Following by email with double opt-in: a request stores a PENDING follow and, at most once per link validity, one
 * confirmation email to the address; following the link activates every pending follow of the address; the
 * unsubscribe link ends one follow. The caller learns nothing about who follows what: every request is answered
 * the same way.
 */
public class EmailFollows {

    private final MongoTemplate mongo;
    private final Recipients recipients;
    private final EmailDeliveries deliveries;
    private final EmailMessages messages;
    private final Clock clock;
    private final Duration confirmFor;
    private final String messageIdDomain;

    public EmailFollows(MongoTemplate mongo, Recipients recipients, EmailDeliveries deliveries, EmailMessages messages,
                        Clock clock, Duration confirmFor, String messageIdDomain) {
        this.mongo = mongo;
        this.recipients = recipients;
        this.deliveries = deliveries;
        this.messages = messages;
        this.clock = clock;
        this.confirmFor = confirmFor;
        this.messageIdDomain = messageIdDomain;
    }

    /**
     * Stores the wish as PENDING and, unless one went within its validity, sends the confirmation email. One address
     * has one follow per set of bills and topics (its id is derived from them): asking again while it is pending
     * replaces its choices, asking again once it is active changes nothing (only its owner, through the links,
     * changes an active follow), asking again after leaving starts it over.
     */
    public void request(FollowRequest request) {
        Instant now = clock.instant();
        String id = followId(request);
        Query notActive = new Query(Criteria.where("_id").is(id).and("status").ne(FollowStatus.ACTIVE));
        Update wish = new Update().set("address", request.address()).set("billIds", request.billIds())
                .set("topics", request.topics()).set("families", request.families()).set("cadence", request.cadence())
                .set("digestHour", request.digestHour()).set("language", request.language())
                .set("status", FollowStatus.PENDING).set("createdAt", now).unset("confirmedAt").unset("endedAt")
                .unset("lastDigestAt");
        try {
            mongo.upsert(notActive, wish, EmailFollow.class);
        } catch (DuplicateKeyException e) {
            return; // it exists and is active
        }
        if (recipients.takeConfirmation(request.address(), now, confirmFor)) {
            EmailLayout.Rendered mail = messages.confirmation(request.address(), pending(request.address()),
                    request.language());
            String deliveryId = "confirm:" + request.address() + ":" + now.toEpochMilli();
            deliveries.create(new EmailDelivery(deliveryId, EmailKind.CONFIRMATION, request.address(), null, null,
                    MessageIds.of(deliveryId, request.address(), messageIdDomain), mail.subject(), mail.text(),
                    mail.html(), null, EmailStatus.PENDING, List.of(), now, null, now, null));
        }
    }

    /** The follow's id: the address and what it follows, hashed (it appears in links, so not the address itself). */
    static String followId(FollowRequest request) {
        String key = request.address() + "\n" + request.billIds().stream().sorted().toList() + "\n"
                + request.topics().stream().sorted().toList();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Activates the address's pending follows asked for before now (those a later request added ride on the same
     * link while it is valid) and lifts a suspension. Answers how many it activated.
     */
    public long confirm(String address) {
        Instant now = clock.instant();
        recipients.reactivate(address);
        return mongo.updateMulti(new Query(Criteria.where("address").is(address).and("status").is(FollowStatus.PENDING)
                        .and("createdAt").lte(now).gte(now.minus(confirmFor))),
                new Update().set("status", FollowStatus.ACTIVE).set("confirmedAt", now).set("lastDigestAt", now),
                EmailFollow.class).getModifiedCount();
    }

    /** Ends the follow; answers it (ended) when it existed. Ending twice is the same as once. */
    public Optional<EmailFollow> unsubscribe(String followId) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(followId).and("status").ne(FollowStatus.ENDED)),
                new Update().set("status", FollowStatus.ENDED).set("endedAt", clock.instant()), EmailFollow.class);
        return Optional.ofNullable(mongo.findById(followId, EmailFollow.class));
    }

    /** The address's follows, pending and active, as its preferences page lists them. */
    public List<EmailFollow> of(String address) {
        return mongo.find(new Query(Criteria.where("address").is(address).and("status").ne(FollowStatus.ENDED)),
                EmailFollow.class);
    }

    private List<EmailFollow> pending(String address) {
        return mongo.find(new Query(Criteria.where("address").is(address).and("status").is(FollowStatus.PENDING)),
                EmailFollow.class);
    }
}
