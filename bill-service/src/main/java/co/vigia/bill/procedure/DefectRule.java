package co.vigia.bill.procedure;

/** The rules a bill's procedure may have broken; flagged, never refused (Congress sometimes breaks its own rules). */
public enum DefectRule {
    /** Art. 160: at least 8 days between committee approval and the plenary debate. */
    ART_160_COMMITTEE_TO_PLENARY_GAP,
    /** Art. 160: at least 15 days between passage in one chamber and the debate in the other. */
    ART_160_BETWEEN_CHAMBERS_GAP,
    /** A vote for a debate the bill is not in. */
    VOTE_OUT_OF_STAGE,
    /** A presidential objection while the bill is not with the president, or a resolution with no objection pending. */
    OBJECTION_OUT_OF_STAGE,
    /** Art. 166: an objection after the president's time to object had run out. */
    ART_166_LATE_OBJECTION
}
