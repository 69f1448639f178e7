package co.vigia.bill.events;

import co.vigia.bill.bill.BillService;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventType;
import co.vigia.contracts.Topics;
import co.vigia.starter.metrics.EventMetrics;
import co.vigia.starter.metrics.EventMetrics.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes vote-service's votes and objections and applies them to bills. The offset is committed
 * after this returns, i.e. after the bill's write; the bill remembers each applied event id in that
 * same write, so a redelivery changes nothing. Unreadable records and events about unknown bills go
 * to {@code <topic>.DLT} (the starter's error handler).
 */
@Component
public class ProcedureEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProcedureEventsListener.class);

    private final BillService bills;
    private final EventMetrics metrics;

    public ProcedureEventsListener(BillService bills, EventMetrics metrics) {
        this.bills = bills;
        this.metrics = metrics;
    }

    @KafkaListener(topics = Topics.VOTE_EVENTS)
    public void onVoteEvent(CloudEvent event) {
        if (event.knownType().orElse(null) == EventType.VOTE_TALLIED) {
            metrics.count(Topics.VOTE_EVENTS, bills.applyVote(event) ? Outcome.APPLIED : Outcome.DUPLICATE);
        } else {
            log.debug("Ignoring {} {} on {}", event.type(), event.id(), Topics.VOTE_EVENTS);
            metrics.count(Topics.VOTE_EVENTS, Outcome.IGNORED);
        }
    }

    @KafkaListener(topics = Topics.OBJECTION_EVENTS)
    public void onObjectionEvent(CloudEvent event) {
        EventType type = event.knownType().orElse(null);
        boolean applied;
        if (type == EventType.OBJECTION_FILED) {
            applied = bills.applyObjectionFiled(event);
        } else if (type == EventType.OBJECTION_RESOLVED) {
            applied = bills.applyObjectionResolved(event);
        } else {
            log.debug("Ignoring {} {} on {}", event.type(), event.id(), Topics.OBJECTION_EVENTS);
            metrics.count(Topics.OBJECTION_EVENTS, Outcome.IGNORED);
            return;
        }
        metrics.count(Topics.OBJECTION_EVENTS, applied ? Outcome.APPLIED : Outcome.DUPLICATE);
    }
}
