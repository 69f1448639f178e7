package co.vigia.notify.event;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event as notify-service received it, stored once (its CloudEvent id is the document id, hence unique), kept for
 * redelivery and replay for the retention period (90 days; a TTL index on {@code receivedAt}, made by the retention
 * package). {@code data} is the event's data as JSON. {@code topic} is null for webhook-only events (pings, disabled
 * notices). {@code fannedOut} is set once every matching subscription has its delivery, so a re-read record skips the
 * work, and a record re-read after a crash in between finishes it.
 */
@Document(StoredEvent.COLLECTION)
public record StoredEvent(@Id String id, String type, String subject, String source, Instant time, String topic,
                          String data, Instant receivedAt, boolean fannedOut) {

    public static final String COLLECTION = "events";

    /** An event read from {@code topic} at {@code now}, not fanned out yet. */
    public static StoredEvent received(CloudEvent event, String topic, Instant now) {
        return new StoredEvent(event.id(), event.type(), event.subject(), event.source(),
                event.time() == null ? now : event.time(), topic, EventCodec.mapper().writeValueAsString(event.data()),
                now, false);
    }

    /** An event that exists only to be delivered (a ping, a disabled notice): no topic, nothing to fan out. */
    public static StoredEvent webhookOnly(CloudEvent event, Instant now) {
        return new StoredEvent(event.id(), event.type(), event.subject(), event.source(), now, null,
                EventCodec.mapper().writeValueAsString(event.data()), now, true);
    }
}
