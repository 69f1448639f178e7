package co.vigia.starter.outbox;

import co.vigia.starter.VigiaProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Relays the {@code outbox} array of aggregate documents to Kafka. The events of a state change are written in the
 * same document write as the change; right after it the writer hands the relay the outbox as saved
 * ({@link #afterSave}), which is sent from memory, in array order, and removed from the document only once Kafka
 * acknowledged it. A sweep every {@code vigia.outbox.poll-interval} reads whatever a crash or a Kafka outage left in
 * an outbox and relays it the same way, so nothing accepted is lost and a relay that died mid-send is resumed
 * (at least once: consumers are idempotent).
 */
public class OutboxRelay implements DisposableBean, SmartInitializingSingleton {

    /** A document just written and its whole {@code outbox} as written (not only the messages this write added). */
    public record Saved(Object id, List<OutboxMessage> outbox) {
        public Saved {
            outbox = List.copyOf(outbox);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String PENDING = OutboxMessage.FIELD + ".eventId";

    private final MongoTemplate mongo;
    private final VigiaProperties.Outbox properties;
    private final Acknowledged acknowledged;
    private final OutboxPublisher publisher;
    private final Claims claims = new Claims();
    private final ExecutorService executor;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestEpochMilli = new AtomicLong();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, VigiaProperties.Outbox properties,
                       MeterRegistry meters) {
        this.mongo = mongo;
        this.properties = properties;
        this.acknowledged = new Acknowledged(mongo);
        this.publisher = new OutboxPublisher(kafka, properties.sendTimeout(), acknowledged);
        // two threads: sends are asynchronous, a thread only awaits acknowledgements; a full queue is the sweep's
        this.executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000),
                Thread.ofPlatform().name("outbox-relay").daemon().factory());
        if (meters != null) {
            Gauge.builder("vigia.outbox.backlog", backlog, AtomicLong::get)
                    .description("Events written but not yet acknowledged by Kafka, as of the last sweep")
                    .register(meters);
            Gauge.builder("vigia.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds).baseUnit("seconds")
                    .description("Age of the oldest event waiting in an outbox, as of the last sweep")
                    .register(meters);
        }
    }

    /** Publishes the outbox of one document just written, soon, on the relay's own threads. */
    public void afterSave(String collection, Object id, List<OutboxMessage> outbox) {
        afterSave(collection, List.of(new Saved(id, outbox)));
    }

    /**
     * Publishes the outboxes of documents just written, soon, on the relay's own threads, in the given order; they are
     * not read back. A document another relay thread holds is relayed by that thread next.
     */
    public void afterSave(String collection, List<Saved> saved) {
        List<Saved> documents = saved.stream().filter(d -> !d.outbox().isEmpty()).toList();
        if (documents.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> relay(collection, documents, true));
        } catch (RejectedExecutionException e) {
            log.debug("Relay queue full; the sweep will publish {} documents of {}", documents.size(), collection);
        }
    }

    /** Relays what the outboxes hold (at most {@code vigia.outbox.sweep-batch} documents a collection). */
    @Scheduled(fixedDelayString = "${vigia.outbox.poll-interval:1s}", initialDelayString = "${vigia.outbox.poll-interval:1s}")
    public void sweep() {
        long waiting = 0;
        long oldest = 0;
        for (String collection : properties.collections()) {
            try {
                Query pending = new Query(Criteria.where(PENDING).exists(true)).limit(properties.sweepBatch());
                pending.fields().include("_id").include(OutboxMessage.FIELD);
                List<Saved> documents = new ArrayList<>();
                for (Document doc : mongo.find(pending, Document.class, collection)) {
                    List<OutboxMessage> outbox = doc.getList(OutboxMessage.FIELD, Document.class, List.of()).stream()
                            .map(OutboxRelay::read).toList();
                    for (OutboxMessage m : outbox) {
                        if (!acknowledged.contains(m.eventId())) {
                            waiting++;
                            long created = m.createdAt().toEpochMilli();
                            oldest = oldest == 0 ? created : Math.min(oldest, created);
                        }
                    }
                    documents.add(new Saved(doc.get("_id"), outbox));
                }
                // a document being relayed is skipped: what its relay does not send is the next sweep's
                relay(collection, documents, false);
            } catch (RuntimeException e) {
                log.warn("Outbox sweep of {} failed, will retry: {}", collection, e.toString());
            }
        }
        backlog.set(waiting);
        oldestEpochMilli.set(oldest);
    }

    /** Removes acknowledged messages from their outboxes, in one update per collection. */
    @Scheduled(fixedDelayString = "${vigia.outbox.remove-interval:250ms}",
            initialDelayString = "${vigia.outbox.remove-interval:250ms}")
    public void removeAcknowledged() {
        acknowledged.removeFromOutboxes();
    }

    private void relay(String collection, List<Saved> documents, boolean writer) {
        List<Saved> mine = new ArrayList<>(documents.size());
        for (Saved doc : documents) {
            if (claims.claim(key(collection, doc.id()), doc.outbox(), writer)) {
                mine.add(doc);
            }
        }
        try {
            publisher.publish(collection, mine);
        } catch (RuntimeException e) {
            log.warn("Outbox relay of {} documents of {} failed, the sweep will retry: {}", mine.size(), collection,
                    e.toString());
        } finally {
            for (Saved doc : mine) {
                relayLeftForHolder(collection, doc.id());
            }
        }
    }

    /** Relays the outboxes writers left while this thread held the document, then releases it. */
    private void relayLeftForHolder(String collection, Object id) {
        String key = key(collection, id);
        for (List<OutboxMessage> next = claims.nextOrRelease(key); next != null; next = claims.nextOrRelease(key)) {
            try {
                publisher.publish(collection, List.of(new Saved(id, next)));
            } catch (RuntimeException e) {
                log.warn("Outbox relay of {} failed, the sweep will retry: {}", key, e.toString());
            }
        }
    }

    private static String key(String collection, Object id) {
        return collection + "/" + id;
    }

    private static OutboxMessage read(Document m) {
        Instant created = m.get("createdAt") instanceof Date d ? d.toInstant() : Instant.now();
        return new OutboxMessage(m.getString("eventId"), m.getString("topic"), m.getString("key"),
                m.getString("type"), m.getString("payload"), created);
    }

    private double oldestAgeSeconds() {
        long oldest = oldestEpochMilli.get();
        return oldest == 0 ? 0 : Math.max(0, (System.currentTimeMillis() - oldest) / 1000.0);
    }

    /**
     * The sweep's query on real MongoDB: a partial index holds only documents with messages waiting, so the sweep
     * reads those, not the collection. (The embedded server ignores secondary indexes and scans.) Then messages an
     * older relay staged apart move into their documents' outboxes.
     */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            StagedOutboxUpgrade.run(mongo);
        } catch (RuntimeException e) {
            log.warn("Cannot move staged outbox messages into their documents, will at the next start: {}", e.toString());
        }
        for (String collection : properties.collections()) {
            try {
                mongo.indexOps(collection).createIndex(new Index().on(PENDING, Sort.Direction.ASC)
                        .named("outbox_pending").partial(PartialIndexFilter.of(Criteria.where(PENDING).exists(true))));
            } catch (RuntimeException e) {
                log.warn("Cannot create the outbox index of {}; the sweep scans it: {}", collection, e.toString());
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        try {
            acknowledged.removeFromOutboxes();
        } catch (RuntimeException e) {
            log.debug("Acknowledged messages not removed at shutdown; they will be sent again: {}", e.toString());
        }
    }
}
