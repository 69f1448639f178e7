package co.vigia.vote.billfacts;

import co.vigia.contracts.BillKind;
import java.time.LocalDate;

/**
 * What vote-service needs to know about a bill: its kind (the majority it needs) and its stage (whether a
 * presidential objection can be filed). bill-service owns both.
 *
 * @param stage   bill-service's stage name, e.g. FIRST_DEBATE, SENT_TO_SANCTION
 * @param filedOn when the bill was filed in Congress; null when not known
 */
public record BillFacts(String billId, BillKind kind, String stage, LocalDate filedOn) {

    /** Facts without the filing date (not known to an older event or answer). */
    public BillFacts(String billId, BillKind kind, String stage) {
        this(billId, kind, stage, null);
    }

    /** A vote or act dated before the bill was filed cannot be about it. */
    public boolean filedAfter(LocalDate date) {
        return filedOn != null && date != null && date.isBefore(filedOn);
    }

    /** The stage in which a bill awaits the president's sanction or objection (arts. 165-166). */
    public static final String SENT_TO_SANCTION = "SENT_TO_SANCTION";

    public boolean awaitsSanction() {
        return SENT_TO_SANCTION.equals(stage);
    }
}
