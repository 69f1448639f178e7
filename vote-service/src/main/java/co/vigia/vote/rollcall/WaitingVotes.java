package co.vigia.vote.rollcall;

import co.vigia.starter.VigiaProperties;
import co.vigia.starter.outbox.OutboxMessage;
import co.vigia.starter.outbox.OutboxRelay;
import co.vigia.vote.billfacts.BillFacts;
import co.vigia.vote.billfacts.BillFactsArrived;
import co.vigia.vote.billfacts.BillFactsLookup;
import co.vigia.vote.billfacts.BillFactsService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Roll calls accepted while their bill's facts were unavailable: tallied and published as soon as the facts
 * arrive, from a {@code bill-events} event or from a periodic retry against bill-service (which also covers
 * bills whose events were consumed long before the vote came in).
 */
@Component
public class WaitingVotes {

    private static final Logger log = LoggerFactory.getLogger(WaitingVotes.class);

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final BillFactsService billFacts;
    private final Clock clock;
    private final String source;

    public WaitingVotes(MongoTemplate mongo, OutboxRelay relay, BillFactsService billFacts, Clock clock,
                        VigiaProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.relay = relay;
        this.billFacts = billFacts;
        this.clock = clock;
        this.source = properties.source();
        Gauge.builder("vigia.votes.waiting", this, WaitingVotes::count)
                .description("Roll calls accepted and waiting for their bill's facts to be tallied")
                .register(meters);
    }

    public long count() {
        return mongo.count(waiting(), RollCall.COLLECTION);
    }

    @EventListener
    public void on(BillFactsArrived arrived) {
        release(arrived.facts());
    }

    /** Asks for the facts of every bill that has waiting votes. */
    @Scheduled(fixedDelayString = "${vigia.bill-facts.retry-interval:5s}",
            initialDelayString = "${vigia.bill-facts.retry-interval:5s}")
    public void retry() {
        List<String> bills;
        try {
            bills = mongo.findDistinct(waiting(), "billId", RollCall.COLLECTION, String.class);
        } catch (RuntimeException e) {
            log.warn("Cannot list waiting votes, will retry: {}", e.toString());
            return;
        }
        for (String billId : bills) {
            BillFactsLookup lookup = billFacts.lookup(billId);
            if (lookup instanceof BillFactsLookup.Known known) {
                release(known.facts());
            } else if (lookup instanceof BillFactsLookup.Unknown) {
                // kept: the bill may be registered later, and its registered event will release them
                log.info("Votes wait for bill {}, which bill-service does not know yet", billId);
            }
        }
    }

    /** Tallies every waiting roll call of the bill; each in one conditional write, so only once. */
    public int release(BillFacts facts) {
        Query query = waiting().addCriteria(Criteria.where("billId").is(facts.billId()));
        query.fields().exclude("members");
        int released = 0;
        for (RollCall roll : mongo.find(query, RollCall.class, RollCall.COLLECTION)) {
            if (facts.filedAfter(roll.date())) {
                // accepted before the facts were known: tallied as recorded (nothing accepted is lost), but flagged
                log.warn("Roll call {} is dated {}, before bill {} was filed ({}): check its date or bill",
                        roll.externalId(), roll.date(), facts.billId(), facts.filedOn());
            }
            Instant now = clock.instant();
            Verdict verdict = RollCallTally.tally(roll, facts.kind());
            OutboxMessage event = VoteTalliedEvents.outboxMessage(source, roll, verdict, now);
            Update update = new Update().set("status", RollCallStatus.TALLIED).set("verdict", verdict)
                    .set("talliedAt", now).push(OutboxMessage.FIELD, event);
            Query stillWaiting = new Query(Criteria.where("_id").is(roll.id())
                    .and("status").is(RollCallStatus.WAITING_FOR_BILL));
            stillWaiting.fields().include("_id");
            // {_id, status} exactly: the unique index id_status (RollCall) serves it on the embedded server too
            if (mongo.findAndModify(stillWaiting, update, org.bson.Document.class, RollCall.COLLECTION) != null) {
                // a waiting roll call has no event before this one: its outbox as written is this event alone
                relay.afterSave(RollCall.COLLECTION, roll.id(), List.of(event));
                released++;
            }
        }
        if (released > 0) {
            log.info("Tallied {} roll call(s) that waited for bill {}", released, facts.billId());
        }
        return released;
    }

    private static Query waiting() {
        return new Query(Criteria.where("status").is(RollCallStatus.WAITING_FOR_BILL));
    }
}
