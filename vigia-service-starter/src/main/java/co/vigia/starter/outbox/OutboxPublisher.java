package co.vigia.starter.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends documents' outboxes to Kafka: every message of every document before any acknowledgement is awaited (one
 * idempotent producer keeps them in order on their partition), then each document's acknowledged prefix is recorded.
 * Awaiting one acknowledgement at a time was most of a roll-call batch's cost after its insert.
 */
final class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final KafkaTemplate<String, String> kafka;
    private final Duration sendTimeout;
    private final Acknowledged acknowledged;

    OutboxPublisher(KafkaTemplate<String, String> kafka, Duration sendTimeout, Acknowledged acknowledged) {
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
        this.acknowledged = acknowledged;
    }

    /** Publishes what each document's outbox holds and was not acknowledged before; what fails waits for the sweep. */
    void publish(String collection, List<OutboxRelay.Saved> documents) {
        List<List<OutboxMessage>> fresh = new ArrayList<>(documents.size());
        List<List<CompletableFuture<SendResult<String, String>>>> sends = new ArrayList<>(documents.size());
        for (OutboxRelay.Saved doc : documents) {
            List<OutboxMessage> unsent = new ArrayList<>();
            List<String> sentBefore = new ArrayList<>();
            for (OutboxMessage m : doc.outbox()) {
                if (acknowledged.contains(m.eventId())) {
                    sentBefore.add(m.eventId());
                } else {
                    unsent.add(m);
                }
            }
            acknowledged.add(collection, doc.id(), sentBefore);
            fresh.add(unsent);
            sends.add(send(unsent));
        }
        long waitMillis = sendTimeout.toMillis();
        for (int d = 0; d < documents.size(); d++) {
            List<OutboxMessage> messages = fresh.get(d);
            List<String> sent = acknowledgedPrefix(messages, sends.get(d), waitMillis);
            if (sent.size() < sends.get(d).size() && !sends.get(d).get(sent.size()).isDone()) {
                // Kafka is not answering: the other documents' sends are checked, not awaited a timeout each
                waitMillis = 0;
            }
            acknowledged.add(collection, documents.get(d).id(), sent);
            if (sent.size() < messages.size()) {
                log.warn("Outbox relay of {}/{} failed, the sweep will retry: Kafka did not acknowledge {}", collection,
                        documents.get(d).id(), messages.get(sent.size()).eventId());
            }
        }
    }

    private List<CompletableFuture<SendResult<String, String>>> send(List<OutboxMessage> messages) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(messages.size());
        try {
            for (OutboxMessage m : messages) {
                sends.add(kafka.send(m.topic(), m.key(), m.payload()));
            }
        } catch (RuntimeException e) {
            // the producer refused one (no metadata within max.block.ms): it and those after it wait for the sweep
            log.debug("Kafka refused a send: {}", e.toString());
        }
        return sends;
    }

    /** The event ids acknowledged, in order, up to the first that was not: what follows it waits, to keep order. */
    private static List<String> acknowledgedPrefix(List<OutboxMessage> messages,
                                                   List<CompletableFuture<SendResult<String, String>>> sends,
                                                   long waitMillis) {
        List<String> sent = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(waitMillis, TimeUnit.MILLISECONDS);
                sent.add(messages.get(i).eventId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.debug("Kafka did not acknowledge {}: {}", messages.get(i).eventId(), e.toString());
                break;
            }
        }
        return sent;
    }
}
