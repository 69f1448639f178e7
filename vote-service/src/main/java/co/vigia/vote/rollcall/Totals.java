package co.vigia.vote.rollcall;

import co.vigia.vote.tally.Counts;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The totals of a roll call published without names. */
public record Totals(@NotNull @Min(0) Integer yes, @NotNull @Min(0) Integer no, @Min(0) Integer abstain,
                     @Min(0) Integer absent, @Min(0) Integer excused) {

    public Counts counts() {
        return new Counts(yes, no, orZero(abstain), orZero(absent), orZero(excused));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
