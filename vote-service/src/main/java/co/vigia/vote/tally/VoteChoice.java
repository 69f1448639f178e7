package co.vigia.vote.tally;

/**
 * How one member answered a roll call. ABSENT and EXCUSED members are not present, so they count toward
 * neither the quorum nor the votes of those present; an abstention is a present member who did not vote
 * yes or no. IMPEDED: the member declared a conflict of interest (impedimento, Ley 5 de 1992 arts. 286-294) and
 * does not vote; it does not count toward that vote's quorum.
 */
public enum VoteChoice {
    YES, NO, ABSTAIN, ABSENT, EXCUSED, IMPEDED;

    public boolean present() {
        return this == YES || this == NO || this == ABSTAIN;
    }
}
