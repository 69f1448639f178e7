package co.vigia.bill.procedure;

import co.vigia.contracts.Debate;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Set;

/** The actions a clerk records and what each does to the bill (Constitution arts. 157-168; Ley 5 de 1992). */
final class ActionRules {

    private ActionRules() {
    }

    /** Applies an operator action; throws {@link IllegalTransitionException} (changing nothing) when not allowed. */
    static Outcome apply(Procedure p, ActionType action, LocalDate date, ActionFacts facts) {
        Set<ActionType> allowed = p.allowedActions();
        Stage stage = p.stage;
        if (!allowed.contains(action)) {
            throw new IllegalTransitionException(stage, action, allowed,
                    action + " is not allowed while the bill is " + stage);
        }
        refuseUnless(p, action == ActionType.WITHDRAWN && p.governmentBill && !facts.committeeAccepted(), action,
                allowed,
                "Ley 5 de 1992 art. 155: a government bill is withdrawn only with the committee's acceptance"
                        + " (committeeAccepted)");
        refuseUnless(p, action == ActionType.SANCTIONED_BY_CONGRESS_PRESIDENT && (facts.objectionDeadline() == null
                        || !date.isAfter(facts.objectionDeadline())), action, allowed,
                "art. 168: the president of Congress sanctions only after the president's time to object ran out"
                        + (facts.objectionDeadline() == null
                        ? " (unknown: the bill's number of articles is not recorded)"
                        : " on " + facts.objectionDeadline()));
        Debate debate = facts.debate() != null ? facts.debate() : stage.debate().orElse(null);
        return switch (action) {
            case ASSIGNED_TO_COMMITTEE -> p.jointDeliberationRequested
                    ? p.move(Stage.JOINT_COMMITTEES, date, "art. 163")
                    : p.move(Stage.FIRST_DEBATE, date, "Ley 5 de 1992 art. 144");
            case URGENCY_MESSAGE -> {
                // art. 163: the chamber must decide within 30 days; the message may be repeated at every stage
                p.urgent = true;
                p.urgencyDeclaredOn = date;
                yield Outcome.none();
            }
            case JOINT_DELIBERATION_REQUESTED -> {
                p.jointDeliberationRequested = true;
                yield stage == Stage.FIRST_DEBATE ? p.move(Stage.JOINT_COMMITTEES, date, "art. 163") : Outcome.none();
            }
            case REPORT_FILED -> {
                if (stage == Stage.FIRST_DEBATE || stage == Stage.JOINT_COMMITTEES) {
                    p.firstReportFiled = true;
                }
                yield Outcome.none();
            }
            case ANNOUNCED -> {
                p.record.announce(requireDebate(p, debate, action, allowed), date, facts.forSession(),
                        facts.sourceUrl());
                yield Outcome.none();
            }
            case SESSION_HELD -> {
                p.record.session(requireDebate(p, debate, action, allowed), date, facts.sourceUrl());
                yield Outcome.none();
            }
            case DEBATE_STARTED -> {
                Debate started = requireDebate(p, debate, action, allowed);
                if (p.record.startedOn(started).isPresent()) {
                    yield Outcome.none(); // a later session of a debate already started
                }
                p.record.started(started, date, facts.sourceUrl());
                yield new Outcome(null, ProcedureChecks.atStart(p, started, date, facts.sourceUrl()));
            }
            case PUBLISHED -> {
                Debate of = switch (facts.publication() == null ? PublicationKind.OTHER : facts.publication()) {
                    case REPORT -> debate;
                    case CONCILIATION_REPORT -> Debate.CONCILIATION;
                    default -> null;
                };
                p.record.published(facts.publication(), of,
                        facts.gacetaNumber(), facts.gacetaDate() != null ? facts.gacetaDate() : date,
                        facts.sourceUrl());
                yield Outcome.none();
            }
            case APPEALED -> {
                p.appealOpen = true;
                yield Outcome.none();
            }
            case APPEAL_UPHELD -> {
                // Ley 5 de 1992 art. 166: the plenary sends the bill to another committee for its first debate
                p.appealOpen = false;
                p.passedOn = new HashMap<>();
                p.jointCommittees = false;
                p.firstReportFiled = false;
                p.record.resetDebates();
                yield p.move(Stage.FIRST_DEBATE, date, "art. 159; Ley 5 de 1992 art. 166");
            }
            case APPEAL_DISMISSED -> {
                p.appealOpen = false;
                yield p.archive(ArchiveReason.REJECTED, date, "art. 159; Ley 5 de 1992 art. 166");
            }
            case TEXTS_DIFFER -> p.move(Stage.CONCILIATION, date, "art. 161");
            case SENT_TO_SANCTION, RECEIVED_BY_GOVERNMENT -> {
                p.sentToSanctionOn = date;
                yield Outcome.none();
            }
            case SENT_TO_COURT -> p.move(Stage.COURT_REVIEW_OF_OBJECTION, date, "art. 167");
            case COURT_DECLARED_CONSTITUTIONAL -> {
                if (stage != Stage.COURT_PRIOR_REVIEW) {
                    p.objectionsExhausted = true; // art. 167: the president must then sanction
                }
                yield p.toSanction(date, stage == Stage.COURT_PRIOR_REVIEW ? "art. 153" : "art. 167");
            }
            case COURT_DECLARED_UNCONSTITUTIONAL -> stage == Stage.COURT_PRIOR_REVIEW
                    ? p.archive(ArchiveReason.STRUCK_DOWN_BY_COURT, date, "art. 153")
                    : p.archive(ArchiveReason.OBJECTION_UPHELD_BY_COURT, date, "art. 167");
            // art. 167: the chamber of origin redoes the articles, then the bill goes back to the Court
            case COURT_DECLARED_PARTIALLY_UNCONSTITUTIONAL ->
                    p.move(Stage.RETURNED_TO_CHAMBER_OF_ORIGIN, date, "art. 167");
            case SANCTIONED -> p.move(Stage.SANCTIONED, date, "art. 165");
            case SANCTIONED_BY_CONGRESS_PRESIDENT -> p.move(Stage.SANCTIONED, date, "art. 168");
            case WITHDRAWN -> p.move(Stage.WITHDRAWN, date, "Ley 5 de 1992 art. 155");
            case RAPPORTEUR_APPOINTED, DEBATE_SCHEDULED, COURT_RULING, NOTE -> Outcome.none();
        };
    }

    private static void refuseUnless(Procedure p, boolean refused, ActionType action, Set<ActionType> allowed,
                                     String why) {
        if (refused) {
            throw new IllegalTransitionException(p.stage, action, allowed, why);
        }
    }

    private static Debate requireDebate(Procedure p, Debate debate, ActionType action, Set<ActionType> allowed) {
        if (debate == null) {
            throw new IllegalTransitionException(p.stage, action, allowed, action + " needs a debate: the bill is "
                    + p.stage + ", which is no debate; name the debate");
        }
        return debate;
    }
}
