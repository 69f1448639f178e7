package co.vigia.bill.procedure;

import java.util.EnumSet;
import java.util.Set;

/** The actions a clerk may record from a bill's stage (Constitution arts. 157-168; Ley 5 de 1992 arts. 155, 166). */
final class AllowedActions {

    private AllowedActions() {
    }

    static Set<ActionType> of(Procedure p) {
        Stage stage = p.getStage();
        Set<ActionType> allowed = EnumSet.of(ActionType.NOTE, ActionType.COURT_RULING);
        if (stage.isClosed()) {
            return allowed;
        }
        if (stage.isInCongress() && stage != Stage.REJECTED_IN_COMMITTEE) {
            allowed.addAll(EnumSet.of(ActionType.RAPPORTEUR_APPOINTED, ActionType.REPORT_FILED,
                    ActionType.DEBATE_SCHEDULED, ActionType.URGENCY_MESSAGE, ActionType.ANNOUNCED,
                    ActionType.DEBATE_STARTED, ActionType.SESSION_HELD, ActionType.PUBLISHED));
        }
        boolean withdrawable = !p.isFirstReportFiled();
        switch (stage) {
            case FILED -> {
                allowed.add(ActionType.ASSIGNED_TO_COMMITTEE);
                allowed.add(ActionType.WITHDRAWN);
                if (p.isUrgent() && !p.isJointDeliberationRequested()) {
                    allowed.add(ActionType.JOINT_DELIBERATION_REQUESTED);
                }
            }
            case FIRST_DEBATE -> {
                if (withdrawable) {
                    allowed.add(ActionType.WITHDRAWN);
                }
                if (p.isUrgent()) {
                    allowed.add(ActionType.JOINT_DELIBERATION_REQUESTED);
                }
            }
            case JOINT_COMMITTEES -> {
                if (withdrawable) {
                    allowed.add(ActionType.WITHDRAWN);
                }
            }
            case REJECTED_IN_COMMITTEE -> allowed.addAll(p.isAppealOpen()
                    ? EnumSet.of(ActionType.APPEAL_UPHELD, ActionType.APPEAL_DISMISSED)
                    : EnumSet.of(ActionType.APPEALED));
            case COURT_PRIOR_REVIEW -> allowed.addAll(EnumSet.of(
                    ActionType.COURT_DECLARED_CONSTITUTIONAL, ActionType.COURT_DECLARED_UNCONSTITUTIONAL));
            case SENT_TO_SANCTION -> {
                allowed.add(ActionType.SANCTIONED);
                if (p.getSentToSanctionOn() == null) {
                    allowed.addAll(EnumSet.of(ActionType.RECEIVED_BY_GOVERNMENT, ActionType.SENT_TO_SANCTION));
                } else {
                    allowed.add(ActionType.SANCTIONED_BY_CONGRESS_PRESIDENT);
                }
            }
            case INSISTED -> allowed.addAll(EnumSet.of(ActionType.SENT_TO_COURT,
                    ActionType.COURT_DECLARED_CONSTITUTIONAL, ActionType.COURT_DECLARED_UNCONSTITUTIONAL));
            case COURT_REVIEW_OF_OBJECTION -> allowed.addAll(EnumSet.of(ActionType.COURT_DECLARED_CONSTITUTIONAL,
                    ActionType.COURT_DECLARED_UNCONSTITUTIONAL, ActionType.COURT_DECLARED_PARTIALLY_UNCONSTITUTIONAL));
            case RETURNED_TO_CHAMBER_OF_ORIGIN -> allowed.add(ActionType.SENT_TO_COURT);
            default -> {
            }
        }
        // art. 161 then 165: conciliation comes before the government receives the bill
        if ((stage == Stage.SENT_TO_SANCTION && p.getSentToSanctionOn() == null || stage == Stage.COURT_PRIOR_REVIEW)
                && !p.isConciliated() && !p.isObjectionsExhausted()) {
            allowed.add(ActionType.TEXTS_DIFFER);
        }
        return allowed;
    }
}
