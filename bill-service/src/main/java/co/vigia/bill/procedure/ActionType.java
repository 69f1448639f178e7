package co.vigia.bill.procedure;

/**
 * What an operator records on a bill. Some only add to the timeline; others move the bill, and
 * {@link Procedure} says from which stages (an illegal one is refused with the actions allowed).
 */
public enum ActionType {
    /** Moves FILED to the first debate (Ley 5 de 1992 art. 144), or to joint committees under urgency (art. 163). */
    ASSIGNED_TO_COMMITTEE,
    RAPPORTEUR_APPOINTED,
    REPORT_FILED,
    DEBATE_SCHEDULED,
    /** Art. 163: the president's message of urgency; before the first debate it joins the committees. */
    URGENCY_MESSAGE,
    /** Art. 161: the plenaries approved different texts; the bill goes to conciliation instead of sanction. */
    TEXTS_DIFFER,
    /** Art. 165: the day the president received the bill; the art. 166 time to object runs from it. */
    SENT_TO_SANCTION,
    /** Art. 167: the insisted bill is sent to the Constitutional Court. */
    SENT_TO_COURT,
    /** Arts. 153, 167, 241-8: the Court found the bill constitutional; it goes to sanction. */
    COURT_DECLARED_CONSTITUTIONAL,
    /** Arts. 153, 167, 241-8: the Court found the bill unconstitutional; it is archived. */
    COURT_DECLARED_UNCONSTITUTIONAL,
    /** Any other ruling about the bill or the law it became (e.g. C-525/2023); timeline only. */
    COURT_RULING,
    /** Art. 165: the president sanctioned it; it is law. */
    SANCTIONED,
    /** Ley 5 de 1992 art. 155: its authors withdrew it before its first debate was voted. */
    WITHDRAWN,
    /** Anything else worth a line on the timeline (a publication, a hearing). */
    NOTE
}
