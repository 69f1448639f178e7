package co.vigia.notify.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Wakes the delivery loop early when new deliveries exist, so they do not wait for the next poll, and hands it the
 * deliveries just created ({@link #offer}) so it starts them at once, without a read of the store; those created
 * leased to this instance are found nowhere else until their lease runs out.
 */
@Component
public class WorkerSignal {

    /** At most this many offered deliveries are kept (about 5 MB); a larger fan-out or backlog is read from the store. */
    static final int MAX_OFFERED = 10_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean pending;
    private final ConcurrentLinkedDeque<Delivery> created = new ConcurrentLinkedDeque<>();
    /** The ids in {@link #created}: a delivery read again from the store while held here is not held twice. */
    private final Set<String> createdIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger createdCount = new AtomicInteger();

    public void wake() {
        lock.lock();
        try {
            pending = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deliveries just inserted and due now, for the loop to start first. Only a hint: the store stays the truth
     * (a hint lost in a crash is found by the poll, and the claim decides whether a hinted one may still go).
     */
    public void offer(Collection<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        // bounded, so a backlog stays in MongoDB rather than in the heap: what is not kept is found by the poll
        if (createdCount.get() + deliveries.size() <= MAX_OFFERED) {
            for (Delivery d : deliveries) {
                if (createdIds.add(d.id())) {
                    created.addLast(d);
                    createdCount.incrementAndGet();
                }
            }
        }
        wake();
    }

    /**
     * Reserves room for up to {@code wanted} deliveries to be offered with {@link #offerReserved}, and returns how many
     * it reserved: the creator leases that many to this instance before inserting them, knowing they will be held.
     */
    int reserve(int wanted) {
        while (true) {
            int held = createdCount.get();
            int room = Math.max(0, Math.min(wanted, MAX_OFFERED - held));
            if (room == 0 || createdCount.compareAndSet(held, held + room)) {
                return room;
            }
        }
    }

    /**
     * Holds up to {@code reserved} of these deliveries in the room {@link #reserve} gave; what is not used (some were
     * not inserted, or are held already) is given back. Wakes the loop.
     */
    void offerReserved(Collection<Delivery> deliveries, int reserved) {
        int used = 0;
        for (Delivery d : deliveries) {
            if (used < reserved && createdIds.add(d.id())) {
                created.addLast(d);
                used++;
            }
        }
        createdCount.addAndGet(used - reserved);
        wake();
    }

    /**
     * Puts deliveries taken (or read from the store) but not started in front, in their order, without waking the
     * loop; one held already is not added again.
     */
    void putBack(List<Delivery> deliveries) {
        for (int i = deliveries.size() - 1; i >= 0; i--) {
            Delivery d = deliveries.get(i);
            if (createdIds.add(d.id())) {
                created.addFirst(d);
                createdCount.incrementAndGet();
            }
        }
    }

    /** Up to {@code max} offered deliveries, oldest first. */
    List<Delivery> takeOffered(int max) {
        List<Delivery> taken = new ArrayList<>(Math.min(max, Math.max(0, createdCount.get())));
        Delivery next;
        while (taken.size() < max && (next = created.pollFirst()) != null) {
            createdCount.decrementAndGet();
            createdIds.remove(next.id());
            taken.add(next);
        }
        return taken;
    }

    boolean hasOffered() {
        return !created.isEmpty();
    }

    /** Waits up to {@code millis} or until {@link #wake()} (also one that came since the last wait). */
    void await(long millis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!pending && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
