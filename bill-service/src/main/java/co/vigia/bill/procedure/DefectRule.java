package co.vigia.bill.procedure;

/**
 * The rules a bill's procedure may have broken; flagged, never refused (Congress sometimes breaks its own rules).
 * Each names its article and whether Congress can still cure it by redoing the step while the bill is before it
 * (art. 241 parágrafo lets the Court return curable defects; those the rule marks incurable cannot be redone).
 */
public enum DefectRule {
    /** Art. 160: at least 8 days between committee approval and the start of the plenary debate. */
    ART_160_COMMITTEE_TO_PLENARY_GAP("art. 160", true),
    /** Art. 160: at least 15 days between passage in one chamber and the start of the debate in the other. */
    ART_160_BETWEEN_CHAMBERS_GAP("art. 160", true),
    /** Art. 160 last paragraph (Acto Legislativo 01 de 2003): voted in a session it was not announced for. */
    ART_160_UNANNOUNCED_VOTE("art. 160 (Acto Legislativo 01 de 2003)", true),
    /** Art. 157-1: the bill taken up by the committee before it was published in the Gaceta del Congreso. */
    ART_157_BILL_NOT_PUBLISHED("art. 157-1", true),
    /** Ley 5 de 1992 arts. 156-157: a debate started before its report (ponencia) was published. */
    REPORT_NOT_PUBLISHED("Ley 5 de 1992 arts. 156-157", true),
    /** Art. 161: the conciliation report voted less than one day after its publication, or unpublished. */
    ART_161_CONCILIATION_REPORT_NOT_PUBLISHED("art. 161", true),
    /** Art. 138 (reformed 2023): statutory laws and constitutional reforms are not processed 16 Feb-15 Mar. */
    ART_138_STATUTORY_PAUSE("art. 138 (Acto Legislativo 02 de 2023)", true),
    /** A vote for a debate the bill is not in (arts. 157, 161). */
    VOTE_OUT_OF_STAGE("arts. 157, 161", true),
    /** A presidential objection while the bill is not with the president, or a resolution with no objection pending. */
    OBJECTION_OUT_OF_STAGE("arts. 165-167", false),
    /** Art. 166: an objection after the president's time to object had run out. */
    ART_166_LATE_OBJECTION("art. 166", false);

    private final String article;
    private final boolean curable;

    DefectRule(String article, boolean curable) {
        this.article = article;
        this.curable = curable;
    }

    public String article() {
        return article;
    }

    /** Whether redoing the step can cure it, as long as the bill is still before Congress. */
    public boolean curable() {
        return curable;
    }
}
