package co.vigia.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: {@code rate} actions a second for {@code duration}, each at its scheduled moment whatever the
 * previous one is doing. Latencies are measured from that scheduled moment, so a stall delays the whole schedule
 * into the figures rather than hiding it (no coordinated omission). Bounded by count and by time.
 */
final class Pacer {

    interface Action {
        void run(int index, long scheduledNanos);
    }

    private Pacer() {
    }

    /** Returns how many actions ran (all of them, unless the time bound of twice the duration cut the loop). */
    static int run(int rate, Duration duration, Action action) {
        long count = rate * duration.toSeconds();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long stopAt = start + 2 * duration.toNanos() + Duration.ofSeconds(5).toNanos();
        int ran = 0;
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * period;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() > stopAt) {
                break;
            }
            action.run(i, scheduled);
            ran++;
        }
        return ran;
    }
}
