package co.vigia.starter.outbox;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.EventType;
import java.time.Instant;

/**
 * One event waiting in an aggregate's {@code outbox} array: it is written in the same single-document
 * write as the state change it announces, and removed once Kafka has acknowledged it.
 *
 * @param payload the CloudEvent as JSON, exactly as it will be sent
 */
public record OutboxMessage(String eventId, String topic, String key, String type, String payload,
                            Instant createdAt) {

    /** Field name of the array every outbox-carrying document uses. */
    public static final String FIELD = "outbox";

    public static OutboxMessage of(CloudEvent event) {
        String topic = event.knownType().map(EventType::topic)
                .orElseThrow(() -> new IllegalArgumentException("no topic for event type " + event.type()));
        return new OutboxMessage(event.id(), topic, event.subject(), event.type(), EventCodec.write(event),
                event.time() == null ? Instant.now() : event.time());
    }
}
