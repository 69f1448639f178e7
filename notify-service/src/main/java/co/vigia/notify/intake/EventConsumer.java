package co.vigia.notify.intake;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.Topics;
import co.vigia.starter.kafka.PollBatch;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every event topic in the {@code notify-service} group, a poll's records at a time. The offsets commit after
 * this returns, i.e. after the events and their deliveries are in MongoDB.
 * <p>
 * A record that can never be applied (unreadable, no data, no subject) goes to {@code <topic>.DLT}: the records before
 * it are applied first, then {@link PollBatch} names it, so the error handler ({@link IntakeRetries}) commits those,
 * dead-letters it and has the ones after it read again. Any other failure is the store's: it names the first record,
 * so nothing is committed and the batch is read again until it is stored ({@link IntakeStorageException}).
 */
@Component
public class EventConsumer {

    private final EventIntake intake;

    public EventConsumer(EventIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "notify-events", idIsGroup = false, containerFactory = IntakeRetries.CONTAINER_FACTORY,
            topics = {Topics.BILL_EVENTS, Topics.VOTE_EVENTS, Topics.OBJECTION_EVENTS},
            concurrency = "${vigia.webhooks.consumers:3}", batch = "true")
    public void onEvents(List<ConsumerRecord<String, CloudEvent>> records) {
        PollBatch.apply(records, EventConsumer::received, this::store);
    }

    private static EventIntake.Received received(ConsumerRecord<String, CloudEvent> record) {
        EventIntake.check(record.value());
        return new EventIntake.Received(record.value(), record.topic());
    }

    private void store(List<EventIntake.Received> events) {
        try {
            intake.acceptAll(events);
        } catch (RuntimeException e) {
            // every event was checked: this is the store failing (unreachable, timing out). PollBatch names the first
            // record, so nothing is committed; every step is idempotent, so reading the whole batch again is safe
            throw new IntakeStorageException(e);
        }
    }
}
