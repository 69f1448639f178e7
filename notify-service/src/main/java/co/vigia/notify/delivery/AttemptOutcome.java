package co.vigia.notify.delivery;

import java.time.Instant;

/**
 * How one run of the attempt pipeline ended ({@link AttemptPipeline}). Each says whether the delivery is still
 * pending and, for those the {@code vigia.deliveries} counter counts, under which outcome.
 */
public sealed interface AttemptOutcome {

    /** Still pending afterwards: a retry, or an attempt that could not be made or recorded. */
    boolean pending();

    /** The {@code outcome} tag of {@code vigia.deliveries}, or null for runs that made no attempt worth counting. */
    default String metric() {
        return null;
    }

    /** The receiver answered 2xx. */
    record Delivered(Delivery recorded) implements AttemptOutcome {
        public boolean pending() {
            return false;
        }

        public String metric() {
            return "delivered";
        }
    }

    /** The attempt failed and another is due at {@code nextAttemptAt}. */
    record Retrying(Instant nextAttemptAt) implements AttemptOutcome {
        public boolean pending() {
            return true;
        }

        public String metric() {
            return "retrying";
        }
    }

    /** The attempt failed and there is no other: the schedule ran out, 410 Gone, or the endpoint was disabled. */
    record Failed(String error) implements AttemptOutcome {
        public boolean pending() {
            return false;
        }

        public String metric() {
            return "failed";
        }
    }

    /** Ended without an HTTP attempt: its subscription or subscriber is gone, paused or disabled, or its event expired. */
    record Abandoned(String reason) implements AttemptOutcome {
        public boolean pending() {
            return false;
        }

        public String metric() {
            return "abandoned";
        }
    }

    /** Settled, taken or changed elsewhere since the poll read it: nothing to do. */
    record NotClaimed() implements AttemptOutcome {
        public boolean pending() {
            return false;
        }
    }

    /** The lease ran out before the attempt was recorded: another instance (or this one, later) tries again. */
    record LeaseLost() implements AttemptOutcome {
        public boolean pending() {
            return true;
        }
    }

    /** Given back unattempted (or unrecorded) for {@code nextAttemptAt}: the instance is stopping, or an error. */
    record Released(Instant nextAttemptAt, String why) implements AttemptOutcome {
        public boolean pending() {
            return true;
        }
    }
}
