package co.vigia.bill.events;

import co.vigia.bill.bill.Bill;
import co.vigia.bill.bill.UnknownBillException;
import co.vigia.bill.events.ProcedureEvents.AppliedEvents;
import co.vigia.bill.events.ProcedureEvents.PendingEvent;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventType;
import co.vigia.contracts.Topics;
import co.vigia.starter.kafka.PoisonEventException;
import co.vigia.starter.metrics.EventMetrics;
import co.vigia.starter.metrics.EventMetrics.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Consumes vote-service's votes and objections and applies them to bills.
 *
 * <p>Votes come in batches (one poll), applied bill by bill: all the batch's bills in one read, then one write per bill
 * (per {@link ProcedureEvents#MAX_EVENTS_PER_WRITE} events) carrying its events in record order. A burst of votes on a bill
 * rewrote its whole document once per vote. Offsets are committed after this returns, i.e. after the writes; each bill
 * remembers the event ids it applied in the same write, so a redelivery changes nothing.
 *
 * <p>A record that fails stops the batch at its index: every record before it is written (or needed no write), and it
 * is reported with {@link BatchListenerFailedException}, so the starter's error handler commits those before it, sends
 * it to {@code <topic>.DLT} at once when it is poison (unreadable, lacking fields, about an unknown bill) or retries it
 * with back-off when the failure is transient (MongoDB down), and redelivers the records after it. Records after it are
 * not applied here (unless their bill's write had already been done when a later bill's write failed: they come back as
 * duplicates). Objections are rare and stay one record at a time.
 */
@Component
public class ProcedureEventsListener {

    /** The vote listener's container id (not its group: that stays {@code spring.kafka.consumer.group-id}). */
    public static final String VOTES = "bill-service-vote-events";

    private static final Logger log = LoggerFactory.getLogger(ProcedureEventsListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(ProcedureEventsListener.class);

    private final ProcedureEvents bills;
    private final EventMetrics metrics;

    public ProcedureEventsListener(ProcedureEvents bills, EventMetrics metrics) {
        this.bills = bills;
        this.metrics = metrics;
    }

    @KafkaListener(id = VOTES, idIsGroup = false, topics = Topics.VOTE_EVENTS, batch = "true")
    public void onVoteEvents(List<ConsumerRecord<String, CloudEvent>> records) {
        int limit = records.size(); // records from here on are not applied in this call
        RuntimeException failure = null;
        Outcome[] outcomes = new Outcome[records.size()];
        PendingEvent[] pending = new PendingEvent[records.size()];
        // record indexes by bill, bills in the order of their first record
        Map<String, List<Integer>> byBill = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, CloudEvent> record = records.get(i);
            CloudEvent event = record.value();
            if (event == null) {
                // a batch listener gets unreadable records too (null, with the exception in a header): it must stop on
                // them itself
                limit = i;
                failure = unreadable(record);
                break;
            }
            if (event.knownType().orElse(null) != EventType.VOTE_TALLIED) {
                log.debug("Ignoring {} {} on {}", event.type(), event.id(), Topics.VOTE_EVENTS);
                outcomes[i] = Outcome.IGNORED;
                continue;
            }
            try {
                pending[i] = bills.prepareVote(event);
            } catch (RuntimeException e) {
                limit = i;
                failure = poisonIfUnusable(event, e); // the error handler tells poison (dead-lettered at once) from the rest
                break;
            }
            byBill.computeIfAbsent(pending[i].billId(), id -> new ArrayList<>()).add(i);
        }

        Map<String, Bill> read = Map.of();
        if (!byBill.isEmpty()) {
            try {
                read = bills.read(byBill.keySet());
            } catch (RuntimeException e) {
                int first = byBill.values().iterator().next().get(0);
                if (first < limit) {
                    limit = first;
                    failure = e;
                }
            }
        }
        // an unknown bill's first record is poison: found before any write, so nothing after it is applied twice
        for (Map.Entry<String, List<Integer>> group : byBill.entrySet()) {
            int first = group.getValue().get(0);
            if (first >= limit) {
                break; // bills come in the order of their first record: no later one has a record before the limit
            }
            if (!read.containsKey(group.getKey())) {
                limit = first;
                failure = poisonIfUnusable(pending[first].event(), new UnknownBillException(group.getKey()));
                break;
            }
        }
        for (Map.Entry<String, List<Integer>> group : byBill.entrySet()) {
            List<Integer> indexes = group.getValue();
            if (indexes.get(0) >= limit) {
                break;
            }
            Bill bill = read.get(group.getKey());
            List<Integer> mine = new ArrayList<>(indexes.size());
            List<PendingEvent> events = new ArrayList<>(indexes.size());
            for (int index : indexes) {
                if (index < limit) {
                    mine.add(index);
                    events.add(pending[index]);
                }
            }
            AppliedEvents result = bills.applyEvents(bill, events);
            for (int k = 0; k < result.applied().size(); k++) {
                outcomes[mine.get(k)] = result.applied().get(k) ? Outcome.APPLIED : Outcome.DUPLICATE;
            }
            if (result.failure() != null) {
                int at = mine.get(result.applied().size());
                if (at < limit) {
                    limit = at;
                    failure = poisonIfUnusable(pending[at].event(), result.failure());
                }
            }
        }

        // counted once committed: the records before the limit (the others come back)
        for (int i = 0; i < limit; i++) {
            metrics.count(Topics.VOTE_EVENTS, outcomes[i]);
        }
        if (failure != null) {
            ConsumerRecord<String, CloudEvent> failed = records.get(limit);
            throw new BatchListenerFailedException("Record " + failed.topic() + "-" + failed.partition() + "@"
                    + failed.offset() + " not applied: " + failure.getMessage(), failure, limit);
        }
    }

    private static PoisonEventException unreadable(ConsumerRecord<String, CloudEvent> record) {
        DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        return cause == null ? new PoisonEventException("record " + where + " has no value")
                : new PoisonEventException("record " + where + " is not a CloudEvent: " + cause.getMessage(), cause);
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
}
