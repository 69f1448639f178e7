package co.vigia.starter.outbox;

import co.vigia.starter.VigiaProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Relays the {@code outbox} array of aggregate documents to Kafka. A service calls
 * {@link #afterWrite(String, Object)} right after it saved a document, so events leave within
 * milliseconds; a sweep every {@code vigia.outbox.poll-interval} is the safety net for whatever a crash
 * or a Kafka outage left behind. Messages of one document are sent in array order and removed only
 * after Kafka acknowledged them, so a crash at any point re-sends (consumers are idempotent) and never
 * loses.
 */
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final VigiaProperties.Outbox properties;
    private final ExecutorService executor;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestEpochMilli = new AtomicLong();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, VigiaProperties.Outbox properties,
                       MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "outbox-relay");
                    t.setDaemon(true);
                    return t;
                });
        if (meters != null) {
            Gauge.builder("vigia.outbox.backlog", backlog, AtomicLong::get)
                    .description("Events written but not yet acknowledged by Kafka, as of the last sweep")
                    .register(meters);
            Gauge.builder("vigia.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds).baseUnit("seconds")
                    .description("Age of the oldest event waiting in an outbox, as of the last sweep")
                    .register(meters);
        }
    }

    /** Publishes the outbox of one document soon, on the relay's own threads. */
    public void afterWrite(String collection, Object id) {
        try {
            executor.execute(() -> relay(collection, id));
        } catch (RejectedExecutionException e) {
            log.debug("Relay queue full; the sweep will publish {}/{}", collection, id);
        }
    }

    /** A document just inserted, and its whole outbox as inserted. */
    public record Inserted(Object id, List<OutboxMessage> outbox) {
    }

    /**
     * Publishes the outboxes of documents just inserted, soon, on the relay's own threads: from the messages the caller
     * holds (a new document's outbox is exactly what was inserted, so it is not read back), every message of every
     * document sent before any acknowledgement is awaited, in the given order. Each document's acknowledged messages
     * are then removed from its outbox; what fails stays for the sweep. Reading each roll call back (20 KB with its
     * members) and awaiting one acknowledgement at a time was most of a roll-call batch's cost after its insert.
     */
    public void afterInsert(String collection, List<Inserted> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> relayInserted(collection, List.copyOf(inserted)));
        } catch (RejectedExecutionException e) {
            log.debug("Relay queue full; the sweep will publish {} documents of {}", inserted.size(), collection);
        }
    }

    /** Publishes the outbox of one document now, on the caller's thread. */
    public void relayNow(String collection, Object id) {
        relay(collection, id);
    }

    @Scheduled(fixedDelayString = "${vigia.outbox.poll-interval:1s}", initialDelayString = "${vigia.outbox.poll-interval:1s}")
    public void sweep() {
        long waiting = 0;
        long oldest = 0;
        for (String collection : properties.collections()) {
            try {
                Query pending = new Query(Criteria.where(OutboxMessage.FIELD + ".eventId").exists(true))
                        .limit(properties.sweepBatch());
                pending.fields().include("_id").include(OutboxMessage.FIELD + ".createdAt");
                for (Document doc : mongo.find(pending, Document.class, collection)) {
                    List<Document> messages = doc.getList(OutboxMessage.FIELD, Document.class, List.of());
                    waiting += messages.size();
                    for (Document m : messages) {
                        Object created = m.get("createdAt");
                        if (created instanceof java.util.Date d && (oldest == 0 || d.getTime() < oldest)) {
                            oldest = d.getTime();
                        }
                    }
                    relay(collection, doc.get("_id"));
                }
            } catch (RuntimeException e) {
                log.warn("Outbox sweep of {} failed, will retry: {}", collection, e.toString());
            }
        }
        backlog.set(waiting);
        oldestEpochMilli.set(oldest);
    }

    private double oldestAgeSeconds() {
        long oldest = oldestEpochMilli.get();
        return oldest == 0 ? 0 : Math.max(0, (System.currentTimeMillis() - oldest) / 1000.0);
    }

    private void relay(String collection, Object id) {
        String key = collection + "/" + id;
        if (!inFlight.add(key)) {
            again.add(key); // someone is relaying this document: make them look once more when done
            return;
        }
        try {
            do {
                again.remove(key);
                relayOnce(collection, id);
            } while (again.remove(key));
        } catch (RuntimeException e) {
            log.warn("Outbox relay of {} failed, the sweep will retry: {}", key, e.toString());
        } finally {
            inFlight.remove(key);
        }
    }

    private void relayInserted(String collection, List<Inserted> inserted) {
        List<Inserted> mine = new ArrayList<>();
        for (Inserted doc : inserted) {
            String key = collection + "/" + doc.id();
            if (inFlight.add(key)) {
                mine.add(doc);
            } else {
                again.add(key); // someone is relaying it already (the sweep): they look once more when done
            }
        }
        try {
            List<List<CompletableFuture<SendResult<String, String>>>> sends = new ArrayList<>(mine.size());
            for (Inserted doc : mine) {
                List<CompletableFuture<SendResult<String, String>>> ofDoc = new ArrayList<>(doc.outbox().size());
                for (OutboxMessage m : doc.outbox()) {
                    ofDoc.add(kafka.send(m.topic(), m.key(), m.payload()));
                }
                sends.add(ofDoc);
            }
            for (int d = 0; d < mine.size(); d++) {
                Inserted doc = mine.get(d);
                try {
                    removeSent(collection, doc.id(), acknowledged(doc.outbox(), sends.get(d)));
                } catch (RuntimeException e) {
                    log.warn("Outbox relay of {}/{} failed, the sweep will retry: {}", collection, doc.id(), e.toString());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay of {} inserted documents of {} failed, the sweep will retry: {}", mine.size(),
                    collection, e.toString());
        } finally {
            for (Inserted doc : mine) {
                String key = collection + "/" + doc.id();
                try {
                    while (again.remove(key)) {
                        relayOnce(collection, doc.id());
                    }
                } catch (RuntimeException e) {
                    log.warn("Outbox relay of {} failed, the sweep will retry: {}", key, e.toString());
                } finally {
                    inFlight.remove(key);
                }
            }
        }
    }

    /** The event ids acknowledged, in order, up to the first that was not (what follows it waits, to keep order). */
    private List<String> acknowledged(List<OutboxMessage> messages, List<CompletableFuture<SendResult<String, String>>> sends) {
        List<String> sent = new ArrayList<>(messages.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
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

    private void removeSent(String collection, Object id, List<String> sent) {
        if (!sent.isEmpty()) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                    new Update().pull(OutboxMessage.FIELD, new Document("eventId", new Document("$in", sent))),
                    collection);
        }
    }

    private void relayOnce(String collection, Object id) {
        Query byId = new Query(Criteria.where("_id").is(id));
        byId.fields().include(OutboxMessage.FIELD);
        Document doc = mongo.findOne(byId, Document.class, collection);
        if (doc == null) {
            return;
        }
        List<Document> messages = doc.getList(OutboxMessage.FIELD, Document.class, List.of());
        if (messages.isEmpty()) {
            return;
        }
        // Send all, then wait: one producer keeps them in order on their partition (idempotent producer).
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(messages.size());
        for (Document m : messages) {
            sends.add(kafka.send(m.getString("topic"), m.getString("key"), m.getString("payload")));
        }
        List<String> sent = new ArrayList<>(messages.size());
        RuntimeException failure = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                sent.add(messages.get(i).getString("eventId"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted", e);
                break;
            } catch (Exception e) {
                failure = new IllegalStateException("Kafka did not acknowledge " + messages.get(i).getString("eventId"), e);
                break; // keep order: what follows a failed message waits for the next attempt
            }
        }
        if (!sent.isEmpty()) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                    new Update().pull(OutboxMessage.FIELD, new Document("eventId", new Document("$in", sent))),
                    collection);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** For tests and ops: how many messages the last sweep saw waiting, and since when. */
    public Map<String, Object> lastSweep() {
        long oldest = oldestEpochMilli.get();
        return Map.of("backlog", backlog.get(), "oldest", oldest == 0 ? "" : Instant.ofEpochMilli(oldest).toString(),
                "pollInterval", Duration.from(properties.pollInterval()).toString());
    }
}
