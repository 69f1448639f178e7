package co.vigia.notify.email;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Turns stored events into instant alerts, oldest first: every active INSTANT follow that wants the event gets one
 * email (id {@code <eventId>:<followId>}, so doing it twice stores it once), then the event is marked matched. A
 * follow by topic needs the bill's topics from bill-service: while it does not answer, matching stops there and
 * resumes on the next round, in order, and nothing is lost.
 */
public class EmailMatcher {

    static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final BillFactsClient bills;
    private final EmailMessages messages;
    private final EmailDeliveries deliveries;
    private final Clock clock;
    private final String messageIdDomain;

    public EmailMatcher(MongoTemplate mongo, BillFactsClient bills, EmailMessages messages,
                        EmailDeliveries deliveries, Clock clock, String messageIdDomain) {
        this.mongo = mongo;
        this.bills = bills;
        this.messages = messages;
        this.deliveries = deliveries;
        this.clock = clock;
        this.messageIdDomain = messageIdDomain;
    }

    /** Matches the events waiting; answers how many alerts it created. */
    public int matchWaiting() {
        List<EmailEvent> waiting = mongo.find(new Query(Criteria.where("matched").is(false))
                .with(Sort.by("receivedAt", "_id")).limit(BATCH), EmailEvent.class);
        int created = 0;
        for (EmailEvent event : waiting) {
            try {
                created += match(event);
            } catch (BillFactsClient.Unavailable e) {
                return created;
            }
            mongo.updateFirst(new Query(Criteria.where("_id").is(event.id())), new Update().set("matched", true),
                    EmailEvent.class);
        }
        return created;
    }

    private int match(EmailEvent event) {
        EventFamily family = EventFamily.of(event.type()).orElseThrow();
        List<EmailFollow> candidates = mongo.find(new Query(Criteria.where("status").is(FollowStatus.ACTIVE)
                .and("cadence").is(Cadence.INSTANT).and("families").is(family).and("confirmedAt").lte(event.time())
                .orOperator(Criteria.where("billIds").is(event.billId()), Criteria.where("billIds").size(0))),
                EmailFollow.class);
        if (candidates.isEmpty()) {
            return 0;
        }
        boolean byTopic = candidates.stream().anyMatch(f -> !f.topics().isEmpty() && !f.billIds().contains(event.billId()));
        // a topic follow decides on the bill's topics: without them, wait (Unavailable) rather than guess
        BillFacts facts = byTopic ? bills.facts(event.billId()).orElseGet(() -> BillFacts.unknown(event.billId()))
                : bills.factsOrId(event.billId());
        List<EmailFollow> wanting = new ArrayList<>();
        for (EmailFollow follow : candidates) {
            if (follow.wants(family, event.billId(), facts.topics())) {
                wanting.add(follow);
            }
        }
        Instant now = clock.instant();
        int created = 0;
        for (EmailFollow follow : wanting) {
            EmailLayout.Rendered mail = messages.alert(follow, facts, event.type(), event.data());
            String id = event.id() + ":" + follow.id();
            if (deliveries.create(new EmailDelivery(id, EmailKind.ALERT, follow.address(), follow.id(), event.billId(),
                    MessageIds.of(event.id(), follow.address(), messageIdDomain), mail.subject(), mail.text(),
                    mail.html(), messages.links().unsubscribe(follow.id()), EmailStatus.PENDING, List.of(), now, null,
                    now, null))) {
                created++;
            }
        }
        return created;
    }
}
