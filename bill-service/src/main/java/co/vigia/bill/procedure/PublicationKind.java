package co.vigia.bill.procedure;

/** What a publication in the Gaceta del Congreso carried. */
public enum PublicationKind {
    /** Art. 157-1: the bill as filed, before the committee takes it up. */
    BILL_TEXT,
    /** A debate's report (ponencia); Ley 5 de 1992 arts. 156-157: before that debate starts. */
    REPORT,
    /** Art. 161: the conciliation report, at least one day before the plenaries vote it. */
    CONCILIATION_REPORT,
    /** The text approved in a debate, or anything else published. */
    OTHER
}
