package co.vigia.contracts;

/**
 * Which step of the procedure a roll call decides (Constitution arts. 157, 161, 163, 167).
 */
public enum Debate {
    /** Committee of the chamber of origin. */
    FIRST,
    /** Plenary of the chamber of origin. */
    SECOND,
    /** Committee of the other chamber. */
    THIRD,
    /** Plenary of the other chamber. */
    FOURTH,
    /** First and third debates held jointly by both committees under a message of urgency (art. 163). */
    JOINT_COMMITTEES,
    /** A plenary's vote on the conciliated text (art. 161). */
    CONCILIATION,
    /** A plenary insisting on a bill the president objected to as unconstitutional (art. 167). */
    INSISTENCE,
    /** A plenary overriding an objection of inconvenience by absolute majority (art. 167). */
    OBJECTION_OVERRIDE
}
