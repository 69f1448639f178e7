package co.vigia.notify.event;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Reads every event topic in the {@code notify-service} group. The offset commits after this returns, i.e. after
 * the event and its deliveries are in MongoDB; a record that cannot be read goes to {@code <topic>.DLT}.
 */
@Component
public class EventConsumer {

    private final EventIntake intake;

    public EventConsumer(EventIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "notify-events", idIsGroup = false, topics = {Topics.BILL_EVENTS, Topics.VOTE_EVENTS, Topics.OBJECTION_EVENTS},
            concurrency = "${vigia.webhooks.consumers:3}")
    public void onEvent(CloudEvent event, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic) {
        intake.accept(event, topic);
    }
}
