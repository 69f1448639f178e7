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
 *
 * <p>A document that is only ever inserted with its events (a roll call) may instead have them <em>staged</em>: written
 * to {@link #STAGED} before the document ({@link #stage}), published from memory right after its insert
 * ({@link #publishStaged}) and deleted from there once acknowledged, so the document itself is never rewritten. Removing
 * a message from a large document's own outbox rewrote the whole document (a roll call: 20 KB with its members) on
 * every publish. The sweep publishes a staged message only once its document exists: a crash between the two writes
 * leaves a message whose document was never stored, which is dropped after {@code vigia.outbox.orphan-after}, never
 * published.
 */
public class OutboxRelay implements DisposableBean {

    /** Collection of the messages staged before the document that announces them. */
    public static final String STAGED = "outbox_staged";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Documents per update when removing the acknowledged messages of documents just inserted. */
    private static final int REMOVE_CHUNK = 500;

    /** How long an acknowledged message is remembered as sent: far longer than its removal can take. */
    private static final long ACKNOWLEDGED_KEPT_MS = 60_000;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final VigiaProperties.Outbox properties;
    private final ExecutorService executor;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestEpochMilli = new AtomicLong();
    /** Acknowledged messages not yet removed from their documents' outboxes: collection, document id, event ids. */
    private final Map<String, Map<Object, Set<String>>> toRemove = new ConcurrentHashMap<>();
    /** When each recently acknowledged message was, so that it is not sent again while its removal is pending. */
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();

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

    /**
     * Publishes the outbox of one document just written, soon, on the relay's own threads, from the outbox as the caller
     * wrote it (the whole array, as saved): it is not read back. Messages acknowledged already are skipped; a relay
     * busy with the document is asked to look again, and reads it. Reading the outbox back cost a round trip per
     * write, and on the embedded MongoDB a projection of the whole document (a bill with its timeline), per event.
     */
    public void afterSave(String collection, Object id, List<OutboxMessage> outbox) {
        if (outbox.isEmpty()) {
            return;
        }
        List<OutboxMessage> saved = List.copyOf(outbox);
        try {
            executor.execute(() -> relaySaved(collection, id, saved));
        } catch (RejectedExecutionException e) {
            log.debug("Relay queue full; the sweep will publish {}/{}", collection, id);
        }
    }

    private void relaySaved(String collection, Object id, List<OutboxMessage> saved) {
        if (!claim(collection, id, true)) {
            return;
        }
        try {
            List<Message> messages = saved.stream().filter(m -> !acknowledgedAt.containsKey(m.eventId()))
                    .map(m -> new Message(m.eventId(), m.topic(), m.key(), m.payload())).toList();
            if (!messages.isEmpty()) {
                List<String> eventIds = messages.stream().map(Message::eventId).toList();
                removeSent(collection, id, eventIds, acknowledged(eventIds, send(messages)));
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay of {}/{} failed, the sweep will retry: {}", collection, id, e.toString());
        } finally {
            release(collection, id);
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
            executor.execute(() -> relayInserted(collection, List.copyOf(inserted), false, true));
        } catch (RejectedExecutionException e) {
            log.debug("Relay queue full; the sweep will publish {} documents of {}", inserted.size(), collection);
        }
    }

    /**
     * Writes the messages of documents about to be inserted, before they are: the first of the two writes. The
     * documents must be inserted with an empty {@code outbox}; each message names its document, and the sweep sends it
     * only once that document exists, so a crash before the insert publishes nothing.
     */
    public void stage(String collection, List<Inserted> documents) {
        List<Document> staged = new ArrayList<>();
        java.util.Date now = new java.util.Date();
        for (Inserted doc : documents) {
            for (int seq = 0; seq < doc.outbox().size(); seq++) {
                OutboxMessage m = doc.outbox().get(seq);
                staged.add(new Document("_id", m.eventId()).append("collection", collection)
                        .append("documentId", doc.id()).append("seq", seq).append("topic", m.topic())
                        .append("key", m.key()).append("type", m.type()).append("payload", m.payload())
                        .append("createdAt", java.util.Date.from(m.createdAt())).append("stagedAt", now));
            }
        }
        if (!staged.isEmpty()) {
            mongo.insert(staged, STAGED);
        }
    }

    /**
     * Publishes staged messages of documents just inserted ({@link #stage}), soon, on the relay's own threads, from the
     * messages the caller holds, and then deletes the acknowledged ones from {@link #STAGED}; what fails stays for the
     * sweep.
     */
    public void publishStaged(String collection, List<Inserted> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> relayInserted(collection, List.copyOf(inserted), true, true));
        } catch (RejectedExecutionException e) {
            log.debug("Relay queue full; the sweep will publish {} staged documents of {}", inserted.size(), collection);
        }
    }

    /**
     * Drops the staged messages of documents that were not inserted after all (their key was taken meanwhile). When
     * this fails too, the sweep drops them after {@code orphan-after}: their document does not exist.
     */
    public void discardStaged(List<Inserted> notInserted) {
        List<String> eventIds = notInserted.stream().flatMap(d -> d.outbox().stream()).map(OutboxMessage::eventId)
                .toList();
        if (eventIds.isEmpty()) {
            return;
        }
        try {
            deleteStaged(eventIds);
        } catch (RuntimeException e) {
            log.warn("Cannot drop {} staged messages of documents not stored; the sweep will: {}", eventIds.size(),
                    e.toString());
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
                    relayUnlessInFlight(collection, doc.get("_id"));
                }
            } catch (RuntimeException e) {
                log.warn("Outbox sweep of {} failed, will retry: {}", collection, e.toString());
            }
        }
        try {
            long[] stagedWaiting = sweepStaged();
            waiting += stagedWaiting[0];
            if (stagedWaiting[1] != 0 && (oldest == 0 || stagedWaiting[1] < oldest)) {
                oldest = stagedWaiting[1];
            }
        } catch (RuntimeException e) {
            log.warn("Outbox sweep of {} failed, will retry: {}", STAGED, e.toString());
        }
        backlog.set(waiting);
        oldestEpochMilli.set(oldest);
    }

    /**
     * Publishes staged messages whose document exists (read by {@code _id $in}, an index lookup on the embedded server
     * too) and drops those whose document is still missing after {@code orphan-after}; a message whose document is
     * being relayed, or whose writer may still be between its two writes, is left for a later sweep. Returns how many
     * messages wait and the oldest one's creation time (epoch ms, 0 for none).
     */
    private long[] sweepStaged() {
        List<Document> staged = mongo.find(new Query().limit(properties.sweepBatch()), Document.class, STAGED);
        if (staged.isEmpty()) {
            return new long[] {0, 0};
        }
        long oldest = 0;
        Map<String, Map<Object, List<Document>>> byCollection = new java.util.LinkedHashMap<>();
        for (Document m : staged) {
            if (m.get("createdAt") instanceof java.util.Date d && (oldest == 0 || d.getTime() < oldest)) {
                oldest = d.getTime();
            }
            byCollection.computeIfAbsent(m.getString("collection"), c -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(m.get("documentId"), id -> new ArrayList<>()).add(m);
        }
        long orphanBefore = System.currentTimeMillis() - properties.orphanAfter().toMillis();
        for (Map.Entry<String, Map<Object, List<Document>>> c : byCollection.entrySet()) {
            String collection = c.getKey();
            Query existing = new Query(Criteria.where("_id").in(c.getValue().keySet()));
            existing.fields().include("_id");
            Set<Object> present = new java.util.HashSet<>();
            for (Document d : mongo.find(existing, Document.class, collection)) {
                present.add(d.get("_id"));
            }
            List<Inserted> publish = new ArrayList<>();
            List<String> orphans = new ArrayList<>();
            for (Map.Entry<Object, List<Document>> doc : c.getValue().entrySet()) {
                List<Document> messages = doc.getValue();
                if (present.contains(doc.getKey())) {
                    messages.sort(java.util.Comparator.comparingInt(m -> m.getInteger("seq", 0)));
                    publish.add(new Inserted(doc.getKey(), messages.stream().map(OutboxRelay::stagedMessage).toList()));
                } else {
                    for (Document m : messages) {
                        if (m.get("stagedAt") instanceof java.util.Date d && d.getTime() < orphanBefore) {
                            orphans.add(m.getString("_id"));
                        }
                    }
                }
            }
            if (!orphans.isEmpty()) {
                log.warn("Dropping {} staged messages of {} whose documents were never stored", orphans.size(),
                        collection);
                deleteStaged(orphans);
            }
            relayInserted(collection, publish, true, false);
        }
        return new long[] {staged.size(), oldest};
    }

    private static OutboxMessage stagedMessage(Document m) {
        Object created = m.get("createdAt");
        return new OutboxMessage(m.getString("_id"), m.getString("topic"), m.getString("key"), m.getString("type"),
                m.getString("payload"), created instanceof java.util.Date d ? d.toInstant() : Instant.now());
    }

    private void deleteStaged(List<String> eventIds) {
        for (int from = 0; from < eventIds.size(); from += REMOVE_CHUNK) {
            mongo.remove(new Query(Criteria.where("_id").in(eventIds.subList(from,
                    Math.min(eventIds.size(), from + REMOVE_CHUNK)))), STAGED);
        }
    }

    private double oldestAgeSeconds() {
        long oldest = oldestEpochMilli.get();
        return oldest == 0 ? 0 : Math.max(0, (System.currentTimeMillis() - oldest) / 1000.0);
    }

    private void relay(String collection, Object id) {
        if (claim(collection, id, true)) {
            relayClaimed(collection, id);
        }
    }

    /** Relays a document this instance has claimed, and releases the claim. */
    private void relayClaimed(String collection, Object id) {
        try {
            relayOnce(collection, id);
        } catch (RuntimeException e) {
            log.warn("Outbox relay of {}/{} failed, the sweep will retry: {}", collection, id, e.toString());
        } finally {
            release(collection, id);
        }
    }

    /**
     * The sweep's relay: a document being relayed already is skipped, not asked to be looked at again. Its relay sends
     * what it holds and removes what Kafka acknowledged; anything else still in its outbox afterwards is the next
     * sweep's (or the next writer's {@link #afterWrite}). Asking again cost a read of every document of a batch just
     * inserted, whose relay was still awaiting Kafka or removing the messages when the sweep came by.
     */
    private void relayUnlessInFlight(String collection, Object id) {
        if (claim(collection, id, false)) {
            relayClaimed(collection, id);
        }
    }

    /**
     * Sends the messages the caller holds, every one before any acknowledgement is awaited, then removes the
     * acknowledged ones: from {@link #STAGED} when {@code staged}, else from each document's outbox. A writer
     * ({@code askAgainIfBusy}) asks a relay busy with one of its documents to look at it again; the sweep skips it.
     */
    private void relayInserted(String collection, List<Inserted> inserted, boolean staged, boolean askAgainIfBusy) {
        if (inserted.isEmpty()) {
            return;
        }
        List<Inserted> mine = new ArrayList<>();
        for (Inserted doc : inserted) {
            if (claim(collection, doc.id(), askAgainIfBusy)) {
                mine.add(doc);
            }
        }
        try {
            List<List<CompletableFuture<SendResult<String, String>>>> sends = new ArrayList<>(mine.size());
            for (Inserted doc : mine) {
                sends.add(send(doc.outbox().stream().map(m -> new Message(m.eventId(), m.topic(), m.key(),
                        m.payload())).toList()));
            }
            List<Object> ids = new ArrayList<>(mine.size());
            List<String> sent = new ArrayList<>();
            for (int d = 0; d < mine.size(); d++) {
                Inserted doc = mine.get(d);
                List<String> eventIds = doc.outbox().stream().map(OutboxMessage::eventId).toList();
                List<String> acknowledged = acknowledged(eventIds, sends.get(d));
                if (!acknowledged.isEmpty()) {
                    ids.add(doc.id());
                    sent.addAll(acknowledged);
                }
                if (acknowledged.size() < eventIds.size()) {
                    log.warn("Outbox relay of {}/{} failed, the sweep will retry: Kafka did not acknowledge {}",
                            collection, doc.id(), eventIds.get(acknowledged.size()));
                }
            }
            if (staged) {
                deleteStaged(sent);
            } else {
                removeSent(collection, ids, sent);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay of {} inserted documents of {} failed, the sweep will retry: {}", mine.size(),
                    collection, e.toString());
        } finally {
            for (Inserted doc : mine) {
                release(collection, doc.id());
            }
        }
    }

    /**
     * Removes the acknowledged messages of many documents in one update per {@link #REMOVE_CHUNK} documents: event ids
     * are unique, so pulling all of them from each document removes exactly that document's own. A multi-document
     * update selected by {@code _id} alone is one round trip and one pass under the collection's lock, where one update
     * per document cost a round trip each and held the lock a hundred times per batch of roll calls; the embedded
     * MongoDB's pass is by the {@code _id} index for a {@code {_id: {$in: [...]}}} filter.
     */
    private void removeSent(String collection, List<Object> ids, List<String> sent) {
        for (int from = 0; from < ids.size(); from += REMOVE_CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + REMOVE_CHUNK));
            mongo.updateMulti(new Query(Criteria.where("_id").in(chunk)),
                    new Update().pull(OutboxMessage.FIELD, new Document("eventId", new Document("$in", sent))),
                    collection);
        }
    }

    /**
     * Takes the document for this caller; false when someone is relaying it already, who is then (with
     * {@code askAgainIfBusy}, for a writer) asked to look once more when done ({@link #release}), so a message written
     * meanwhile is not left for the sweep.
     */
    private boolean claim(String collection, Object id, boolean askAgainIfBusy) {
        String key = collection + "/" + id;
        if (inFlight.add(key)) {
            again.remove(key);
            return true;
        }
        if (askAgainIfBusy) {
            again.add(key);
        }
        return false;
    }

    /** Looks at the document again for as long as others asked meanwhile, then gives it up. */
    private void release(String collection, Object id) {
        String key = collection + "/" + id;
        try {
            while (again.remove(key)) {
                relayOnce(collection, id);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay of {} failed, the sweep will retry: {}", key, e.toString());
        } finally {
            inFlight.remove(key);
        }
    }

    private record Message(String eventId, String topic, String key, String payload) {
    }

    /** Sends all, then the caller waits: one producer keeps them in order on their partition (idempotent producer). */
    private List<CompletableFuture<SendResult<String, String>>> send(List<Message> messages) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(messages.size());
        for (Message m : messages) {
            sends.add(kafka.send(m.topic(), m.key(), m.payload()));
        }
        return sends;
    }

    /** The event ids acknowledged, in order, up to the first that was not (what follows it waits, to keep order). */
    private List<String> acknowledged(List<String> eventIds, List<CompletableFuture<SendResult<String, String>>> sends) {
        List<String> sent = new ArrayList<>(eventIds.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                sent.add(eventIds.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.debug("Kafka did not acknowledge {}: {}", eventIds.get(i), e.toString());
                break;
            }
        }
        return sent;
    }

    /**
     * Queues the acknowledged messages for removal ({@link #removeAcknowledged}); throws when some were not, so the
     * caller logs it and the sweep retries.
     */
    private void removeSent(String collection, Object id, List<String> eventIds, List<String> sent) {
        if (!sent.isEmpty()) {
            long now = System.currentTimeMillis();
            for (String eventId : sent) {
                acknowledgedAt.put(eventId, now);
            }
            toRemove.computeIfAbsent(collection, c -> new ConcurrentHashMap<>())
                    .computeIfAbsent(id, i -> ConcurrentHashMap.newKeySet()).addAll(sent);
        }
        if (sent.size() < eventIds.size()) {
            throw new IllegalStateException("Kafka did not acknowledge " + eventIds.get(sent.size()));
        }
    }

    /**
     * Removes from their documents' outboxes the messages Kafka acknowledged since the last call: one update by
     * {@code _id $in} per collection (and {@link #REMOVE_CHUNK} documents), every {@code vigia.outbox.remove-interval}.
     * Removing each document's messages as soon as they were acknowledged rewrote the whole document once per change
     * (a bill with its timeline: tens of KB on the embedded server, which clones, re-encodes and compares it), right
     * after the writer's own rewrite; a bill that takes a vote every few milliseconds is now rewritten for its outbox
     * a few times a second at most. Until removed, an acknowledged message is not sent again by this instance
     * ({@link #acknowledgedAt}); a crash before the removal re-sends it after the restart, as a crash between an
     * acknowledgement and its removal always did (consumers are idempotent).
     */
    @Scheduled(fixedDelayString = "${vigia.outbox.remove-interval:250ms}",
            initialDelayString = "${vigia.outbox.remove-interval:250ms}")
    public void removeAcknowledged() {
        for (String collection : List.copyOf(toRemove.keySet())) {
            Map<Object, Set<String>> pending = toRemove.remove(collection);
            if (pending == null || pending.isEmpty()) {
                continue;
            }
            List<Object> ids = new ArrayList<>(pending.keySet());
            try {
                for (int from = 0; from < ids.size(); from += REMOVE_CHUNK) {
                    List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + REMOVE_CHUNK));
                    List<String> sent = chunk.stream().flatMap(id -> pending.get(id).stream()).toList();
                    mongo.updateMulti(new Query(Criteria.where("_id").in(chunk)),
                            new Update().pull(OutboxMessage.FIELD, new Document("eventId", new Document("$in", sent))),
                            collection);
                }
            } catch (RuntimeException e) {
                log.warn("Removing {} documents' acknowledged messages from {} failed, will retry: {}", ids.size(),
                        collection, e.toString());
                pending.forEach((id, sent) -> toRemove.computeIfAbsent(collection, c -> new ConcurrentHashMap<>())
                        .computeIfAbsent(id, i -> ConcurrentHashMap.newKeySet()).addAll(sent));
            }
        }
        long forgetBefore = System.currentTimeMillis() - ACKNOWLEDGED_KEPT_MS;
        acknowledgedAt.values().removeIf(at -> at < forgetBefore);
    }

    private void relayOnce(String collection, Object id) {
        Query byId = new Query(Criteria.where("_id").is(id));
        byId.fields().include(OutboxMessage.FIELD);
        Document doc = mongo.findOne(byId, Document.class, collection);
        if (doc == null) {
            return;
        }
        // acknowledged already: not sent again, but (again) queued for removal, in case a writer that had read the
        // document before the last removal wrote it back with them
        List<Message> messages = new ArrayList<>();
        List<String> acknowledgedBefore = new ArrayList<>();
        for (Document m : doc.getList(OutboxMessage.FIELD, Document.class, List.of())) {
            String eventId = m.getString("eventId");
            if (acknowledgedAt.containsKey(eventId)) {
                acknowledgedBefore.add(eventId);
            } else {
                messages.add(new Message(eventId, m.getString("topic"), m.getString("key"), m.getString("payload")));
            }
        }
        if (!acknowledgedBefore.isEmpty()) {
            removeSent(collection, id, acknowledgedBefore, acknowledgedBefore);
        }
        if (messages.isEmpty()) {
            return;
        }
        List<String> eventIds = messages.stream().map(Message::eventId).toList();
        removeSent(collection, id, eventIds, acknowledged(eventIds, send(messages)));
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        try {
            removeAcknowledged();
        } catch (RuntimeException e) {
            log.debug("Acknowledged messages not removed at shutdown; they will be sent again: {}", e.toString());
        }
    }

    /** For tests and ops: how many messages the last sweep saw waiting, and since when. */
    public Map<String, Object> lastSweep() {
        long oldest = oldestEpochMilli.get();
        return Map.of("backlog", backlog.get(), "oldest", oldest == 0 ? "" : Instant.ofEpochMilli(oldest).toString(),
                "pollInterval", Duration.from(properties.pollInterval()).toString());
    }
}
