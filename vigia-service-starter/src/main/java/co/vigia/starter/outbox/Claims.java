package co.vigia.starter.outbox;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents this instance is relaying, one relay at a time per document so that its messages leave in order. A
 * writer that finds its document busy leaves its outbox as saved for the holder, who relays it next instead of
 * reading the document back.
 */
final class Claims {

    private final ConcurrentHashMap<String, ArrayDeque<List<OutboxMessage>>> claimed = new ConcurrentHashMap<>();

    /** True when the caller now holds the document; otherwise, if {@code queueIfBusy}, the holder will relay it. */
    boolean claim(String key, List<OutboxMessage> outbox, boolean queueIfBusy) {
        boolean[] mine = {false};
        claimed.compute(key, (k, queued) -> {
            if (queued == null) {
                mine[0] = true;
                return new ArrayDeque<>();
            }
            if (queueIfBusy) {
                queued.add(outbox);
            }
            return queued;
        });
        return mine[0];
    }

    /** The next outbox left for a document the caller holds; null when none is, and the document is released. */
    List<OutboxMessage> nextOrRelease(String key) {
        Object[] next = {null};
        claimed.computeIfPresent(key, (k, queued) -> {
            next[0] = queued.poll();
            return next[0] == null ? null : queued;
        });
        @SuppressWarnings("unchecked")
        List<OutboxMessage> outbox = (List<OutboxMessage>) next[0];
        return outbox;
    }
}
