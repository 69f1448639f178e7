package co.vigia.bill.events;

import co.vigia.bill.bill.UnknownBillException;
import co.vigia.bill.events.ProcedureEvents.PendingEvent;
import co.vigia.bill.events.ProcedureEvents.VotesApplied;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventType;
import co.vigia.contracts.Topics;
import co.vigia.starter.kafka.PoisonEventException;
import co.vigia.starter.kafka.PollBatch;
import co.vigia.starter.metrics.EventMetrics;
import co.vigia.starter.metrics.EventMetrics.Outcome;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes vote-service's votes and objections and applies them to bills ({@link ProcedureEvents}).
 *
 * <p>Votes come in batches (one poll) through {@link PollBatch}: a record that cannot be applied stops the poll there,
 * the records before it are committed, it is dead-lettered at once when it is poison (unreadable, lacking fields, about
 * an unknown bill) or retried with back-off when the failure is transient (MongoDB down), and the records after it are
 * read again. Offsets are committed after the writes, and each bill remembers the event ids it applied in the same
 * write, so a redelivery changes nothing. Objections are rare and stay one record at a time.
 */
@Component
public class ProcedureEventsListener {

    /** The vote listener's container id (not its group: that stays {@code spring.kafka.consumer.group-id}). */
    public static final String VOTES = "bill-service-vote-events";

    private static final Logger log = LoggerFactory.getLogger(ProcedureEventsListener.class);

    private final ProcedureEvents bills;
    private final EventMetrics metrics;

    public ProcedureEventsListener(ProcedureEvents bills, EventMetrics metrics) {
        this.bills = bills;
        this.metrics = metrics;
    }

    /** A vote record and the vote read from it. */
    private record Vote(ConsumerRecord<String, CloudEvent> record, PendingEvent pending) {
    }

    @KafkaListener(id = VOTES, idIsGroup = false, topics = Topics.VOTE_EVENTS, batch = "true")
    public void onVoteEvents(List<ConsumerRecord<String, CloudEvent>> records) {
        // by record, not event id: the same event twice in a poll is applied once and counted as a duplicate
        Map<ConsumerRecord<String, CloudEvent>, Outcome> outcomes = new IdentityHashMap<>();
        PollBatch.apply(records, record -> prepare(record, outcomes), votes -> apply(votes, outcomes),
                committed -> records.subList(0, committed).forEach(record -> {
                    Outcome outcome = outcomes.get(record);
                    if (outcome != null) {
                        metrics.count(Topics.VOTE_EVENTS, outcome);
                    }
                }));
    }

    private Vote prepare(ConsumerRecord<String, CloudEvent> record,
                         Map<ConsumerRecord<String, CloudEvent>, Outcome> outcomes) {
        CloudEvent event = record.value();
        if (event.knownType().orElse(null) != EventType.VOTE_TALLIED) {
            log.debug("Ignoring {} {} on {}", event.type(), event.id(), Topics.VOTE_EVENTS);
            outcomes.put(record, Outcome.IGNORED);
            return null;
        }
        try {
            return new Vote(record, bills.prepareVote(event));
        } catch (RuntimeException e) {
            throw poisonIfUnusable(event, e);
        }
    }

    private void apply(List<Vote> votes, Map<ConsumerRecord<String, CloudEvent>, Outcome> outcomes) {
        VotesApplied result = bills.applyVotes(votes.stream().map(Vote::pending).toList());
        for (int i = 0; i < votes.size(); i++) {
            Boolean applied = result.applied().get(i);
            if (applied != null) {
                outcomes.put(votes.get(i).record(), applied ? Outcome.APPLIED : Outcome.DUPLICATE);
            }
        }
        if (result.failure() != null) {
            CloudEvent failed = votes.get(result.stoppedAt()).pending().event();
            throw new PollBatch.StoppedAt(result.stoppedAt(), poisonIfUnusable(failed, result.failure()));
        }
    }

    @KafkaListener(topics = Topics.OBJECTION_EVENTS)
    public void onObjectionEvent(CloudEvent event) {
        EventType type = event.knownType().orElse(null);
        boolean applied;
        try {
            if (type == EventType.OBJECTION_FILED) {
                applied = bills.applyObjectionFiled(event);
            } else if (type == EventType.OBJECTION_RESOLVED) {
                applied = bills.applyObjectionResolved(event);
            } else {
                log.debug("Ignoring {} {} on {}", event.type(), event.id(), Topics.OBJECTION_EVENTS);
                metrics.count(Topics.OBJECTION_EVENTS, Outcome.IGNORED);
                return;
            }
        } catch (RuntimeException e) {
            throw poisonIfUnusable(event, e);
        }
        metrics.count(Topics.OBJECTION_EVENTS, applied ? Outcome.APPLIED : Outcome.DUPLICATE);
    }

    /** The domain's "never applicable" as the starter's poison, which is dead-lettered at once instead of retried. */
    private static RuntimeException poisonIfUnusable(CloudEvent event, RuntimeException e) {
        return switch (e) {
            case UnknownBillException unknown -> new PoisonEventException("event " + event.id()
                    + " is about unknown bill '" + unknown.billId() + "'", unknown);
            case UnusableEventException unusable -> new PoisonEventException(unusable.getMessage(), unusable);
            default -> e;
        };
    }
}
