package co.vigia.vote.rollcall;

/** Where a recorded roll call stands. */
public enum RollCallStatus {
    /** Tallied against its bill's rule; its {@code co.vigia.vote.tallied} event is (being) published. */
    TALLIED,
    /** Accepted, but the bill's facts were not available yet: tallied and published when they arrive. */
    WAITING_FOR_BILL
}
