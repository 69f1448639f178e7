package co.vigia.vote.rollcall;

import co.vigia.contracts.Debate;
import java.util.EnumSet;
import java.util.Set;

/** The body that voted: a standing committee, the plenary, or both committees jointly under urgency. */
public enum BodyKind {
    /** First and third debates (Const. art. 157-2). */
    COMMITTEE(EnumSet.of(Debate.FIRST, Debate.THIRD)),
    /** Second and fourth debates, conciliation, insistence and overrides (arts. 157-3, 161, 167). */
    PLENARY(EnumSet.of(Debate.SECOND, Debate.FOURTH, Debate.CONCILIATION, Debate.INSISTENCE,
            Debate.OBJECTION_OVERRIDE)),
    /** Joint session of both chambers' committees under a message of urgency (art. 163). */
    JOINT_COMMITTEES(EnumSet.of(Debate.JOINT_COMMITTEES));

    private final Set<Debate> debates;

    BodyKind(Set<Debate> debates) {
        this.debates = debates;
    }

    /** Whether this body holds that debate. */
    public boolean holds(Debate debate) {
        return debates.contains(debate);
    }
}
