package co.vigia.bill.procedure;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.ObjectionResolution;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bill's place in the legislative procedure and the rules that move it (Constitution arts. 153,
 * 157, 160-163, 165-167, 375). Plain Java: the bill document embeds it, the tests read like the
 * Constitution. Every method either applies fully or throws before changing anything.
 */
public class Procedure {

    /** Art. 160: days between committee approval and the plenary debate. */
    public static final int COMMITTEE_TO_PLENARY_DAYS = 8;
    /** Art. 160: days between passage in one chamber and the debate in the other. */
    public static final int BETWEEN_CHAMBERS_DAYS = 15;

    private static final Set<Stage> DEBATES = EnumSet.of(Stage.FIRST_DEBATE, Stage.SECOND_DEBATE,
            Stage.THIRD_DEBATE, Stage.FOURTH_DEBATE, Stage.JOINT_COMMITTEES, Stage.CONCILIATION);

    private BillKind kind;
    private Stage stage;
    private ArchiveReason archiveReason;
    /** Legislative acts go through the four debates twice (art. 375). */
    private int round = 1;
    private boolean urgent;
    private LocalDate urgencyDeclaredOn;
    /** The first and third debates were held jointly (art. 163); the two plenaries then vote in either order. */
    private boolean jointCommittees;
    /** Art. 163: the government asked the committees to deliberate jointly (only under urgency). */
    private boolean jointDeliberationRequested;
    /** Ley 5 de 1992 art. 155: withdrawal is possible only before the first-debate report is filed. */
    private boolean firstReportFiled;
    /** Government bill: its withdrawal needs the committee's acceptance (Ley 5 art. 155, conservative reading). */
    private boolean governmentBill;
    /** Art. 159; Ley 5 de 1992 art. 166: an appeal against the committee's rejection is before the plenary. */
    private boolean appealOpen;
    /** The limit that archived the bill (arts. 153, 162), kept so its deadlines stay readable. */
    private String endedByKind;
    private LocalDate endedByDueOn;
    private String endedByArticle;
    private DebateRecord record = new DebateRecord();
    /** Debate name to the date its vote passed, in the current round. */
    private Map<String, LocalDate> passedOn = new HashMap<>();
    /** Chambers whose plenary approved the pending two-chamber decision (conciliation, insistence, override). */
    private Set<Chamber> chambersInFavour = new HashSet<>();
    private LocalDate stageSince;
    /** Art. 166: the day the government received the bill; the time to object runs from the day after. */
    private LocalDate sentToSanctionOn;
    private boolean conciliated;
    /** Art. 167: after an objection is overridden or dismissed the president must sanction, no new objection. */
    private boolean objectionsExhausted;

    public Procedure() {
    }

    /** A bill just filed: the procedure starts at FILED. */
    public static Procedure filed(BillKind kind, boolean urgent, LocalDate filedOn) {
        return imported(kind, Stage.FILED, urgent, filedOn);
    }

    /**
     * A bill registered at a known stage (imported from the record). What happened before is not
     * known, so no earlier dates are invented.
     */
    public static Procedure imported(BillKind kind, Stage stage, boolean urgent, LocalDate since) {
        Procedure p = new Procedure();
        p.kind = kind;
        p.stage = stage;
        p.urgent = urgent;
        p.urgencyDeclaredOn = urgent ? since : null;
        p.stageSince = since;
        p.jointCommittees = stage == Stage.JOINT_COMMITTEES;
        return p;
    }

    // ----------------------------------------------------------------------------------- actions

    /** The actions the operator may record from the current stage. */
    public Set<ActionType> allowedActions() {
        return AllowedActions.of(this);
    }

    /** Applies an operator action with no details (see {@link #onAction(ActionType, LocalDate, ActionFacts)}). */
    public Outcome onAction(ActionType action, LocalDate date) {
        return onAction(action, date, ActionFacts.NONE);
    }

    /** Applies an operator action; throws {@link IllegalTransitionException} (changing nothing) when not allowed. */
    public Outcome onAction(ActionType action, LocalDate date, ActionFacts facts) {
        Set<ActionType> allowed = allowedActions();
        if (!allowed.contains(action)) {
            throw new IllegalTransitionException(stage, action, allowed,
                    action + " is not allowed while the bill is " + stage);
        }
        refuseUnless(action == ActionType.WITHDRAWN && governmentBill && !facts.committeeAccepted(), action, allowed,
                "Ley 5 de 1992 art. 155: a government bill is withdrawn only with the committee's acceptance"
                        + " (committeeAccepted)");
        refuseUnless(action == ActionType.SANCTIONED_BY_CONGRESS_PRESIDENT && (facts.objectionDeadline() == null
                        || !date.isAfter(facts.objectionDeadline())), action, allowed,
                "art. 168: the president of Congress sanctions only after the president's time to object ran out"
                        + (facts.objectionDeadline() == null
                        ? " (unknown: the bill's number of articles is not recorded)"
                        : " on " + facts.objectionDeadline()));
        Debate debate = facts.debate() != null ? facts.debate() : stage.debate().orElse(null);
        return switch (action) {
            case ASSIGNED_TO_COMMITTEE -> jointDeliberationRequested
                    ? move(Stage.JOINT_COMMITTEES, date, "art. 163")
                    : move(Stage.FIRST_DEBATE, date, "Ley 5 de 1992 art. 144");
            case URGENCY_MESSAGE -> {
                // art. 163: the chamber must decide within 30 days; the message may be repeated at every stage
                urgent = true;
                urgencyDeclaredOn = date;
                yield Outcome.none();
            }
            case JOINT_DELIBERATION_REQUESTED -> {
                jointDeliberationRequested = true;
                yield stage == Stage.FIRST_DEBATE ? move(Stage.JOINT_COMMITTEES, date, "art. 163") : Outcome.none();
            }
            case REPORT_FILED -> {
                if (stage == Stage.FIRST_DEBATE || stage == Stage.JOINT_COMMITTEES) {
                    firstReportFiled = true;
                }
                yield Outcome.none();
            }
            case ANNOUNCED -> {
                record.announce(requireDebate(debate, action, allowed), date, facts.forSession(), facts.sourceUrl());
                yield Outcome.none();
            }
            case SESSION_HELD -> {
                record.session(requireDebate(debate, action, allowed), date, facts.sourceUrl());
                yield Outcome.none();
            }
            case DEBATE_STARTED -> {
                Debate started = requireDebate(debate, action, allowed);
                if (record.startedOn(started).isPresent()) {
                    yield Outcome.none(); // a later session of a debate already started
                }
                record.started(started, date, facts.sourceUrl());
                yield new Outcome(null, ProcedureChecks.atStart(this, started, date, facts.sourceUrl()));
            }
            case PUBLISHED -> {
                Debate of = switch (facts.publication() == null ? PublicationKind.OTHER : facts.publication()) {
                    case REPORT -> debate;
                    case CONCILIATION_REPORT -> Debate.CONCILIATION;
                    default -> null;
                };
                record.published(facts.publication(), of,
                        facts.gacetaNumber(), facts.gacetaDate() != null ? facts.gacetaDate() : date,
                        facts.sourceUrl());
                yield Outcome.none();
            }
            case APPEALED -> {
                appealOpen = true;
                yield Outcome.none();
            }
            case APPEAL_UPHELD -> {
                // Ley 5 de 1992 art. 166: the plenary sends the bill to another committee for its first debate
                appealOpen = false;
                passedOn = new HashMap<>();
                jointCommittees = false;
                firstReportFiled = false;
                record.resetDebates();
                yield move(Stage.FIRST_DEBATE, date, "art. 159; Ley 5 de 1992 art. 166");
            }
            case APPEAL_DISMISSED -> {
                appealOpen = false;
                yield archive(ArchiveReason.REJECTED, date, "art. 159; Ley 5 de 1992 art. 166");
            }
            case TEXTS_DIFFER -> move(Stage.CONCILIATION, date, "art. 161");
            case SENT_TO_SANCTION, RECEIVED_BY_GOVERNMENT -> {
                sentToSanctionOn = date;
                yield Outcome.none();
            }
            case SENT_TO_COURT -> move(Stage.COURT_REVIEW_OF_OBJECTION, date, "art. 167");
            case COURT_DECLARED_CONSTITUTIONAL -> {
                if (stage != Stage.COURT_PRIOR_REVIEW) {
                    objectionsExhausted = true; // art. 167: the president must then sanction
                }
                yield toSanction(date, stage == Stage.COURT_PRIOR_REVIEW ? "art. 153" : "art. 167");
            }
            case COURT_DECLARED_UNCONSTITUTIONAL -> stage == Stage.COURT_PRIOR_REVIEW
                    ? archive(ArchiveReason.STRUCK_DOWN_BY_COURT, date, "art. 153")
                    : archive(ArchiveReason.OBJECTION_UPHELD_BY_COURT, date, "art. 167");
            // art. 167: the chamber of origin redoes the articles, then the bill goes back to the Court
            case COURT_DECLARED_PARTIALLY_UNCONSTITUTIONAL ->
                    move(Stage.RETURNED_TO_CHAMBER_OF_ORIGIN, date, "art. 167");
            case SANCTIONED -> move(Stage.SANCTIONED, date, "art. 165");
            case SANCTIONED_BY_CONGRESS_PRESIDENT -> move(Stage.SANCTIONED, date, "art. 168");
            case WITHDRAWN -> move(Stage.WITHDRAWN, date, "Ley 5 de 1992 art. 155");
            case RAPPORTEUR_APPOINTED, DEBATE_SCHEDULED, COURT_RULING, NOTE -> Outcome.none();
        };
    }

    private void refuseUnless(boolean refused, ActionType action, Set<ActionType> allowed, String why) {
        if (refused) {
            throw new IllegalTransitionException(stage, action, allowed, why);
        }
    }

    private Debate requireDebate(Debate debate, ActionType action, Set<ActionType> allowed) {
        if (debate == null) {
            throw new IllegalTransitionException(stage, action, allowed, action + " needs a debate: the bill is "
                    + stage
                    + ", which is no debate; name the debate");
        }
        return debate;
    }

    // ------------------------------------------------------------------------------------- votes

    /**
     * Applies a tallied vote. Reality first: a vote breaking the art. 160 gaps is applied and flagged; a
     * vote for a debate the bill is not in is flagged and moves nothing; NO_QUORUM moves nothing.
     */
    public Outcome onVote(Debate debate, Chamber chamber, VoteOutcome outcome, LocalDate date) {
        if (stage.isClosed() || !expects(debate)) {
            return new Outcome(null, List.of(new Defect(DefectRule.VOTE_OUT_OF_STAGE,
                    "a " + debate + " vote of " + date + " arrived while the bill is " + stage,
                    List.of(new Fact(date, "a " + debate + " vote" + (chamber == null ? "" : " in the " + chamber),
                            null)))));
        }
        List<Defect> defects = new ArrayList<>(ProcedureChecks.atVote(this, debate, date));
        if (outcome == VoteOutcome.NO_QUORUM) {
            return new Outcome(null, defects);
        }
        Outcome moved = outcome == VoteOutcome.PASSED ? passed(debate, chamber, date) : failed(debate, date);
        return new Outcome(moved.change(), defects);
    }

    /**
     * Whether a vote of this debate belongs to the current stage. After a joint first debate (art. 163) the two
     * plenaries may vote in either order: Ley 2272 passed the Senate plenary (24 Oct 2022) before the House, its
     * chamber of origin.
     */
    private boolean expects(Debate debate) {
        if (jointCommittees && stage == Stage.SECOND_DEBATE && debate == Debate.FOURTH) {
            return passedOn.get(Debate.FOURTH.name()) == null;
        }
        return Stage.of(debate) == stage;
    }

    private Outcome passed(Debate debate, Chamber chamber, LocalDate date) {
        return switch (debate) {
            case FIRST -> pass(debate, date, Stage.SECOND_DEBATE, "art. 157-2");
            case JOINT_COMMITTEES -> {
                jointCommittees = true;
                yield pass(debate, date, Stage.SECOND_DEBATE, "art. 163");
            }
            case SECOND -> {
                if (jointCommittees && passedOn.get(Debate.FOURTH.name()) != null) {
                    passedOn.put(debate.name(), date);
                    yield afterCongress(date); // the other plenary voted first (art. 163)
                }
                yield pass(debate, date, jointCommittees ? Stage.FOURTH_DEBATE : Stage.THIRD_DEBATE,
                        jointCommittees ? "art. 163" : "art. 157-3");
            }
            case THIRD -> pass(debate, date, Stage.FOURTH_DEBATE, "art. 157-2");
            case FOURTH -> {
                passedOn.put(debate.name(), date);
                // the other chamber's plenary voted before the chamber of origin's: the bill awaits that one
                yield stage == Stage.SECOND_DEBATE ? Outcome.none() : afterCongress(date);
            }
            case CONCILIATION -> {
                chambersInFavour.add(chamber);
                if (chambersInFavour.size() < 2) {
                    yield Outcome.none(); // art. 161: both plenaries must approve the conciliated text
                }
                conciliated = true;
                yield afterCongress(date);
            }
            case INSISTENCE -> {
                chambersInFavour.add(chamber);
                yield chambersInFavour.size() < 2 ? Outcome.none() : move(Stage.INSISTED, date, "art. 167");
            }
            case OBJECTION_OVERRIDE -> {
                chambersInFavour.add(chamber);
                if (chambersInFavour.size() < 2) {
                    yield Outcome.none();
                }
                objectionsExhausted = true;
                yield toSanction(date, "art. 167");
            }
        };
    }

    private Outcome failed(Debate debate, LocalDate date) {
        return switch (debate) {
            // art. 159; Ley 5 de 1992 art. 166: a committee's rejection may be appealed to the plenary
            case FIRST, JOINT_COMMITTEES -> move(Stage.REJECTED_IN_COMMITTEE, date, "art. 159");
            // art. 157: a bill becomes law only if approved in each debate
            case SECOND, THIRD, FOURTH -> archive(ArchiveReason.REJECTED, date, "art. 157");
            case CONCILIATION -> archive(ArchiveReason.CONCILIATION_FAILED, date, "art. 161");
            case INSISTENCE, OBJECTION_OVERRIDE -> archive(ArchiveReason.OBJECTION_ACCEPTED, date, "art. 167");
        };
    }

    private Outcome pass(Debate debate, LocalDate date, Stage next, String article) {
        passedOn.put(debate.name(), date);
        return move(next, date, article);
    }

    /** After the fourth debate (or conciliation): a second round, the Court, or the president. */
    private Outcome afterCongress(LocalDate date) {
        if (kind == BillKind.LEGISLATIVE_ACT && round == 1) {
            // art. 375: a legislative act passes the four debates again in the next ordinary period
            StageChange change = new StageChange(stage, Stage.FIRST_DEBATE, null, "art. 375");
            round = 2;
            passedOn = new HashMap<>();
            jointCommittees = false;
            jointDeliberationRequested = false;
            conciliated = false;
            record.resetDebates();
            enter(Stage.FIRST_DEBATE, date);
            return new Outcome(change, List.of());
        }
        if (kind == BillKind.STATUTORY) {
            return move(Stage.COURT_PRIOR_REVIEW, date, "art. 153");
        }
        return toSanction(date, "art. 165");
    }

    /**
     * The bill goes to the government; the art. 166 time runs only from the day after the government receives it
     * ({@link ActionType#RECEIVED_BY_GOVERNMENT}), not from the last vote.
     */
    Outcome toSanction(LocalDate date, String article) {
        sentToSanctionOn = null;
        return move(Stage.SENT_TO_SANCTION, date, article);
    }

    // -------------------------------------------------------------------------------- objections

    /** Art. 166: a presidential objection moves a bill that is with the president; an opinion never moves it. */
    public Outcome onObjectionFiled(ObjectionKind kind, LocalDate date, LocalDate objectionDeadline) {
        return ObjectionRules.filed(this, kind, date, objectionDeadline);
    }

    /** Art. 167: how a formal objection ended moves the bill on. */
    public Outcome onObjectionResolved(ObjectionResolution resolution, LocalDate date) {
        return ObjectionRules.resolved(this, resolution, date);
    }

    /** Art. 167: after an objection is overridden or dismissed the president must sanction, no new objection. */
    void exhaustObjections() {
        objectionsExhausted = true;
    }

    // ------------------------------------------------------------------------------------- time

    /**
     * Arts. 153 and 162: the bill's time ran out while still in Congress; it is archived on {@code dueOn}, the day
     * its limit fell (not the day the clock noticed), and the limit is kept so its deadlines stay readable.
     */
    public Outcome lapse(String deadlineKind, LocalDate dueOn, String article) {
        if (!stage.isInCongress()) {
            return Outcome.none();
        }
        endedByKind = deadlineKind;
        endedByDueOn = dueOn;
        endedByArticle = article;
        // a rejection not appealed before the legislature ended stays a rejection (art. 159)
        return archive(stage == Stage.REJECTED_IN_COMMITTEE ? ArchiveReason.REJECTED : ArchiveReason.LAPSED, dueOn,
                article);
    }

    public Outcome lapse(LocalDate date, String article) {
        return lapse("LEGISLATURE_LIMIT", date, article);
    }

    /** A bill's procedure starts knowing whether the government filed it (Ley 5 de 1992 art. 155). */
    public Procedure governmentBill(boolean government) {
        this.governmentBill = government;
        return this;
    }

    Outcome archive(ArchiveReason reason, LocalDate date, String article) {
        StageChange change = new StageChange(stage, Stage.ARCHIVED, reason, article);
        archiveReason = reason;
        enter(Stage.ARCHIVED, date);
        return new Outcome(change, List.of());
    }

    Outcome move(Stage next, LocalDate date, String article) {
        StageChange change = new StageChange(stage, next, null, article);
        enter(next, date);
        return new Outcome(change, List.of());
    }

    private void enter(Stage next, LocalDate date) {
        if (next != stage) {
            chambersInFavour = new HashSet<>();
        }
        stage = next;
        stageSince = date;
    }

    // --------------------------------------------------------------------------------- read side

    public BillKind getKind() {
        return kind;
    }

    public Stage getStage() {
        return stage;
    }

    public ArchiveReason getArchiveReason() {
        return archiveReason;
    }

    public int getRound() {
        return round;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public LocalDate getUrgencyDeclaredOn() {
        return urgencyDeclaredOn;
    }

    public boolean isJointCommittees() {
        return jointCommittees;
    }

    public Map<String, LocalDate> getPassedOn() {
        return Map.copyOf(passedOn);
    }

    public LocalDate passedOn(Debate debate) {
        return passedOn.get(debate.name());
    }

    /** Art. 162: whether the bill had its first debate (alone or in joint committees). */
    public LocalDate firstDebatePassedOn() {
        LocalDate first = passedOn.get(Debate.FIRST.name());
        return first != null ? first : passedOn.get(Debate.JOINT_COMMITTEES.name());
    }

    public Set<Chamber> getChambersInFavour() {
        return Set.copyOf(chambersInFavour);
    }

    public LocalDate getStageSince() {
        return stageSince;
    }

    public LocalDate getSentToSanctionOn() {
        return sentToSanctionOn;
    }

    public boolean isConciliated() {
        return conciliated;
    }

    public boolean isObjectionsExhausted() {
        return objectionsExhausted;
    }

    public boolean isJointDeliberationRequested() {
        return jointDeliberationRequested;
    }

    public boolean isFirstReportFiled() {
        return firstReportFiled;
    }

    public boolean isGovernmentBill() {
        return governmentBill;
    }

    public boolean isAppealOpen() {
        return appealOpen;
    }

    public String getEndedByKind() {
        return endedByKind;
    }

    public LocalDate getEndedByDueOn() {
        return endedByDueOn;
    }

    public String getEndedByArticle() {
        return endedByArticle;
    }

    public DebateRecord getRecord() {
        return record;
    }

    public boolean isDebating() {
        return DEBATES.contains(stage);
    }
}
