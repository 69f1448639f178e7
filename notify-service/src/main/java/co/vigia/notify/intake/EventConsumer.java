package co.vigia.notify.intake;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.Topics;
import co.vigia.starter.kafka.PoisonEventException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Reads every event topic in the {@code notify-service} group, a poll's records at a time. The offsets commit after
 * this returns, i.e. after the events and their deliveries are in MongoDB.
 * <p>
 * A record that can never be applied (unreadable, no data, no subject) goes to {@code <topic>.DLT}: the records before
 * it are applied first, then a {@link BatchListenerFailedException} names it, so the error handler ({@link IntakeRetries}) commits
 * those, dead-letters it and has the ones after it read again. Any other failure is the store's: it names the first
 * record, so nothing is committed and the batch is read again until it is stored ({@link IntakeStorageException}).
 */
@Component
public class EventConsumer {

    private static final LogAccessor LOG = new LogAccessor(EventConsumer.class);

    private final EventIntake intake;

    public EventConsumer(EventIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "notify-events", idIsGroup = false, containerFactory = IntakeRetries.CONTAINER_FACTORY,
            topics = {Topics.BILL_EVENTS, Topics.VOTE_EVENTS, Topics.OBJECTION_EVENTS},
            concurrency = "${vigia.webhooks.consumers:3}", batch = "true")
    public void onEvents(List<ConsumerRecord<String, CloudEvent>> records) {
        List<EventIntake.Received> readable = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, CloudEvent> record = records.get(i);
            RuntimeException poison = poison(record);
            if (poison != null) {
                // the error handler commits the records before it: they must be stored first
                store(readable);
                throw new BatchListenerFailedException(poison.getMessage(), poison, i);
            }
            readable.add(new EventIntake.Received(record.value(), record.topic()));
        }
        store(readable);
    }

    /**
     * Why the record can never be applied, or null. The ErrorHandlingDeserializer hands a batch listener an unreadable
     * record as a null value with the failure in a header; named as the cause, that failure is not retried, and the
     * dead-letter recoverer publishes the raw bytes it carries.
     */
    private static RuntimeException poison(ConsumerRecord<String, CloudEvent> record) {
        DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (unreadable != null) {
            return unreadable;
        }
        if (record.value() == null) {
            return new PoisonEventException("record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no value");
        }
        try {
            EventIntake.check(record.value());
            return null;
        } catch (PoisonEventException e) {
            return e;
        }
    }

    private void store(List<EventIntake.Received> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            intake.acceptAll(events);
        } catch (RuntimeException e) {
            // every event was checked: this is the store failing (unreachable, timing out). Index 0 commits nothing;
            // every step is idempotent, so reading the whole batch again is safe
            throw new BatchListenerFailedException("events not stored: " + e.getMessage(),
                    new IntakeStorageException(e), 0);
        }
    }
}
