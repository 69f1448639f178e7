package co.vigia.web.record;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How one member answered a roll call; absent and excused members were not present. */
public enum VoteChoice {
    YES, NO, ABSTAIN, ABSENT, EXCUSED, UNKNOWN;

    @JsonCreator
    public static VoteChoice of(String name) {
        for (VoteChoice c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return UNKNOWN;
    }
}
