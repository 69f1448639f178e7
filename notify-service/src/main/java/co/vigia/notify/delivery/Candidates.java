package co.vigia.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a poll's due candidates come from: memory first (deliveries just created, woken, or read earlier and not
 * started yet: {@link WorkerSignal}), and the store once every poll interval, for what memory does not hold (retries
 * come due, expired leases, what other instances left), or at once when the last page was full and memory has run
 * dry. On MongoDB the read is a range of the {@code due} index.
 */
final class Candidates {

    private final DeliveryStore store;
    private final WorkerSignal signal;
    private final Duration pollInterval;
    private final int page;
    private Instant lastRead;
    private boolean pageWasFull;

    Candidates(DeliveryStore store, WorkerSignal signal, Duration pollInterval, int page) {
        this.store = store;
        this.signal = signal;
        this.pollInterval = pollInterval;
        this.page = page;
    }

    /** Up to about {@code wanted} candidates due at {@code now}, in the order they should go. */
    List<Delivery> take(int wanted, Instant now) {
        if (storeDue(now)) {
            List<Delivery> due = store.findDue(now, page);
            lastRead = now;
            pageWasFull = due.size() >= page;
            return due;
        }
        List<Delivery> due = new ArrayList<>();
        // looking past the first few lets deliveries to free endpoints pass those whose endpoint is busy
        for (Delivery offered : signal.takeOffered(Math.max(32, 4 * wanted))) {
            if (!offered.nextAttemptAt().isAfter(now)) {
                due.add(offered);
            } // else not held: the store's read finds it when it is due
        }
        return due;
    }

    /**
     * For each candidate whose previous delivery (of its subscription and bill) is still pending, that one, from one
     * lookup by id for them all. A
     * previous one that is settled or does not exist holds nobody back: deliveries settle in their line's order
     * (each went only once its own previous one had settled), so every earlier one is settled too.
     */
    Map<String, Delivery> earlierPending(List<Delivery> due) {
        Set<String> previousIds = new HashSet<>();
        due.forEach(c -> {
            if (c.previousId() != null) {
                previousIds.add(c.previousId());
            }
        });
        Map<String, Delivery> previous = store.findAllById(previousIds);
        Map<String, Delivery> pending = new HashMap<>();
        for (Delivery candidate : due) {
            Delivery before = candidate.previousId() == null ? null : previous.get(candidate.previousId());
            if (before != null && before.status() == DeliveryStatus.PENDING) {
                pending.put(candidate.id(), before);
            }
        }
        return pending;
    }

    /** Whether due candidates may be waiting beyond what the last poll took. */
    boolean more() {
        return pageWasFull || signal.hasOffered();
    }

    /** Puts candidates a poll took but did not start back in memory, in their order. */
    void putBack(List<Delivery> notStarted) {
        signal.putBack(notStarted);
    }

    private boolean storeDue(Instant now) {
        return lastRead == null || !now.isBefore(lastRead.plus(pollInterval))
                || (pageWasFull && !signal.hasOffered());
    }
}
