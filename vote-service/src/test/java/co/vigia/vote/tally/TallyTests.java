package co.vigia.vote.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import org.junit.jupiter.api.Test;

class TallyTests {

    private static TallyResult tally(int yes, int no, int abstain, int absent, int seats, BillKind kind, Debate debate) {
        return Tally.of(new Counts(yes, no, abstain, absent, 0), seats,
                MajorityRule.required(kind, debate, AmendmentRound.FIRST_ROUND));
    }

    @Test
    void art145_decisoryQuorumIsTheMajorityOfTheBodysMembers() {
        assertThat(Tally.decisoryQuorum(19)).isEqualTo(10);
        assertThat(Tally.decisoryQuorum(108)).isEqualTo(55);
        assertThat(Tally.decisoryQuorum(188)).isEqualTo(95);
    }

    @Test
    void art145_withoutTheDecisoryQuorumNothingIsDecidedHoweverTheVotesFall() {
        // 54 of 108 senators present: one short of the quorum, though all voted yes
        TallyResult result = tally(54, 0, 0, 54, 108, BillKind.ORDINARY, Debate.SECOND);
        assertThat(result.quorumPresent()).isFalse();
        assertThat(result.outcome()).isEqualTo(VoteOutcome.NO_QUORUM);
    }

    @Test
    void art145_absentAndExcusedMembersDoNotMakeTheQuorum() {
        TallyResult result = Tally.of(new Counts(5, 4, 0, 5, 5), 19, Majority.SIMPLE);
        assertThat(result.counts().present()).isEqualTo(9);
        assertThat(result.outcome()).isEqualTo(VoteOutcome.NO_QUORUM);
    }

    @Test
    void art146_simpleMajorityIsMoreThanHalfOfTheMembersPresent() {
        // Ley 5 art. 117-1: 60 present in a 108-seat plenary: 31 yes pass, 30 do not
        assertThat(tally(31, 29, 0, 48, 108, BillKind.ORDINARY, Debate.SECOND).outcome()).isEqualTo(VoteOutcome.PASSED);
        TallyResult thirty = tally(30, 29, 1, 48, 108, BillKind.ORDINARY, Debate.SECOND);
        assertThat(thirty.majority()).isEqualTo(Majority.SIMPLE);
        assertThat(thirty.votesNeeded()).isEqualTo(31);
        assertThat(thirty.outcome()).isEqualTo(VoteOutcome.FAILED);
    }

    @Test
    void art146_anAbstentionIsPresentAndWeighsAgainstTheMotion() {
        // 10 present of 19: 5 yes, 4 no, 1 abstains: 5 is not more than half of 10
        TallyResult result = tally(5, 4, 1, 9, 19, BillKind.ORDINARY, Debate.FIRST);
        assertThat(result.quorumPresent()).isTrue();
        assertThat(result.outcome()).isEqualTo(VoteOutcome.FAILED);
    }

    @Test
    void art146_aTieFails() {
        TallyResult result = tally(40, 40, 0, 28, 108, BillKind.ORDINARY, Debate.SECOND);
        assertThat(result.outcome()).isEqualTo(VoteOutcome.FAILED);
        assertThat(tally(94, 94, 0, 0, 188, BillKind.STATUTORY, Debate.FOURTH).outcome()).isEqualTo(VoteOutcome.FAILED);
    }

    @Test
    void art153_aStatutoryLawNeedsTheAbsoluteMajorityOfMembersInEveryDebate() {
        // 60 present of 108: 50 yes is a simple majority but not 55 of the members
        TallyResult result = tally(50, 10, 0, 48, 108, BillKind.STATUTORY, Debate.SECOND);
        assertThat(result.majority()).isEqualTo(Majority.ABSOLUTE);
        assertThat(result.votesNeeded()).isEqualTo(55);
        assertThat(result.outcome()).isEqualTo(VoteOutcome.FAILED);
        assertThat(tally(55, 5, 0, 48, 108, BillKind.STATUTORY, Debate.SECOND).outcome()).isEqualTo(VoteOutcome.PASSED);
        assertThat(MajorityRule.required(BillKind.STATUTORY, Debate.FIRST, null)).isEqualTo(Majority.ABSOLUTE);
    }

    @Test
    void art151_anOrganicLawNeedsTheAbsoluteMajorityOfMembers() {
        assertThat(MajorityRule.required(BillKind.ORGANIC, Debate.FOURTH, null)).isEqualTo(Majority.ABSOLUTE);
    }

    @Test
    void art150_10_extraordinaryPowersNeedTheAbsoluteMajorityOfMembers() {
        assertThat(MajorityRule.required(BillKind.EXTRAORDINARY_POWERS, Debate.SECOND, null)).isEqualTo(Majority.ABSOLUTE);
    }

    @Test
    void art167_overridingAnObjectionOfInconvenienceNeedsHalfPlusOneOfTheMembers() {
        // 188 representatives: the override needs 95 yes, however many are present
        TallyResult passes = tally(95, 25, 0, 68, 188, BillKind.ORDINARY, Debate.OBJECTION_OVERRIDE);
        assertThat(passes.majority()).isEqualTo(Majority.ABSOLUTE);
        assertThat(passes.votesNeeded()).isEqualTo(95);
        assertThat(passes.outcome()).isEqualTo(VoteOutcome.PASSED);
        // 94 yes of 120 present is a landslide among those present, one short of the members' majority
        assertThat(tally(94, 26, 0, 68, 188, BillKind.ORDINARY, Debate.OBJECTION_OVERRIDE).outcome())
                .isEqualTo(VoteOutcome.FAILED);
    }

    @Test
    void art167_insistingAgainstAnObjectionOfUnconstitutionalityNeedsTheAbsoluteMajorityToo() {
        assertThat(MajorityRule.required(BillKind.ORDINARY, Debate.INSISTENCE, null)).isEqualTo(Majority.ABSOLUTE);
    }

    @Test
    void art375_aLegislativeActNeedsTheMembersMajorityOnlyInItsSecondRound() {
        assertThat(MajorityRule.required(BillKind.LEGISLATIVE_ACT, Debate.SECOND, AmendmentRound.FIRST_ROUND))
                .isEqualTo(Majority.SIMPLE);
        assertThat(MajorityRule.required(BillKind.LEGISLATIVE_ACT, Debate.SECOND, null)).isEqualTo(Majority.SIMPLE);
        assertThat(MajorityRule.required(BillKind.LEGISLATIVE_ACT, Debate.SECOND, AmendmentRound.SECOND_ROUND))
                .isEqualTo(Majority.ABSOLUTE);
    }

    @Test
    void art146_ordinaryBudgetPlanAndTreatyLawsTakeTheSimpleMajority() {
        for (BillKind kind : new BillKind[]{BillKind.ORDINARY, BillKind.BUDGET, BillKind.DEVELOPMENT_PLAN,
                BillKind.TREATY_APPROVAL}) {
            assertThat(MajorityRule.required(kind, Debate.JOINT_COMMITTEES, null)).isEqualTo(Majority.SIMPLE);
        }
    }

    @Test
    void art145_146_aTotalsOnlyRollCallIsTalliedFromItsCountsByTheSameRules() {
        // no names published: 13 yes, 2 no of a 19-member committee
        TallyResult result = Tally.of(new Counts(13, 2, 0, 4, 0), 19, Majority.SIMPLE);
        assertThat(result.quorumPresent()).isTrue();
        assertThat(result.votesNeeded()).isEqualTo(8);
        assertThat(result.outcome()).isEqualTo(VoteOutcome.PASSED);
    }

    @Test
    void moreVotesThanSeatsIsNotARollCall() {
        assertThatThrownBy(() -> Tally.of(new Counts(10, 10, 0, 0, 0), 19, Majority.SIMPLE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsAreTakenFromTheMembersChoices() {
        Counts counts = Counts.of(java.util.List.of(VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN,
                VoteChoice.ABSENT, VoteChoice.EXCUSED, VoteChoice.YES));
        assertThat(counts).isEqualTo(new Counts(2, 1, 1, 1, 1));
        assertThat(counts.present()).isEqualTo(4);
        assertThat(counts.total()).isEqualTo(6);
    }
}
