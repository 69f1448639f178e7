package co.vigia.vote.billfacts;

import co.vigia.contracts.BillKind;

/**
 * What vote-service needs to know about a bill: its kind (the majority it needs) and its stage (whether a
 * presidential objection can be filed). bill-service owns both.
 *
 * @param stage bill-service's stage name, e.g. FIRST_DEBATE, SENT_TO_SANCTION
 */
public record BillFacts(String billId, BillKind kind, String stage) {

    /** The stage in which a bill awaits the president's sanction or objection (arts. 165-166). */
    public static final String SENT_TO_SANCTION = "SENT_TO_SANCTION";

    public boolean awaitsSanction() {
        return SENT_TO_SANCTION.equals(stage);
    }
}
