package co.vigia.vote.billfacts;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.EventType;
import co.vigia.contracts.Topics;
import co.vigia.contracts.bill.BillRegistered;
import co.vigia.contracts.bill.BillStageChanged;
import co.vigia.starter.kafka.PoisonEventException;
import co.vigia.starter.metrics.EventMetrics;
import co.vigia.starter.metrics.EventMetrics.Outcome;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the bill-facts read model from {@code bill-events} (registered: kind and stage; stage-changed: the
 * new stage). Each event is applied once (its id is remembered in the same write); the offset is committed
 * after this method returns, i.e. after the write and after waiting votes were tallied.
 */
@Component
public class BillEventsListener {

    private static final Logger log = LoggerFactory.getLogger(BillEventsListener.class);

    private final BillFactsReadModel readModel;
    private final ApplicationEventPublisher publisher;
    private final EventMetrics metrics;

    public BillEventsListener(BillFactsReadModel readModel, ApplicationEventPublisher publisher,
                              EventMetrics metrics) {
        this.readModel = readModel;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @KafkaListener(id = "vote-service-bill-facts", topics = Topics.BILL_EVENTS,
            groupId = "${spring.kafka.consumer.group-id:vote-service}")
    public void on(CloudEvent event) {
        if (event == null) {
            return;
        }
        Optional<EventType> type = event.knownType();
        if (type.isEmpty()) {
            metrics.count(Topics.BILL_EVENTS, Outcome.IGNORED);
            return; // a newer producer's type: not a fact we need
        }
        switch (type.get()) {
            case BILL_REGISTERED -> {
                BillRegistered data = read(event, BillRegistered.class);
                apply(event, data.billId(), data.kind(), data.stage(), data.filedOn());
            }
            case BILL_STAGE_CHANGED -> {
                BillStageChanged data = read(event, BillStageChanged.class);
                apply(event, data.billId(), data.kind(), data.to(), null);
            }
            default -> // other bill events carry no fact the tallies or objections need
                    metrics.count(Topics.BILL_EVENTS, Outcome.IGNORED);
        }
    }

    private void apply(CloudEvent event, String billId, co.vigia.contracts.BillKind kind, String stage,
                       java.time.LocalDate filedOn) {
        if (billId == null || billId.isBlank()) {
            throw new PoisonEventException("event " + event.id() + " names no bill");
        }
        if (readModel.apply(event.id(), billId, kind, stage, filedOn)) {
            metrics.count(Topics.BILL_EVENTS, Outcome.APPLIED);
        } else {
            log.debug("Event {} was applied before", event.id());
            metrics.count(Topics.BILL_EVENTS, Outcome.DUPLICATE);
        }
        // Released every time: a crash between the write above and the tally would otherwise strand votes.
        readModel.find(billId).filter(f -> f.kind() != null)
                .ifPresent(facts -> publisher.publishEvent(new BillFactsArrived(facts)));
    }

    private static <T extends co.vigia.contracts.EventData> T read(CloudEvent event, Class<T> type) {
        try {
            return EventCodec.data(event, type);
        } catch (RuntimeException e) {
            throw new PoisonEventException("event " + event.id() + " has unreadable data: " + e.getMessage(), e);
        }
    }
}
