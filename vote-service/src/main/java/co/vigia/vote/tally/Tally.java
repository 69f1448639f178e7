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
        if (seats <= 0) {
            throw new IllegalArgumentException("a body has at least one seat");
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
