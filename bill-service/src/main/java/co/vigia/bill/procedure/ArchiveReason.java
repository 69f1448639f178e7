package co.vigia.bill.procedure;

/** Why a bill was archived. */
public enum ArchiveReason {
    /** A plenary voted it down (art. 157), or a committee did and no appeal revived it (art. 159). */
    REJECTED,
    /** Its time ran out: art. 162 (two legislatures) or art. 153 (one, statutory laws). */
    LAPSED,
    /** A plenary voted the conciliated text down (art. 161). */
    CONCILIATION_FAILED,
    /** Congress accepted the president's objection, or did not insist (art. 167). */
    OBJECTION_ACCEPTED,
    /** The Court found an insisted objection of unconstitutionality founded (art. 167). */
    OBJECTION_UPHELD_BY_COURT,
    /** The Court's prior review found a statutory bill unconstitutional (art. 153, 241-8). */
    STRUCK_DOWN_BY_COURT
}
