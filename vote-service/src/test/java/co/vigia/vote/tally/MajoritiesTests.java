package co.vigia.vote.tally;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import org.junit.jupiter.api.Test;

/** Issue 25's majorities, each with its article. */
class MajoritiesTests {

    @Test
    void art150_17_aGeneralAmnestyOrPardonNeedsTwoThirdsOfTheMembers() {
        Majority majority = MajorityRule.required(BillKind.ORDINARY, Debate.SECOND, null, true);
        assertThat(majority).isEqualTo(Majority.TWO_THIRDS);
        assertThat(majority.votesNeeded(108, 100)).isEqualTo(72);
        assertThat(majority.votesNeeded(19, 19)).isEqualTo(13); // 2 * 19 / 3 = 12.67
        assertThat(Tally.of(new Counts(71, 0, 0, 37, 0), 108, majority).outcome()).isEqualTo(VoteOutcome.FAILED);
        assertThat(Tally.of(new Counts(72, 0, 0, 36, 0), 108, majority).outcome()).isEqualTo(VoteOutcome.PASSED);
        assertThat(majority.source()).contains("art. 150-17");
    }

    @Test
    void art134_seatsThatCannotBeFilledReduceTheBase() {
        // 19 seats, 3 that cannot be filled: quorum and absolute majority are of 16
        TallyResult result = Tally.of(new Counts(9, 0, 0, 7, 0), 19, 3, Majority.ABSOLUTE);
        assertThat(result.seats()).isEqualTo(16);
        assertThat(result.decisoryQuorum()).isEqualTo(9);
        assertThat(result.votesNeeded()).isEqualTo(9);
        assertThat(result.outcome()).isEqualTo(VoteOutcome.PASSED);
        assertThat(Tally.of(new Counts(9, 0, 0, 10, 0), 19, Majority.ABSOLUTE).outcome()).isEqualTo(VoteOutcome.NO_QUORUM);
    }

    @Test
    void ley5Art286_anImpededMemberIsItsOwnChoiceAndDoesNotCountTowardTheQuorum() {
        Counts counts = Counts.of(java.util.List.of(VoteChoice.YES, VoteChoice.YES, VoteChoice.YES, VoteChoice.YES,
                VoteChoice.YES, VoteChoice.IMPEDED, VoteChoice.IMPEDED, VoteChoice.ABSENT, VoteChoice.ABSENT));
        assertThat(counts.impeded()).isEqualTo(2);
        assertThat(counts.present()).isEqualTo(5);
        assertThat(counts.total()).isEqualTo(9);
        // 9 seats: quorum 5, met by the five who voted, not by the impeded
        assertThat(Tally.of(counts, 9, Majority.SIMPLE).outcome()).isEqualTo(VoteOutcome.PASSED);
        Counts fewer = new Counts(4, 0, 0, 2, 0, 3);
        assertThat(Tally.of(fewer, 9, Majority.SIMPLE).outcome()).isEqualTo(VoteOutcome.NO_QUORUM);
    }

    @Test
    void art153_aStatutoryVerdictCitesArt153BesideLey5Art117() {
        Majority majority = MajorityRule.required(BillKind.STATUTORY, Debate.FIRST, null);
        assertThat(MajorityRule.source(BillKind.STATUTORY, Debate.FIRST, majority))
                .isEqualTo("Const. art. 153; Ley 5 de 1992 art. 117-2");
        assertThat(MajorityRule.source(BillKind.ORDINARY, Debate.OBJECTION_OVERRIDE, Majority.ABSOLUTE))
                .startsWith("Const. art. 167");
        assertThat(MajorityRule.source(BillKind.ORDINARY, Debate.FIRST, Majority.SIMPLE))
                .isEqualTo(Majority.SIMPLE.source());
    }
}
