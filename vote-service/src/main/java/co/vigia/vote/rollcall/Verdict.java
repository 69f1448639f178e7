package co.vigia.vote.rollcall;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.VoteOutcome;
import co.vigia.vote.tally.Majority;
import co.vigia.vote.tally.TallyResult;

/** The tally of a roll call as stored: which rule applied (from the bill's kind) and the outcome. */
public record Verdict(BillKind billKind, int decisoryQuorum, boolean quorumPresent, Majority requiredMajority,
                      String majoritySource, int votesNeeded, VoteOutcome outcome) {

    static Verdict of(BillKind kind, TallyResult result) {
        return of(kind, result, result.majority().source());
    }

    static Verdict of(BillKind kind, TallyResult result, String majoritySource) {
        return new Verdict(kind, result.decisoryQuorum(), result.quorumPresent(), result.majority(),
                majoritySource, result.votesNeeded(), result.outcome());
    }
}
