package co.vigia.notify.email;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event the email channel may tell someone about, stored once (its CloudEvent id) by the channel's own consumer
 * and {@code matched} once its alerts exist. Kept 30 days: the digests read the day's events from here. {@code time}
 * is when it happened (the event's own time): a follow hears of what happened after it was confirmed.
 */
@Document("email_events")
@CompoundIndex(name = "unmatched", def = "{'matched': 1, 'receivedAt': 1}")
public record EmailEvent(@Id String id, String type, String billId, String data, Instant time,
                         @Indexed(expireAfter = "30d") Instant receivedAt, boolean matched) {
}
