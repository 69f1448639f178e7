package co.vigia.contracts;

/** The outcome of a roll call as vote-service tallies it. */
public enum VoteOutcome {
    PASSED, FAILED, NO_QUORUM
}
