package co.vigia.bill.procedure;

import co.vigia.contracts.Debate;
import java.time.LocalDate;

/**
 * The details some actions carry: which debate (defaults to the stage's), the session a vote is announced for,
 * what a publication carried and where, the committee's acceptance of a government bill's withdrawal, and the
 * president's objection deadline (for a sanction by the president of Congress, art. 168).
 */
public record ActionFacts(Debate debate, LocalDate forSession, PublicationKind publication, String gacetaNumber,
                          LocalDate gacetaDate, String sourceUrl, boolean committeeAccepted,
                          LocalDate objectionDeadline) {

    public static final ActionFacts NONE = new ActionFacts(null, null, null, null, null, null, false, null);
}
