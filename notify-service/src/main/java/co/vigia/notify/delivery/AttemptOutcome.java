package co.vigia.notify.delivery;

import java.time.Instant;

/** How one run of the attempt pipeline ended ({@link AttemptPipeline}). */
public sealed interface AttemptOutcome {

    /** The receiver answered 2xx. */
    record Delivered(Delivery recorded) implements AttemptOutcome {
    }

    /** The attempt failed and another is due at {@code nextAttemptAt}. */
    record Retrying(Instant nextAttemptAt) implements AttemptOutcome {
    }

    /** The attempt failed and there is no other: the schedule ran out, 410 Gone, or the endpoint was disabled. */
    record Failed(String error) implements AttemptOutcome {
    }

    /** Ended without an HTTP attempt: its subscription or subscriber is gone, paused or disabled, or its event expired. */
    record Abandoned(String reason) implements AttemptOutcome {
    }

    /** Settled, taken or changed elsewhere since the poll read it: nothing to do. */
    record NotClaimed() implements AttemptOutcome {
    }

    /** The lease ran out before the attempt was recorded: another instance (or this one, later) tries again. */
    record LeaseLost() implements AttemptOutcome {
    }

    /** Given back unattempted (or unrecorded) for {@code nextAttemptAt}: the instance is stopping, or an error. */
    record Released(Instant nextAttemptAt, String why) implements AttemptOutcome {
    }

    /** The {@code outcome} tag of {@code vigia.deliveries}; null for runs that made no attempt worth counting. */
    default String metric() {
        return switch (this) {
            case Delivered d -> "delivered";
            case Retrying r -> "retrying";
            case Failed f -> "failed";
            case Abandoned a -> "abandoned";
            case NotClaimed n -> null;
            case LeaseLost l -> null;
            case Released r -> null;
        };
    }
}
