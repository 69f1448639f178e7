package co.vigia.bill.events;

import co.vigia.bill.bill.BillService;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventType;
import co.vigia.contracts.Topics;
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

    public ProcedureEventsListener(BillService bills) {
        this.bills = bills;
    }

    @KafkaListener(topics = Topics.VOTE_EVENTS)
    public void onVoteEvent(CloudEvent event) {
        if (event.knownType().orElse(null) == EventType.VOTE_TALLIED) {
            bills.applyVote(event);
        } else {
            log.debug("Ignoring {} {} on {}", event.type(), event.id(), Topics.VOTE_EVENTS);
        }
    }

    @KafkaListener(topics = Topics.OBJECTION_EVENTS)
    public void onObjectionEvent(CloudEvent event) {
        EventType type = event.knownType().orElse(null);
        if (type == EventType.OBJECTION_FILED) {
            bills.applyObjectionFiled(event);
        } else if (type == EventType.OBJECTION_RESOLVED) {
            bills.applyObjectionResolved(event);
        } else {
            log.debug("Ignoring {} {} on {}", event.type(), event.id(), Topics.OBJECTION_EVENTS);
        }
    }
}
