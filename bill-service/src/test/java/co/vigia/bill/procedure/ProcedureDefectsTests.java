package co.vigia.bill.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The procedural-defect radar's rules, each with its article: what the recorded facts show, and nothing more. */
class ProcedureDefectsTests {

    static final LocalDate FILED = LocalDate.of(2023, 3, 15);
    static final String GACETA = "https://example.org/gaceta";

    static Procedure inFirstDebate() {
        Procedure p = Procedure.filed(BillKind.ORDINARY, false, FILED);
        p.onAction(ActionType.ASSIGNED_TO_COMMITTEE, FILED.plusDays(5));
        return p;
    }

    static ActionFacts announcedFor(LocalDate session) {
        return new ActionFacts(null, session, null, null, null, "https://example.org/acta", false, null);
    }

    static ActionFacts published(PublicationKind kind, String number, LocalDate on) {
        return new ActionFacts(null, null, kind, number, on, GACETA, false, null);
    }

    @Test
    void art160_alAct01de2003_aVoteInASessionForWhichItWasNotAnnouncedIsADefect() {
        Procedure p = inFirstDebate();
        p.onAction(ActionType.ANNOUNCED, LocalDate.of(2023, 4, 4), announcedFor(LocalDate.of(2023, 4, 11)));
        Outcome vote = p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 12));
        assertThat(vote.change().to()).as("reality first: the vote is applied").isEqualTo(Stage.SECOND_DEBATE);
        assertThat(vote.defects()).extracting(Defect::rule).contains(DefectRule.ART_160_UNANNOUNCED_VOTE);
        Defect unannounced = vote.defects().stream()
                .filter(d -> d.rule() == DefectRule.ART_160_UNANNOUNCED_VOTE).findFirst().orElseThrow();
        assertThat(unannounced.facts()).extracting(Fact::date)
                .containsExactly(LocalDate.of(2023, 4, 4), LocalDate.of(2023, 4, 12));
        assertThat(unannounced.facts().get(0).sourceUrl()).isEqualTo("https://example.org/acta");
        assertThat(DefectRule.ART_160_UNANNOUNCED_VOTE.article()).contains("art. 160").contains("01 de 2003");
        assertThat(DefectRule.ART_160_UNANNOUNCED_VOTE.curable()).isTrue();
    }

    @Test
    void art160_aVoteAnnouncedInAnEarlierSessionForItsSessionIsNoDefect() {
        Procedure p = inFirstDebate();
        p.onAction(ActionType.PUBLISHED, LocalDate.of(2023, 3, 16), published(PublicationKind.BILL_TEXT, "150", LocalDate.of(2023, 3, 16)));
        p.onAction(ActionType.PUBLISHED, LocalDate.of(2023, 4, 3), new ActionFacts(Debate.FIRST, null,
                PublicationKind.REPORT, "300", LocalDate.of(2023, 4, 3), GACETA, false, null));
        p.onAction(ActionType.ANNOUNCED, LocalDate.of(2023, 4, 4), announcedFor(LocalDate.of(2023, 4, 11)));
        assertThat(p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11)).defects())
                .isEmpty();
    }

    @Test
    void art160_aSessionHeldWithoutAnnouncingTheVoteShowsAnUnannouncedVote() {
        Procedure p = inFirstDebate();
        p.onAction(ActionType.SESSION_HELD, LocalDate.of(2023, 4, 4));
        assertThat(p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11)).defects())
                .extracting(Defect::rule).contains(DefectRule.ART_160_UNANNOUNCED_VOTE);
    }

    @Test
    void art160_nothingRecordedOfADebateIsNotADefect() {
        // what nobody recorded is unknown: no announcement, no publication flagged (no false defect)
        Procedure p = inFirstDebate();
        assertThat(p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11)).defects())
                .isEmpty();
    }

    @Test
    void art160_theGapsRunToTheStartOfTheNextDebateNotToItsVote() {
        Procedure p = inFirstDebate();
        p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        // the plenary debate started 5 days later and was voted 10 days later: the gap was broken at the start
        Outcome start = p.onAction(ActionType.DEBATE_STARTED, LocalDate.of(2023, 4, 16));
        assertThat(start.defects()).extracting(Defect::rule).containsExactly(DefectRule.ART_160_COMMITTEE_TO_PLENARY_GAP);
        assertThat(start.defects().get(0).description()).contains("started on 2023-04-16").contains("5 days");
        assertThat(p.onVote(Debate.SECOND, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 21)).defects())
                .extracting(Defect::rule).doesNotContain(DefectRule.ART_160_COMMITTEE_TO_PLENARY_GAP);
        // a debate started in time and voted later is no defect, however many sessions it spans
        Procedure q = inFirstDebate();
        q.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        assertThat(q.onAction(ActionType.DEBATE_STARTED, LocalDate.of(2023, 4, 19)).defects()).isEmpty();
        assertThat(q.onAction(ActionType.DEBATE_STARTED, LocalDate.of(2023, 4, 20)).defects()).isEmpty();
        assertThat(q.getRecord().startedOn(Debate.SECOND)).contains(LocalDate.of(2023, 4, 19));
    }

    @Test
    void art157_1_aCommitteeTakingUpABillNotYetPublishedInTheGacetaIsADefect() {
        Procedure p = inFirstDebate();
        Outcome start = p.onAction(ActionType.DEBATE_STARTED, LocalDate.of(2023, 4, 4));
        assertThat(start.defects()).extracting(Defect::rule)
                .containsExactlyInAnyOrder(DefectRule.ART_157_BILL_NOT_PUBLISHED, DefectRule.REPORT_NOT_PUBLISHED);
        Procedure q = inFirstDebate();
        q.onAction(ActionType.PUBLISHED, LocalDate.of(2023, 3, 16), published(PublicationKind.BILL_TEXT, "150", LocalDate.of(2023, 3, 16)));
        q.onAction(ActionType.PUBLISHED, LocalDate.of(2023, 4, 3), new ActionFacts(Debate.FIRST, null,
                PublicationKind.REPORT, "300", LocalDate.of(2023, 4, 3), GACETA, false, null));
        assertThat(q.onAction(ActionType.DEBATE_STARTED, LocalDate.of(2023, 4, 4)).defects()).isEmpty();
    }

    @Test
    void art161_theConciliationReportPublishedLessThanADayBeforeTheVoteIsADefect() {
        Procedure p = ProcedureTests.assigned(BillKind.ORDINARY);
        ProcedureTests.fourDebates(p);
        p.onAction(ActionType.TEXTS_DIFFER, LocalDate.of(2023, 6, 7));
        p.onAction(ActionType.PUBLISHED, LocalDate.of(2023, 6, 13),
                published(PublicationKind.CONCILIATION_REPORT, "700", LocalDate.of(2023, 6, 13)));
        Outcome sameDay = p.onVote(Debate.CONCILIATION, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 6, 13));
        assertThat(sameDay.defects()).extracting(Defect::rule)
                .contains(DefectRule.ART_161_CONCILIATION_REPORT_NOT_PUBLISHED);
        Outcome nextDay = p.onVote(Debate.CONCILIATION, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 6, 14));
        assertThat(nextDay.defects()).extracting(Defect::rule)
                .doesNotContain(DefectRule.ART_161_CONCILIATION_REPORT_NOT_PUBLISHED);
    }

    @Test
    void art138_al02de2023_aStatutoryBillDebatedBetween16FebruaryAnd15MarchIsADefectFrom2024() {
        Procedure p = Procedure.filed(BillKind.STATUTORY, false, LocalDate.of(2024, 1, 10));
        p.onAction(ActionType.ASSIGNED_TO_COMMITTEE, LocalDate.of(2024, 1, 10));
        assertThat(p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2024, 3, 5)).defects())
                .extracting(Defect::rule).containsExactly(DefectRule.ART_138_STATUTORY_PAUSE);
        assertThat(ProcedureChecks.inPause(LocalDate.of(2024, 3, 16))).isFalse();
        assertThat(ProcedureChecks.inPause(LocalDate.of(2024, 2, 16))).isTrue();
        assertThat(ProcedureChecks.inPause(LocalDate.of(2023, 3, 1))).as("before the reform").isFalse();
        Procedure ordinary = Procedure.filed(BillKind.ORDINARY, false, LocalDate.of(2024, 1, 10));
        ordinary.onAction(ActionType.ASSIGNED_TO_COMMITTEE, LocalDate.of(2024, 1, 10));
        assertThat(ordinary.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2024, 3, 5))
                .defects()).isEmpty();
    }
}
