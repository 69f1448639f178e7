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

/** The legislative procedure, rule by rule, each with its article. */
class ProcedureTests {

    static final LocalDate FILED = LocalDate.of(2023, 3, 15);

    static Procedure assigned(BillKind kind) {
        Procedure p = Procedure.filed(kind, false, FILED);
        p.onAction(ActionType.ASSIGNED_TO_COMMITTEE, FILED.plusDays(5));
        return p;
    }

    /** Passes the four debates with the art. 160 gaps respected; returns the last outcome. */
    static Outcome fourDebates(Procedure p) {
        p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        p.onVote(Debate.SECOND, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 25));
        p.onVote(Debate.THIRD, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 5, 16));
        return p.onVote(Debate.FOURTH, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 6, 6));
    }

    @Test
    void art157_anOrdinaryBillPassesFourDebatesAndGoesToSanction_art165() {
        Procedure p = assigned(BillKind.ORDINARY);
        assertThat(p.getStage()).isEqualTo(Stage.FIRST_DEBATE);
        assertThat(p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11)).change())
                .isEqualTo(new StageChange(Stage.FIRST_DEBATE, Stage.SECOND_DEBATE, null, "art. 157-2"));
        p.onVote(Debate.SECOND, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 25));
        assertThat(p.getStage()).isEqualTo(Stage.THIRD_DEBATE);
        p.onVote(Debate.THIRD, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 5, 16));
        assertThat(p.getStage()).isEqualTo(Stage.FOURTH_DEBATE);
        Outcome last = p.onVote(Debate.FOURTH, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 6, 6));
        assertThat(last.change().to()).isEqualTo(Stage.SENT_TO_SANCTION);
        assertThat(last.defects()).isEmpty();
        assertThat(p.getSentToSanctionOn()).as("art. 166: the term runs from the government's receipt").isNull();
        p.onAction(ActionType.RECEIVED_BY_GOVERNMENT, LocalDate.of(2023, 6, 8));
        assertThat(p.getSentToSanctionOn()).isEqualTo(LocalDate.of(2023, 6, 8));
        p.onAction(ActionType.SANCTIONED, LocalDate.of(2023, 6, 12));
        assertThat(p.getStage()).isEqualTo(Stage.SANCTIONED);
        assertThat(p.allowedActions()).containsExactlyInAnyOrder(ActionType.NOTE, ActionType.COURT_RULING);
    }

    @Test
    void art153_aStatutoryBillGoesToTheCourtsPriorReviewBeforeSanction() {
        Procedure p = assigned(BillKind.STATUTORY);
        assertThat(fourDebates(p).change().to()).isEqualTo(Stage.COURT_PRIOR_REVIEW);
        assertThat(p.allowedActions()).doesNotContain(ActionType.SANCTIONED);
        p.onAction(ActionType.COURT_DECLARED_CONSTITUTIONAL, LocalDate.of(2023, 9, 1));
        assertThat(p.getStage()).isEqualTo(Stage.SENT_TO_SANCTION);
        p.onAction(ActionType.SANCTIONED, LocalDate.of(2023, 9, 8));
        assertThat(p.getStage()).isEqualTo(Stage.SANCTIONED);
    }

    @Test
    void art153_241_8_aStatutoryBillTheCourtStrikesDownIsArchived() {
        Procedure p = assigned(BillKind.STATUTORY);
        fourDebates(p);
        Outcome struck = p.onAction(ActionType.COURT_DECLARED_UNCONSTITUTIONAL, LocalDate.of(2023, 9, 1));
        assertThat(struck.change().archiveReason()).isEqualTo(ArchiveReason.STRUCK_DOWN_BY_COURT);
    }

    @Test
    void art163_urgencyAndJointDeliberationAreTwoFacts_theCommitteesJoinOnlyAtTheGovernmentsRequest() {
        Procedure p = Procedure.filed(BillKind.ORDINARY, false, FILED);
        assertThat(p.onAction(ActionType.URGENCY_MESSAGE, FILED.plusDays(2)).moved()).isFalse();
        assertThat(p.isUrgent()).isTrue();
        assertThat(p.getUrgencyDeclaredOn()).isEqualTo(FILED.plusDays(2));
        assertThat(p.onAction(ActionType.ASSIGNED_TO_COMMITTEE, FILED.plusDays(3)).change().to())
                .isEqualTo(Stage.FIRST_DEBATE);
        Outcome joint = p.onAction(ActionType.JOINT_DELIBERATION_REQUESTED, FILED.plusDays(4));
        assertThat(joint.change()).isEqualTo(new StageChange(Stage.FIRST_DEBATE, Stage.JOINT_COMMITTEES, null, "art. 163"));
        // art. 163: the message may be repeated at every stage, and each renews the 30 days
        p.onAction(ActionType.URGENCY_MESSAGE, FILED.plusDays(20));
        assertThat(p.getUrgencyDeclaredOn()).isEqualTo(FILED.plusDays(20));
    }

    @Test
    void art163_jointDeliberationNeedsAMessageOfUrgency() {
        Procedure p = assigned(BillKind.ORDINARY);
        assertThat(p.allowedActions()).doesNotContain(ActionType.JOINT_DELIBERATION_REQUESTED);
        assertThatThrownBy(() -> p.onAction(ActionType.JOINT_DELIBERATION_REQUESTED, FILED.plusDays(6)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void art163_aBillFiledUnderUrgencyWithJointDeliberationRequestedIsAssignedToJointCommittees() {
        Procedure urgentOnly = Procedure.filed(BillKind.ORDINARY, true, FILED);
        assertThat(urgentOnly.onAction(ActionType.ASSIGNED_TO_COMMITTEE, FILED).change().to()).isEqualTo(Stage.FIRST_DEBATE);
        Procedure p = Procedure.filed(BillKind.ORDINARY, true, FILED);
        p.onAction(ActionType.JOINT_DELIBERATION_REQUESTED, FILED);
        assertThat(p.onAction(ActionType.ASSIGNED_TO_COMMITTEE, FILED).change().to()).isEqualTo(Stage.JOINT_COMMITTEES);
    }

    @Test
    void art163_afterAJointFirstDebateTheOriginPlenaryMayVoteFirst() {
        Procedure p = joint();
        p.onVote(Debate.JOINT_COMMITTEES, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2022, 10, 11));
        assertThat(p.getStage()).isEqualTo(Stage.SECOND_DEBATE);
        p.onVote(Debate.SECOND, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2022, 10, 19));
        assertThat(p.getStage()).isEqualTo(Stage.FOURTH_DEBATE);
        Outcome last = p.onVote(Debate.FOURTH, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2022, 10, 20));
        assertThat(last.change().to()).isEqualTo(Stage.SENT_TO_SANCTION);
        assertThat(last.defects()).isEmpty(); // 9 days after the joint committees: the art. 160 gap holds
    }

    @Test
    void art163_afterAJointFirstDebateTheOtherPlenaryMayVoteFirst_ley2272() {
        Procedure p = joint();
        p.onVote(Debate.JOINT_COMMITTEES, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2022, 10, 11));
        // the Senate plenary (24 Oct 2022) before the House, Ley 2272's chamber of origin
        Outcome senate = p.onVote(Debate.FOURTH, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2022, 10, 24));
        assertThat(senate.defects()).isEmpty();
        assertThat(senate.moved()).isFalse();
        assertThat(p.getStage()).isEqualTo(Stage.SECOND_DEBATE);
        assertThat(p.onVote(Debate.FOURTH, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2022, 10, 25)).defects())
                .extracting(Defect::rule).containsExactly(DefectRule.VOTE_OUT_OF_STAGE);
        Outcome house = p.onVote(Debate.SECOND, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2022, 10, 26));
        assertThat(house.change()).isEqualTo(new StageChange(Stage.SECOND_DEBATE, Stage.SENT_TO_SANCTION, null, "art. 165"));
        assertThat(house.defects()).isEmpty();
    }

    static Procedure joint() {
        Procedure p = Procedure.filed(BillKind.ORDINARY, false, FILED);
        p.onAction(ActionType.ASSIGNED_TO_COMMITTEE, FILED);
        p.onAction(ActionType.URGENCY_MESSAGE, FILED.plusDays(1));
        p.onAction(ActionType.JOINT_DELIBERATION_REQUESTED, FILED.plusDays(1));
        return p;
    }

    @Test
    void art161_conciliationNeedsBothPlenariesAndItsFailureSinksTheBill() {
        Procedure p = assigned(BillKind.ORDINARY);
        fourDebates(p);
        assertThat(p.onAction(ActionType.TEXTS_DIFFER, LocalDate.of(2023, 6, 7)).change().to())
                .isEqualTo(Stage.CONCILIATION);
        assertThat(p.onVote(Debate.CONCILIATION, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 6, 13)).moved())
                .isFalse();
        Outcome failed = p.onVote(Debate.CONCILIATION, Chamber.HOUSE, VoteOutcome.FAILED, LocalDate.of(2023, 6, 14));
        assertThat(failed.change()).isEqualTo(new StageChange(Stage.CONCILIATION, Stage.ARCHIVED,
                ArchiveReason.CONCILIATION_FAILED, "art. 161"));
        assertThat(p.getArchiveReason()).isEqualTo(ArchiveReason.CONCILIATION_FAILED);
    }

    @Test
    void art161_aConciliatedTextApprovedByBothPlenariesGoesToSanction() {
        Procedure p = assigned(BillKind.ORDINARY);
        fourDebates(p);
        p.onAction(ActionType.TEXTS_DIFFER, LocalDate.of(2023, 6, 7));
        p.onVote(Debate.CONCILIATION, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 6, 13));
        assertThat(p.onVote(Debate.CONCILIATION, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 6, 14))
                .change().to()).isEqualTo(Stage.SENT_TO_SANCTION);
        assertThat(p.allowedActions()).doesNotContain(ActionType.TEXTS_DIFFER);
    }

    @Test
    void art157_aBillVotedDownInAPlenaryIsArchivedAsRejected() {
        Procedure p = assigned(BillKind.ORDINARY);
        p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        Outcome failed = p.onVote(Debate.SECOND, Chamber.SENATE, VoteOutcome.FAILED, LocalDate.of(2023, 4, 25));
        assertThat(failed.change()).isEqualTo(new StageChange(Stage.SECOND_DEBATE, Stage.ARCHIVED,
                ArchiveReason.REJECTED, "art. 157"));
    }

    @Test
    void art159_ley5Art166_aBillRejectedInCommitteeMayBeAppealedAndIsNotFinalWhileTheAppealIsOpen() {
        Procedure p = assigned(BillKind.ORDINARY);
        Outcome failed = p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.FAILED, LocalDate.of(2023, 4, 11));
        assertThat(failed.change()).isEqualTo(new StageChange(Stage.FIRST_DEBATE, Stage.REJECTED_IN_COMMITTEE, null,
                "art. 159"));
        assertThat(p.getStage().isClosed()).isFalse();
        assertThat(p.allowedActions()).contains(ActionType.APPEALED).doesNotContain(ActionType.APPEAL_UPHELD);
        p.onAction(ActionType.APPEALED, LocalDate.of(2023, 4, 13));
        assertThat(p.isAppealOpen()).isTrue();
        // the plenary sends it to another committee: a new first debate
        assertThat(p.onAction(ActionType.APPEAL_UPHELD, LocalDate.of(2023, 4, 25)).change().to())
                .isEqualTo(Stage.FIRST_DEBATE);
        assertThat(p.firstDebatePassedOn()).isNull();
    }

    @Test
    void art159_aDismissedAppealArchivesTheBillAsRejected_andAnUnappealedRejectionLapsesAsRejected() {
        Procedure p = assigned(BillKind.ORDINARY);
        p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.FAILED, LocalDate.of(2023, 4, 11));
        p.onAction(ActionType.APPEALED, LocalDate.of(2023, 4, 13));
        assertThat(p.onAction(ActionType.APPEAL_DISMISSED, LocalDate.of(2023, 4, 25)).change().archiveReason())
                .isEqualTo(ArchiveReason.REJECTED);
        Procedure q = assigned(BillKind.ORDINARY);
        q.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.FAILED, LocalDate.of(2023, 4, 11));
        assertThat(q.lapse(LocalDate.of(2023, 6, 20), "art. 162").change().archiveReason())
                .isEqualTo(ArchiveReason.REJECTED);
    }

    @Test
    void noQuorumChangesNoStage() {
        Procedure p = assigned(BillKind.ORDINARY);
        assertThat(p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.NO_QUORUM, LocalDate.of(2023, 4, 11)).moved())
                .isFalse();
        assertThat(p.getStage()).isEqualTo(Stage.FIRST_DEBATE);
    }

    @Test
    void art166_167_anObjectionOfInconvenienceOverriddenSendsTheBillBackToSanction() {
        Procedure p = assigned(BillKind.ORDINARY);
        fourDebates(p);
        Outcome objected = p.onObjectionFiled(ObjectionKind.PRESIDENTIAL_OBJECTION_INCONVENIENCE,
                LocalDate.of(2023, 6, 9), LocalDate.of(2023, 6, 14));
        assertThat(objected.change().to()).isEqualTo(Stage.OBJECTED_INCONVENIENCE);
        assertThat(objected.defects()).isEmpty();
        p.onVote(Debate.OBJECTION_OVERRIDE, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 8, 1));
        assertThat(p.getStage()).isEqualTo(Stage.OBJECTED_INCONVENIENCE); // both chambers must insist
        Outcome overridden = p.onVote(Debate.OBJECTION_OVERRIDE, Chamber.HOUSE, VoteOutcome.PASSED,
                LocalDate.of(2023, 8, 2));
        assertThat(overridden.change().to()).isEqualTo(Stage.SENT_TO_SANCTION);
        // art. 167: the president must now sanction, without objecting again
        assertThat(p.onObjectionFiled(ObjectionKind.PRESIDENTIAL_OBJECTION_INCONVENIENCE, LocalDate.of(2023, 8, 3),
                null).defects()).extracting(Defect::rule).containsExactly(DefectRule.OBJECTION_OUT_OF_STAGE);
        assertThat(p.getStage()).isEqualTo(Stage.SENT_TO_SANCTION);
    }

    @Test
    void art167_anObjectionOfInconvenienceResolvedAsOverriddenGoesToSanction() {
        Procedure p = assigned(BillKind.ORDINARY);
        fourDebates(p);
        p.onObjectionFiled(ObjectionKind.PRESIDENTIAL_OBJECTION_INCONVENIENCE, LocalDate.of(2023, 6, 9), null);
        assertThat(p.onObjectionResolved(ObjectionResolution.OVERRIDDEN, LocalDate.of(2023, 8, 2)).change().to())
                .isEqualTo(Stage.SENT_TO_SANCTION);
    }

    @Test
    void art167_anObjectionOfUnconstitutionalityInsistedGoesToTheCourt() {
        Procedure p = assigned(BillKind.ORDINARY);
        fourDebates(p);
        p.onObjectionFiled(ObjectionKind.PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY, LocalDate.of(2023, 6, 9), null);
        assertThat(p.getStage()).isEqualTo(Stage.OBJECTED_UNCONSTITUTIONALITY);
        p.onVote(Debate.INSISTENCE, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 8, 1));
        p.onVote(Debate.INSISTENCE, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 8, 2));
        assertThat(p.getStage()).isEqualTo(Stage.INSISTED);
        assertThat(p.onObjectionResolved(ObjectionResolution.REJECTED, LocalDate.of(2023, 8, 2)).change().to())
                .isEqualTo(Stage.COURT_REVIEW_OF_OBJECTION);
        // the Court finds the objection unfounded: the president must sanction
        assertThat(p.onObjectionResolved(ObjectionResolution.DISMISSED_BY_COURT, LocalDate.of(2023, 10, 5))
                .change().to()).isEqualTo(Stage.SENT_TO_SANCTION);
        assertThat(p.isObjectionsExhausted()).isTrue();
    }

    @Test
    void art167_anObjectionOfUnconstitutionalityUpheldByTheCourtArchivesTheBill() {
        Procedure p = assigned(BillKind.ORDINARY);
        fourDebates(p);
        p.onObjectionFiled(ObjectionKind.PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY, LocalDate.of(2023, 6, 9), null);
        p.onObjectionResolved(ObjectionResolution.REJECTED, LocalDate.of(2023, 8, 2));
        assertThat(p.onObjectionResolved(ObjectionResolution.UPHELD_BY_COURT, LocalDate.of(2023, 10, 5)).change()
                .archiveReason()).isEqualTo(ArchiveReason.OBJECTION_UPHELD_BY_COURT);
    }

    @Test
    void art167_anObjectionCongressAcceptsArchivesTheBill() {
        Procedure p = assigned(BillKind.ORDINARY);
        fourDebates(p);
        p.onObjectionFiled(ObjectionKind.PRESIDENTIAL_OBJECTION_INCONVENIENCE, LocalDate.of(2023, 6, 9), null);
        assertThat(p.onObjectionResolved(ObjectionResolution.ACCEPTED, LocalDate.of(2023, 8, 2)).change()
                .archiveReason()).isEqualTo(ArchiveReason.OBJECTION_ACCEPTED);
    }

    @Test
    void anInstitutionalOpinionNeverMovesTheBill() {
        Procedure p = assigned(BillKind.ORDINARY);
        assertThat(p.onObjectionFiled(ObjectionKind.OPINION, LocalDate.of(2023, 3, 20), null)).isEqualTo(Outcome.none());
        assertThat(p.onObjectionFiled(ObjectionKind.COURT_RULING, LocalDate.of(2023, 3, 20), null).moved()).isFalse();
        assertThat(p.getStage()).isEqualTo(Stage.FIRST_DEBATE);
    }

    @Test
    void art166_aPresidentialObjectionBeforeSanctionIsFlaggedAndMovesNothing() {
        Procedure p = assigned(BillKind.ORDINARY);
        Outcome early = p.onObjectionFiled(ObjectionKind.PRESIDENTIAL_OBJECTION_INCONVENIENCE, LocalDate.of(2023, 4, 1), null);
        assertThat(early.moved()).isFalse();
        assertThat(early.defects()).extracting(Defect::rule).containsExactly(DefectRule.OBJECTION_OUT_OF_STAGE);
    }

    @Test
    void art166_anObjectionAfterThePresidentsTimeIsAppliedAndFlagged() {
        Procedure p = assigned(BillKind.ORDINARY);
        fourDebates(p);
        Outcome late = p.onObjectionFiled(ObjectionKind.PRESIDENTIAL_OBJECTION_INCONVENIENCE,
                LocalDate.of(2023, 6, 30), LocalDate.of(2023, 6, 15));
        assertThat(late.change().to()).isEqualTo(Stage.OBJECTED_INCONVENIENCE);
        assertThat(late.defects()).extracting(Defect::rule).containsExactly(DefectRule.ART_166_LATE_OBJECTION);
    }

    @Test
    void art160_aPlenaryVoteLessThan8DaysAfterCommitteeIsAppliedAndFlagged() {
        Procedure p = assigned(BillKind.ORDINARY);
        p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        Outcome early = p.onVote(Debate.SECOND, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 18));
        assertThat(early.change().to()).isEqualTo(Stage.THIRD_DEBATE);
        assertThat(early.defects()).extracting(Defect::rule)
                .containsExactly(DefectRule.ART_160_COMMITTEE_TO_PLENARY_GAP);
        assertThat(early.defects().get(0).description()).contains("7 days").contains("at least 8");
        assertThat(early.defects().get(0).facts()).extracting(Fact::date)
                .containsExactly(LocalDate.of(2023, 4, 11), LocalDate.of(2023, 4, 18));
    }

    @Test
    void art160_aDebateInTheOtherChamberLessThan15DaysAfterPassageIsFlagged() {
        Procedure p = assigned(BillKind.ORDINARY);
        p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        p.onVote(Debate.SECOND, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 19));
        Outcome early = p.onVote(Debate.THIRD, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 5, 3));
        assertThat(early.defects()).extracting(Defect::rule).containsExactly(DefectRule.ART_160_BETWEEN_CHAMBERS_GAP);
        // exactly 15 days is within the rule
        Procedure q = assigned(BillKind.ORDINARY);
        q.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        q.onVote(Debate.SECOND, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 19));
        assertThat(q.onVote(Debate.THIRD, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 5, 4)).defects()).isEmpty();
    }

    @Test
    void aVoteForADebateTheBillIsNotInIsFlaggedAndMovesNothing() {
        Procedure p = assigned(BillKind.ORDINARY);
        Outcome stray = p.onVote(Debate.THIRD, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        assertThat(stray.moved()).isFalse();
        assertThat(stray.defects()).extracting(Defect::rule).containsExactly(DefectRule.VOTE_OUT_OF_STAGE);
        assertThat(p.getStage()).isEqualTo(Stage.FIRST_DEBATE);
    }

    @Test
    void art162_153_aBillStillInCongressLapsesAndIsArchived() {
        Procedure p = assigned(BillKind.ORDINARY);
        Outcome lapsed = p.lapse(LocalDate.of(2023, 6, 21), "art. 162");
        assertThat(lapsed.change()).isEqualTo(new StageChange(Stage.FIRST_DEBATE, Stage.ARCHIVED, ArchiveReason.LAPSED,
                "art. 162"));
        Procedure withPresident = assigned(BillKind.ORDINARY);
        fourDebates(withPresident);
        assertThat(withPresident.lapse(LocalDate.of(2024, 6, 21), "art. 162").moved()).isFalse();
    }

    @Test
    void art375_aLegislativeActPassesTheFourDebatesTwice() {
        Procedure p = assigned(BillKind.LEGISLATIVE_ACT);
        Outcome firstRound = fourDebates(p);
        assertThat(firstRound.change()).isEqualTo(new StageChange(Stage.FOURTH_DEBATE, Stage.FIRST_DEBATE, null, "art. 375"));
        assertThat(p.getRound()).isEqualTo(2);
        assertThat(p.firstDebatePassedOn()).isNull();
    }

    @Test
    void anIllegalActionIsRefusedNamingTheStageAndTheActionsAllowedAndChangesNothing() {
        Procedure p = Procedure.filed(BillKind.ORDINARY, false, FILED);
        assertThatThrownBy(() -> p.onAction(ActionType.SANCTIONED, FILED))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.currentStage()).isEqualTo(Stage.FILED);
                    assertThat(e.allowedActions()).contains(ActionType.ASSIGNED_TO_COMMITTEE, ActionType.WITHDRAWN)
                            .doesNotContain(ActionType.SANCTIONED);
                });
        assertThat(p.getStage()).isEqualTo(Stage.FILED);
    }

    @Test
    void ley5Art155_aBillMayBeWithdrawnOnlyBeforeItsFirstDebateReportIsFiled() {
        Procedure q = assigned(BillKind.ORDINARY);
        assertThat(q.onAction(ActionType.WITHDRAWN, LocalDate.of(2023, 4, 1)).change().to()).isEqualTo(Stage.WITHDRAWN);
        Procedure p = assigned(BillKind.ORDINARY);
        p.onAction(ActionType.REPORT_FILED, LocalDate.of(2023, 4, 3));
        assertThat(p.allowedActions()).doesNotContain(ActionType.WITHDRAWN);
        assertThatThrownBy(() -> p.onAction(ActionType.WITHDRAWN, LocalDate.of(2023, 4, 4)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void ley5Art155_aGovernmentBillIsWithdrawnOnlyWithTheCommitteesAcceptance() {
        Procedure p = assigned(BillKind.ORDINARY).governmentBill(true);
        assertThatThrownBy(() -> p.onAction(ActionType.WITHDRAWN, LocalDate.of(2023, 4, 1)))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("committee's acceptance");
        ActionFacts accepted = new ActionFacts(null, null, null, null, null, null, true, null);
        assertThat(p.onAction(ActionType.WITHDRAWN, LocalDate.of(2023, 4, 1), accepted).change().to())
                .isEqualTo(Stage.WITHDRAWN);
    }
}
