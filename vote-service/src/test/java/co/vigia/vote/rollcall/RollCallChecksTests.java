package co.vigia.vote.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.starter.web.ApiProblem.FieldProblem;
import co.vigia.vote.tally.VoteChoice;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollCallChecksTests {

    private static final LocalDate TODAY = LocalDate.of(2023, 4, 20);

    private static RollCallRequest roll(int seats, List<MemberVote> members, Totals totals, LocalDate date,
                                        BodyKind body, Debate debate) {
        return new RollCallRequest("ext-1", "sometimiento", Chamber.SENATE,
                new Body(body, body == BodyKind.PLENARY ? null : "Comisión Primera"), debate, null, date,
                "Aprobar la proposición con que termina el informe de ponencia", seats, members, totals);
    }

    private static MemberVote member(String id, VoteChoice vote) {
        return new MemberVote(id, "Senador " + id, "Partido", vote);
    }

    @Test
    void aConsistentRollCallPasses() {
        assertThat(RollCallChecks.check(roll(3, List.of(member("a", VoteChoice.YES), member("b", VoteChoice.NO)),
                null, TODAY, BodyKind.COMMITTEE, Debate.FIRST), TODAY)).isEmpty();
    }

    @Test
    void aMemberWhoVotesTwiceIsRefusedNamingBothPlaces() {
        List<FieldProblem> problems = RollCallChecks.check(roll(3, List.of(member("a", VoteChoice.YES),
                member("b", VoteChoice.NO), member("a", VoteChoice.NO)), null, TODAY, BodyKind.COMMITTEE,
                Debate.FIRST), TODAY);
        assertThat(problems).extracting(FieldProblem::field).containsExactly("members[2].memberId");
        assertThat(problems.get(0).message()).contains("'a'").contains("members[0]");
    }

    @Test
    void aMemberWithoutIdOrVoteIsRefusedNamingTheField() {
        List<FieldProblem> problems = RollCallChecks.check(roll(3, List.of(member("a", VoteChoice.YES),
                new MemberVote(" ", "Senadora", null, null)), null, TODAY, BodyKind.COMMITTEE, Debate.FIRST), TODAY);
        assertThat(problems).extracting(FieldProblem::field).containsExactly("members[1].memberId", "members[1].vote");
    }

    @Test
    void moreVotesThanSeatsAreRefused() {
        List<FieldProblem> problems = RollCallChecks.check(roll(1, List.of(member("a", VoteChoice.YES),
                member("b", VoteChoice.NO)), null, TODAY, BodyKind.COMMITTEE, Debate.FIRST), TODAY);
        assertThat(problems).extracting(FieldProblem::field).containsExactly("members");
        assertThat(problems.get(0).message()).isEqualTo("2 votes recorded for a body of 1 seats");
        assertThat(RollCallChecks.check(roll(19, null, new Totals(15, 5, 0, 0, 0), TODAY, BodyKind.COMMITTEE,
                Debate.FIRST), TODAY)).extracting(FieldProblem::field).containsExactly("totals");
    }

    @Test
    void aDateInTheFutureIsRefused() {
        assertThat(RollCallChecks.check(roll(19, null, new Totals(10, 2, null, null, null), TODAY.plusDays(1),
                BodyKind.COMMITTEE, Debate.FIRST), TODAY)).extracting(FieldProblem::field).containsExactly("date");
    }

    @Test
    void art157_aPlenaryDoesNotHoldACommitteeDebate() {
        assertThat(RollCallChecks.check(roll(108, null, new Totals(60, 2, null, null, null), TODAY, BodyKind.PLENARY,
                Debate.FIRST), TODAY)).extracting(FieldProblem::field).containsExactly("debate");
        assertThat(RollCallChecks.check(roll(38, null, new Totals(20, 2, null, null, null), TODAY,
                BodyKind.JOINT_COMMITTEES, Debate.JOINT_COMMITTEES), TODAY)).isEmpty();
    }

    @Test
    void aRollCallNeedsNamesOrTotalsButNotBoth() {
        assertThat(RollCallChecks.check(roll(19, null, null, TODAY, BodyKind.COMMITTEE, Debate.FIRST), TODAY))
                .extracting(FieldProblem::field).containsExactly("members");
        assertThat(RollCallChecks.check(roll(19, List.of(member("a", VoteChoice.YES)), new Totals(1, 0, 0, 0, 0),
                TODAY, BodyKind.COMMITTEE, Debate.FIRST), TODAY)).extracting(FieldProblem::field)
                .containsExactly("totals");
    }

    @Test
    void aMemberWithBlankOrOverlongTextIsRefusedNamingEachField() {
        List<FieldProblem> problems = RollCallChecks.check(roll(3, List.of(member("a", VoteChoice.YES),
                new MemberVote(" ", "x".repeat(201), "p".repeat(121), VoteChoice.NO)), null, TODAY, BodyKind.COMMITTEE,
                Debate.FIRST), TODAY);
        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("members[1].memberId", "members[1].name", "members[1].party");
        assertThat(problems).extracting(FieldProblem::message)
                .containsExactly("must not be blank", "must be at most 200 characters", "must be at most 120 characters");
    }

    @Test
    void theContentHashIsTheSha256OfTheRequestsJsonAsStoredHashesWereMade() throws Exception {
        RollCallRequest request = roll(3, List.of(member("a", VoteChoice.YES), member("b", VoteChoice.NO)), null, TODAY,
                BodyKind.COMMITTEE, Debate.FIRST);
        byte[] json = co.vigia.contracts.EventCodec.mapper().writeValueAsBytes(request);
        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(json));
        assertThat(ContentHash.of(request)).isEqualTo(expected);
    }

    @Test
    void ley1431de2011_anOrdinaryVoteIsAValidRecordWithTotalsAndNoNames_orWithItsDeclaredResult() {
        RollCallRequest unanimous = roll(19, null, new Totals(19, 0, null, null, null), TODAY, BodyKind.COMMITTEE,
                Debate.FIRST);
        assertThat(RollCallChecks.check(unanimous, TODAY)).isEmpty();
        RollCallRequest yesOnly = new RollCallRequest("ext-2", "paz-total", Chamber.HOUSE, new Body(BodyKind.PLENARY, null),
                Debate.SECOND, null, TODAY, "Aprobar el articulado", 188, null, new Totals(125, null, null, null, null),
                null, null, co.vigia.contracts.VoteOutcome.PASSED, null);
        assertThat(RollCallChecks.check(yesOnly, TODAY)).isEmpty();
        RollCallRequest noResult = roll(188, null, new Totals(125, null, null, null, null), TODAY, BodyKind.PLENARY,
                Debate.SECOND);
        assertThat(RollCallChecks.check(noResult, TODAY)).extracting(FieldProblem::field).containsExactly("totals.no");
        RollCallRequest declaredOnly = new RollCallRequest("ext-3", "paz-total", Chamber.HOUSE,
                new Body(BodyKind.JOINT_COMMITTEES, "Comisiones Primeras conjuntas"), Debate.JOINT_COMMITTEES, null, TODAY,
                "Aprobar el proyecto", 38, null, null, null, null, co.vigia.contracts.VoteOutcome.PASSED, null);
        assertThat(RollCallChecks.check(declaredOnly, TODAY)).isEmpty();
    }

    @Test
    void art134_votesBeyondTheSeatsThatCanBeFilledAreRefused() {
        RollCallRequest tooMany = new RollCallRequest("ext-4", "sometimiento", Chamber.SENATE,
                new Body(BodyKind.PLENARY, null), Debate.SECOND, null, TODAY, "Aprobar", 10, null,
                new Totals(9, 0, null, null, null), 2, null, null, null);
        assertThat(RollCallChecks.check(tooMany, TODAY)).extracting(FieldProblem::field).containsExactly("totals");
    }
}
