package co.vigia.bill.bill;

/** Where a timeline entry came from. */
public enum EntryType {
    /** The bill was registered as filed. */
    FILED,
    /** The bill was registered at a later stage from the record; only its known facts were entered. */
    IMPORTED,
    /** An operator recorded an action (see the entry's {@code action}). */
    ACTION,
    /** vote-service tallied a roll call. */
    VOTE,
    /** An institutional opinion, a presidential objection or a Court ruling (vote-service). */
    OBJECTION,
    OBJECTION_RESOLVED,
    /** The deadline clock archived the bill (arts. 153, 162). */
    LAPSED
}
