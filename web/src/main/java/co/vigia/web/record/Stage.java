package co.vigia.web.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a bill stands, as bill-service publishes it (Constitution arts. 157-167). A stage this site does not know yet
 * reads as {@link #UNKNOWN} so a newer bill-service never breaks a page.
 */
public enum Stage {
    FILED, FIRST_DEBATE, SECOND_DEBATE, THIRD_DEBATE, FOURTH_DEBATE, JOINT_COMMITTEES, REJECTED_IN_COMMITTEE,
    CONCILIATION, COURT_PRIOR_REVIEW, SENT_TO_SANCTION, OBJECTED_UNCONSTITUTIONALITY, OBJECTED_INCONVENIENCE,
    INSISTED, COURT_REVIEW_OF_OBJECTION, RETURNED_TO_CHAMBER_OF_ORIGIN, SANCTIONED, ARCHIVED, WITHDRAWN, UNKNOWN;

    private static final Set<Stage> CLOSED = EnumSet.of(SANCTIONED, ARCHIVED, WITHDRAWN);

    @JsonCreator
    public static Stage of(String name) {
        for (Stage s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    public boolean isClosed() {
        return CLOSED.contains(this);
    }

    /** The stages a visitor can filter by (not UNKNOWN). */
    public static Set<Stage> filterable() {
        return EnumSet.complementOf(EnumSet.of(UNKNOWN));
    }
}
