package co.vigia.notify.delivery;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creation order of deliveries: microseconds of the creation time, bumped so that two deliveries created in the
 * same instant by this instance still get increasing numbers (a timestamp alone ties within a millisecond).
 */
final class Sequence {

    private static final AtomicLong LAST = new AtomicLong();

    private Sequence() {
    }

    static long next(Instant now) {
        long candidate = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        return LAST.updateAndGet(last -> Math.max(last + 1, candidate));
    }
}
