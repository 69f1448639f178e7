package co.vigia.vote.tally;

import co.vigia.contracts.VoteOutcome;

/** Tallies a roll call: the decisory quorum first, then the required majority. */
public final class Tally {

    private Tally() {
    }

    /**
     * Quórum decisorio (Const. art. 145): "las decisiones sólo podrán tomarse con la asistencia de la mayoría
     * de los integrantes de la respectiva corporación": more than half of the seats, {@code floor(seats/2)+1}.
     */
    public static int decisoryQuorum(int seats) {
        return seats / 2 + 1;
    }

    public static TallyResult of(Counts counts, int seats, Majority majority) {
        return of(counts, seats, 0, majority);
    }

    /**
     * @param vacantSeats seats that cannot be filled (Const. art. 134): they do not count toward the base of the
     *                    quorum and the majorities of members
     */
    public static TallyResult of(Counts counts, int bodySeats, int vacantSeats, Majority majority) {
        int seats = bodySeats - vacantSeats;
        if (vacantSeats < 0 || seats <= 0) {
            throw new IllegalArgumentException("a body has at least one seat that can be filled");
        }
        if (counts.total() > seats) {
            throw new IllegalArgumentException(counts.total() + " votes for " + seats + " seats");
        }
        int quorum = decisoryQuorum(seats);
        boolean quorumPresent = counts.present() >= quorum;
        int needed = majority.votesNeeded(seats, counts.present());
        VoteOutcome outcome;
        if (!quorumPresent) {
            outcome = VoteOutcome.NO_QUORUM;
        } else {
            outcome = counts.yes() >= needed ? VoteOutcome.PASSED : VoteOutcome.FAILED;
        }
        return new TallyResult(counts, seats, quorum, quorumPresent, majority, needed, outcome);
    }
}
