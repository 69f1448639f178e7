package co.vigia.vote.tally;

import co.vigia.contracts.VoteOutcome;

/**
 * The verdict on one roll call.
 *
 * @param decisoryQuorum members that had to be present for the body to decide (art. 145)
 * @param votesNeeded    YES votes the required majority asked for
 */
public record TallyResult(Counts counts, int seats, int decisoryQuorum, boolean quorumPresent, Majority majority,
                          int votesNeeded, VoteOutcome outcome) {
}
