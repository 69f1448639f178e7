package co.vigia.bill.procedure;

import co.vigia.contracts.Debate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a bill stands in the procedure (Constitution arts. 157-167). A debate stage means the bill is
 * awaiting or in that debate. Events carry these names as strings.
 */
public enum Stage {
    FILED,
    /** Committee of the chamber of origin (art. 157-2). */
    FIRST_DEBATE,
    /** Plenary of the chamber of origin (art. 157-3). */
    SECOND_DEBATE,
    /** Committee of the other chamber. */
    THIRD_DEBATE,
    /** Plenary of the other chamber. */
    FOURTH_DEBATE,
    /** Art. 163: under a message of urgency both committees give the first and third debates jointly. */
    JOINT_COMMITTEES,
    /**
     * Art. 159; Ley 5 de 1992 art. 166: the committee voted the bill down; its author, a member, the government or the
     * proponents' spokesperson may appeal to the plenary, which may send it to another committee. Not final yet.
     */
    REJECTED_IN_COMMITTEE,
    /** Art. 161: the plenaries approved different texts. */
    CONCILIATION,
    /** Art. 153 and 241-8: a statutory bill's automatic prior review by the Constitutional Court. */
    COURT_PRIOR_REVIEW,
    /** Art. 165: with the president, who sanctions or objects (art. 166). */
    SENT_TO_SANCTION,
    OBJECTED_UNCONSTITUTIONALITY,
    OBJECTED_INCONVENIENCE,
    /** Art. 167: both chambers insisted on a bill objected as unconstitutional; it goes to the Court. */
    INSISTED,
    /** Art. 167 and 241-8: the Court decides an insisted objection of unconstitutionality. */
    COURT_REVIEW_OF_OBJECTION,
    /** Art. 167: the Court found the bill partly unconstitutional; its chamber of origin redoes those articles. */
    RETURNED_TO_CHAMBER_OF_ORIGIN,
    SANCTIONED,
    /** See {@link ArchiveReason}. */
    ARCHIVED,
    WITHDRAWN;

    private static final Set<Stage> CLOSED = EnumSet.of(SANCTIONED, ARCHIVED, WITHDRAWN);
    private static final Set<Stage> IN_CONGRESS = EnumSet.of(FILED, FIRST_DEBATE, SECOND_DEBATE, THIRD_DEBATE,
            FOURTH_DEBATE, JOINT_COMMITTEES, REJECTED_IN_COMMITTEE, CONCILIATION);

    public boolean isClosed() {
        return CLOSED.contains(this);
    }

    /** Still before Congress, so the art. 162 limit of legislatures runs. */
    public boolean isInCongress() {
        return IN_CONGRESS.contains(this);
    }

    /** The stage a vote of this debate belongs to. */
    public static Stage of(Debate debate) {
        return switch (debate) {
            case FIRST -> FIRST_DEBATE;
            case SECOND -> SECOND_DEBATE;
            case THIRD -> THIRD_DEBATE;
            case FOURTH -> FOURTH_DEBATE;
            case JOINT_COMMITTEES -> JOINT_COMMITTEES;
            case CONCILIATION -> CONCILIATION;
            case INSISTENCE -> OBJECTED_UNCONSTITUTIONALITY;
            case OBJECTION_OVERRIDE -> OBJECTED_INCONVENIENCE;
        };
    }

    public Optional<Debate> debate() {
        return switch (this) {
            case FIRST_DEBATE -> Optional.of(Debate.FIRST);
            case SECOND_DEBATE -> Optional.of(Debate.SECOND);
            case THIRD_DEBATE -> Optional.of(Debate.THIRD);
            case FOURTH_DEBATE -> Optional.of(Debate.FOURTH);
            case JOINT_COMMITTEES -> Optional.of(Debate.JOINT_COMMITTEES);
            case CONCILIATION -> Optional.of(Debate.CONCILIATION);
            default -> Optional.empty();
        };
    }
}
