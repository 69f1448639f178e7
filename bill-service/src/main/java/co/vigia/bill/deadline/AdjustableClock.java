package co.vigia.bill.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs like the system's but can be set to another instant (system tests replay 2023
 * from another process). After {@link #set(Instant)} it keeps ticking from there.
 */
public class AdjustableClock extends Clock {

    private final Clock system;
    private final AtomicReference<Duration> offset;

    public AdjustableClock(Clock system) {
        this(system, new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock system, AtomicReference<Duration> offset) {
        this.system = system;
        this.offset = offset;
    }

    public void set(Instant now) {
        offset.set(Duration.between(system.instant(), now));
    }

    /** Back to the system's time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(system.withZone(zone), offset);
    }

    public static AdjustableClock systemUtc() {
        return new AdjustableClock(Clock.system(ZoneOffset.UTC));
    }
}
