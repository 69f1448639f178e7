package co.vigia.bill.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.ObjectionResolution;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** From the last vote to the law: conciliation first, the government's receipt, sanction (arts. 161, 165-168). */
class ProcedureSanctionTests {

    static Procedure passed() {
        Procedure p = ProcedureTests.assigned(BillKind.ORDINARY);
        ProcedureTests.fourDebates(p);
        return p;
    }

    @Test
    void art161_165_conciliationComesBeforeTheGovernmentReceivesTheBill() {
        Procedure p = passed();
        assertThat(p.allowedActions()).contains(ActionType.TEXTS_DIFFER, ActionType.RECEIVED_BY_GOVERNMENT);
        p.onAction(ActionType.TEXTS_DIFFER, LocalDate.of(2023, 6, 7));
        assertThat(p.getStage()).isEqualTo(Stage.CONCILIATION);
        assertThat(p.allowedActions()).doesNotContain(ActionType.RECEIVED_BY_GOVERNMENT);
        assertThat(p.getSentToSanctionOn()).isNull();
        Procedure received = passed();
        received.onAction(ActionType.RECEIVED_BY_GOVERNMENT, LocalDate.of(2023, 6, 8));
        assertThat(received.allowedActions()).doesNotContain(ActionType.TEXTS_DIFFER);
    }

    @Test
    void art168_thePresidentOfCongressSanctionsOnlyAfterThePresidentsTermRanOut() {
        Procedure p = passed();
        assertThat(p.allowedActions()).doesNotContain(ActionType.SANCTIONED_BY_CONGRESS_PRESIDENT);
        p.onAction(ActionType.RECEIVED_BY_GOVERNMENT, LocalDate.of(2023, 6, 8));
        ActionFacts term = new ActionFacts(null, null, null, null, null, null, false, LocalDate.of(2023, 6, 16));
        assertThatThrownBy(() -> p.onAction(ActionType.SANCTIONED_BY_CONGRESS_PRESIDENT, LocalDate.of(2023, 6, 16), term))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("art. 168");
        Outcome sanctioned = p.onAction(ActionType.SANCTIONED_BY_CONGRESS_PRESIDENT, LocalDate.of(2023, 6, 20), term);
        assertThat(sanctioned.change()).isEqualTo(new StageChange(Stage.SENT_TO_SANCTION, Stage.SANCTIONED, null, "art. 168"));
    }

    @Test
    void art167_aPartialUnconstitutionalitySendsTheBillBackToItsChamberOfOriginThenToTheCourt() {
        Procedure p = passed();
        p.onAction(ActionType.RECEIVED_BY_GOVERNMENT, LocalDate.of(2023, 6, 8));
        p.onObjectionFiled(ObjectionKind.PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY, LocalDate.of(2023, 6, 9), null);
        p.onVote(Debate.INSISTENCE, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 8, 1));
        p.onVote(Debate.INSISTENCE, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 8, 2));
        p.onAction(ActionType.SENT_TO_COURT, LocalDate.of(2023, 8, 3));
        assertThat(p.onAction(ActionType.COURT_DECLARED_PARTIALLY_UNCONSTITUTIONAL, LocalDate.of(2023, 8, 10))
                .change().to()).isEqualTo(Stage.RETURNED_TO_CHAMBER_OF_ORIGIN);
        assertThat(p.allowedActions()).contains(ActionType.SENT_TO_COURT);
        p.onAction(ActionType.SENT_TO_COURT, LocalDate.of(2023, 9, 1));
        assertThat(p.getStage()).isEqualTo(Stage.COURT_REVIEW_OF_OBJECTION);
        p.onObjectionResolved(ObjectionResolution.DISMISSED_BY_COURT, LocalDate.of(2023, 9, 8));
        assertThat(p.getStage()).isEqualTo(Stage.SENT_TO_SANCTION);
    }

    @Test
    void art153_162_aLapseIsRecordedOnItsDueDateAndKeepsTheLimitThatEndedIt() {
        Procedure p = ProcedureTests.assigned(BillKind.ORDINARY);
        Outcome lapsed = p.lapse("LEGISLATURE_LIMIT", LocalDate.of(2023, 6, 20), "art. 162");
        assertThat(p.getStageSince()).isEqualTo(LocalDate.of(2023, 6, 20));
        assertThat(lapsed.change().archiveReason()).isEqualTo(ArchiveReason.LAPSED);
        assertThat(p.getEndedByDueOn()).isEqualTo(LocalDate.of(2023, 6, 20));
        assertThat(p.getEndedByArticle()).isEqualTo("art. 162");
    }
}
