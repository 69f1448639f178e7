package co.vigia.vote.rollcall;

import co.vigia.vote.tally.Counts;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The totals of a roll call published without names. {@code no} may be left out only for an ordinary vote recorded
 * by its declared result (Ley 1431 de 2011), when the record gives only the votes in favour.
 */
public record Totals(@NotNull @Min(0) Integer yes, @Min(0) Integer no, @Min(0) Integer abstain,
                     @Min(0) Integer absent, @Min(0) Integer excused, @Min(0) Integer impeded) {

    public Totals(Integer yes, Integer no, Integer abstain, Integer absent, Integer excused) {
        this(yes, no, abstain, absent, excused, null);
    }

    public Counts counts() {
        return new Counts(yes, orZero(no), orZero(abstain), orZero(absent), orZero(excused), orZero(impeded));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
