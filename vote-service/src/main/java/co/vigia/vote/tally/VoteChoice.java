package co.vigia.vote.tally;

/**
 * How one member answered a roll call. ABSENT and EXCUSED members are not present, so they count toward
 * neither the quorum nor the votes of those present; an abstention is a present member who did not vote
 * yes or no.
 */
public enum VoteChoice {
    YES, NO, ABSTAIN, ABSENT, EXCUSED;

    public boolean present() {
        return this == YES || this == NO || this == ABSTAIN;
    }
}
