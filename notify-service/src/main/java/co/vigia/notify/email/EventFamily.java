package co.vigia.notify.email;

import java.util.Optional;

/** What a person can choose to hear about by email; each event type belongs to at most one family. */
public enum EventFamily {
    /** A bill moved stage (debated, approved, archived, sanctioned, ...). */
    STAGES,
    /** A roll call was tallied. */
    VOTES,
    /** An institutional opinion or a presidential objection was filed or resolved. */
    OPINIONS,
    /** A constitutional deadline is near. */
    DEADLINES,
    /** A possible procedural defect was flagged. */
    DEFECTS;

    /**
     * The family of an event type, or empty for types no email is sent for: a registration or a recorded action is
     * the timeline's detail, and a lapse is already told by its stage change to ARCHIVED.
     */
    public static Optional<EventFamily> of(String type) {
        return Optional.ofNullable(switch (type) {
            case "co.vigia.bill.stage-changed" -> STAGES;
            case "co.vigia.vote.tallied" -> VOTES;
            case "co.vigia.objection.filed", "co.vigia.objection.resolved" -> OPINIONS;
            case "co.vigia.bill.deadline-approaching" -> DEADLINES;
            case "co.vigia.bill.defect-flagged" -> DEFECTS;
            default -> null;
        });
    }
}
