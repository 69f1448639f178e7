package co.vigia.contracts.objection;

/** How a formal objection ended (arts. 167, 241-8). */
public enum ObjectionResolution {
    /** Congress accepted the president's objection. */
    ACCEPTED,
    /** Congress rejected the objection (insisted on the bill). */
    REJECTED,
    /** Congress overrode an objection of inconvenience by absolute majority. */
    OVERRIDDEN,
    /** The Constitutional Court found the objection of unconstitutionality founded. */
    UPHELD_BY_COURT,
    /** The Constitutional Court found the objection unfounded: the president must sanction. */
    DISMISSED_BY_COURT
}
