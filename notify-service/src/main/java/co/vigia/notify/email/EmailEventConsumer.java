package co.vigia.notify.email;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.Topics;
import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The email channel's own consumer group ({@code notify-email}) on the three topics: it stores the events some
 * email could be about, once each, and commits after the write. Matching them to follows happens later
 * ({@link EmailMatcher}), so a slow or absent bill-service never holds a partition. Unreadable records are skipped
 * here: the webhook consumer's group dead-letters them, once.
 */
public class EmailEventConsumer {

    private final MongoTemplate mongo;
    private final Clock clock;

    public EmailEventConsumer(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @KafkaListener(id = "notify-email", groupId = "${vigia.email.consumer-group:notify-email}",
            topics = {Topics.BILL_EVENTS, Topics.VOTE_EVENTS, Topics.OBJECTION_EVENTS}, batch = "true",
            autoStartup = "${vigia.email.enabled:true}")
    public void onEvents(List<ConsumerRecord<String, CloudEvent>> records) {
        // nobody follows by email: nothing to keep. A follow confirmed later hears only of later events, which this
        // read (after the confirmation's write) sees; one read a batch, so the webhook hot path pays nothing more
        if (!mongo.exists(new Query(Criteria.where("status").is(FollowStatus.ACTIVE)), EmailFollow.class)) {
            return;
        }
        Instant now = clock.instant();
        Map<String, EmailEvent> events = new LinkedHashMap<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            CloudEvent event = record.value();
            if (event == null || event.subject() == null || event.data() == null || !event.data().isObject()
                    || EventFamily.of(event.type()).isEmpty()) {
                continue;
            }
            events.putIfAbsent(event.id(), new EmailEvent(event.id(), event.type(), event.subject(),
                    EventCodec.mapper().writeValueAsString(event.data()), event.time() == null ? now : event.time(), now,
                    false));
        }
        if (!events.isEmpty()) {
            store(List.copyOf(events.values()));
        }
    }

    private void store(List<EmailEvent> events) {
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, EmailEvent.class).insert(events).execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }
}
