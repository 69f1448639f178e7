package co.vigia.web.record;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Why a bill was archived, as bill-service publishes it; {@link #UNKNOWN} for a reason this site does not know. */
public enum ArchiveReason {
    REJECTED, LAPSED, CONCILIATION_FAILED, OBJECTION_ACCEPTED, OBJECTION_UPHELD_BY_COURT, STRUCK_DOWN_BY_COURT, UNKNOWN;

    @JsonCreator
    public static ArchiveReason of(String name) {
        for (ArchiveReason r : values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return UNKNOWN;
    }
}
