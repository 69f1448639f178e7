package co.vigia.bill.procedure;

/**
 * What an operator records on a bill. Some only add to the timeline; others move the bill, and
 * {@link Procedure} says from which stages (an illegal one is refused with the actions allowed).
 */
public enum ActionType {
    /**
     * Moves FILED to the first debate (Ley 5 de 1992 art. 144), or to joint committees when the government asked
     * for joint deliberation (art. 163).
     */
    ASSIGNED_TO_COMMITTEE,
    RAPPORTEUR_APPOINTED,
    REPORT_FILED,
    DEBATE_SCHEDULED,
    /**
     * Art. 163: the president's message of urgency: the chamber must decide within 30 days; it may be repeated at
     * every stage. It moves nothing: the committees deliberate jointly only if the government asks for it.
     */
    URGENCY_MESSAGE,
    /** Art. 163: the government asks the committees to deliberate jointly for the first debate (under urgency). */
    JOINT_DELIBERATION_REQUESTED,
    /** Art. 160 (AL 01 de 2003): in this session the vote was announced for a later one ({@code forSession}). */
    ANNOUNCED,
    /** Art. 160: the debate started (a debate may span sessions; the gaps run to its start). */
    DEBATE_STARTED,
    /** A session of the body that holds the bill's debate (body, date, start and end time in the text). */
    SESSION_HELD,
    /** Arts. 157-1, 161: a publication in the Gaceta del Congreso (what, number, date, URL). */
    PUBLISHED,
    /** Art. 159; Ley 5 de 1992 art. 166: an appeal to the plenary against the committee's rejection. */
    APPEALED,
    /** Ley 5 de 1992 art. 166: the plenary upheld the appeal and sent the bill to another committee. */
    APPEAL_UPHELD,
    /** Ley 5 de 1992 art. 166: the plenary dismissed the appeal; the rejection is final. */
    APPEAL_DISMISSED,
    /** Art. 161: the plenaries approved different texts; the bill goes to conciliation instead of sanction. */
    TEXTS_DIFFER,
    /** Art. 165: the day the government received the bill; the art. 166 time to object runs from the day after. */
    RECEIVED_BY_GOVERNMENT,
    /** The same as {@link #RECEIVED_BY_GOVERNMENT} (its former name, kept for clients). */
    SENT_TO_SANCTION,
    /** Art. 167: the insisted bill is sent to the Constitutional Court. */
    SENT_TO_COURT,
    /** Arts. 153, 167, 241-8: the Court found the bill constitutional; it goes to sanction. */
    COURT_DECLARED_CONSTITUTIONAL,
    /** Arts. 153, 167, 241-8: the Court found the bill unconstitutional; it is archived. */
    COURT_DECLARED_UNCONSTITUTIONAL,
    /** Art. 167: the Court found an insisted bill partly unconstitutional; its chamber of origin redoes them. */
    COURT_DECLARED_PARTIALLY_UNCONSTITUTIONAL,
    /** Any other ruling about the bill or the law it became (e.g. C-525/2023); timeline only. */
    COURT_RULING,
    /** Art. 165: the president sanctioned it; it is law. */
    SANCTIONED,
    /** Art. 168: the president did not sanction in time, so the president of Congress did. */
    SANCTIONED_BY_CONGRESS_PRESIDENT,
    /**
     * Ley 5 de 1992 art. 155: its author withdrew it before the first-debate report was filed; a government bill
     * needs the committee's acceptance.
     */
    WITHDRAWN,
    /** Anything else worth a line on the timeline (a publication, a hearing). */
    NOTE
}
