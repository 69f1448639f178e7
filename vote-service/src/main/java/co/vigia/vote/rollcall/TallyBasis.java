package co.vigia.vote.rollcall;

import co.vigia.contracts.VoteOutcome;

/**
 * What besides the counts decides a roll call's tally: seats that cannot be filled (Const. art. 134), a general
 * amnesty or pardon (two thirds, art. 150-17), and, for an ordinary vote (Ley 1431 de 2011) whose record gives the
 * declared result but not every count, that result.
 */
public record TallyBasis(int vacantSeats, boolean generalAmnestyOrPardon, VoteOutcome declaredOutcome) {

    public static final TallyBasis NONE = new TallyBasis(0, false, null);

    static TallyBasis of(RollCallRequest request) {
        return new TallyBasis(request.vacantSeats() == null ? 0 : request.vacantSeats(),
                Boolean.TRUE.equals(request.generalAmnestyOrPardon()), request.declaredOutcome());
    }

    /** Whether the counts are the whole record (false for an ordinary vote recorded by its declared result). */
    public boolean countsComplete() {
        return declaredOutcome == null;
    }
}
