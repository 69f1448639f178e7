package co.vigia.vote.tally;

/**
 * The two ordinary periods across which a legislative act (constitutional amendment) is debated
 * (Const. art. 375): the majority it needs differs between them.
 */
public enum AmendmentRound {
    FIRST_ROUND, SECOND_ROUND
}
