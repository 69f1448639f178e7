package co.vigia.bill.procedure;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.ObjectionResolution;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
    /** The first and third debates were held jointly (art. 163), so the origin plenary is followed by the other's. */
    private boolean jointCommittees;
    /** Debate name to the date its vote passed, in the current round. */
    private Map<String, LocalDate> passedOn = new HashMap<>();
    /** Chambers whose plenary approved the pending two-chamber decision (conciliation, insistence, override). */
    private Set<Chamber> chambersInFavour = new HashSet<>();
    private LocalDate stageSince;
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
        Set<ActionType> allowed = EnumSet.of(ActionType.NOTE, ActionType.COURT_RULING);
        if (stage.isClosed()) {
            return allowed;
        }
        if (stage.isInCongress()) {
            allowed.addAll(EnumSet.of(ActionType.RAPPORTEUR_APPOINTED, ActionType.REPORT_FILED,
                    ActionType.DEBATE_SCHEDULED, ActionType.URGENCY_MESSAGE));
        }
        switch (stage) {
            case FILED -> allowed.addAll(EnumSet.of(ActionType.ASSIGNED_TO_COMMITTEE, ActionType.WITHDRAWN));
            case FIRST_DEBATE, JOINT_COMMITTEES -> allowed.add(ActionType.WITHDRAWN);
            case COURT_PRIOR_REVIEW, COURT_REVIEW_OF_OBJECTION -> allowed.addAll(EnumSet.of(
                    ActionType.COURT_DECLARED_CONSTITUTIONAL, ActionType.COURT_DECLARED_UNCONSTITUTIONAL));
            case SENT_TO_SANCTION -> allowed.addAll(EnumSet.of(ActionType.SENT_TO_SANCTION, ActionType.SANCTIONED));
            case INSISTED -> allowed.addAll(EnumSet.of(ActionType.SENT_TO_COURT,
                    ActionType.COURT_DECLARED_CONSTITUTIONAL, ActionType.COURT_DECLARED_UNCONSTITUTIONAL));
            default -> {
            }
        }
        if ((stage == Stage.SENT_TO_SANCTION || stage == Stage.COURT_PRIOR_REVIEW) && !conciliated
                && !objectionsExhausted) {
            allowed.add(ActionType.TEXTS_DIFFER);
        }
        return allowed;
    }

    /** Applies an operator action; throws {@link IllegalTransitionException} (changing nothing) when not allowed. */
    public Outcome onAction(ActionType action, LocalDate date) {
        Set<ActionType> allowed = allowedActions();
        if (!allowed.contains(action)) {
            throw new IllegalTransitionException(stage, action, allowed,
                    action + " is not allowed while the bill is " + stage);
        }
        return switch (action) {
            case ASSIGNED_TO_COMMITTEE -> urgent
                    ? move(Stage.JOINT_COMMITTEES, date, "art. 163")
                    : move(Stage.FIRST_DEBATE, date, "Ley 5 de 1992 art. 144");
            case URGENCY_MESSAGE -> {
                urgent = true;
                urgencyDeclaredOn = date;
                yield stage == Stage.FILED || stage == Stage.FIRST_DEBATE
                        ? move(Stage.JOINT_COMMITTEES, date, "art. 163") : Outcome.none();
            }
            case TEXTS_DIFFER -> move(Stage.CONCILIATION, date, "art. 161");
            case SENT_TO_SANCTION -> {
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
            case SANCTIONED -> move(Stage.SANCTIONED, date, "art. 165");
            case WITHDRAWN -> move(Stage.WITHDRAWN, date, "Ley 5 de 1992 art. 155");
            case RAPPORTEUR_APPOINTED, REPORT_FILED, DEBATE_SCHEDULED, COURT_RULING, NOTE -> Outcome.none();
        };
    }

    // ------------------------------------------------------------------------------------- votes

    /**
     * Applies a tallied vote. Reality first: a vote breaking the art. 160 gaps is applied and flagged; a
     * vote for a debate the bill is not in is flagged and moves nothing; NO_QUORUM moves nothing.
     */
    public Outcome onVote(Debate debate, Chamber chamber, VoteOutcome outcome, LocalDate date) {
        if (stage.isClosed() || Stage.of(debate) != stage) {
            return new Outcome(null, List.of(new Defect(DefectRule.VOTE_OUT_OF_STAGE,
                    "a " + debate + " vote of " + date + " arrived while the bill is " + stage)));
        }
        List<Defect> defects = new ArrayList<>(gapDefects(debate, date));
        if (outcome == VoteOutcome.NO_QUORUM) {
            return new Outcome(null, defects);
        }
        Outcome moved = outcome == VoteOutcome.PASSED ? passed(debate, chamber, date) : failed(debate, date);
        return new Outcome(moved.change(), defects);
    }

    private Outcome passed(Debate debate, Chamber chamber, LocalDate date) {
        return switch (debate) {
            case FIRST -> pass(debate, date, Stage.SECOND_DEBATE, "art. 157-2");
            case JOINT_COMMITTEES -> {
                jointCommittees = true;
                yield pass(debate, date, Stage.SECOND_DEBATE, "art. 163");
            }
            case SECOND -> pass(debate, date, jointCommittees ? Stage.FOURTH_DEBATE : Stage.THIRD_DEBATE,
                    jointCommittees ? "art. 163" : "art. 157-3");
            case THIRD -> pass(debate, date, Stage.FOURTH_DEBATE, "art. 157-2");
            case FOURTH -> {
                passedOn.put(debate.name(), date);
                yield afterCongress(date);
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
            case FIRST, SECOND, THIRD, FOURTH, JOINT_COMMITTEES -> archive(ArchiveReason.REJECTED, date, "art. 157");
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
            conciliated = false;
            enter(Stage.FIRST_DEBATE, date);
            return new Outcome(change, List.of());
        }
        if (kind == BillKind.STATUTORY) {
            return move(Stage.COURT_PRIOR_REVIEW, date, "art. 153");
        }
        return toSanction(date, "art. 165");
    }

    private Outcome toSanction(LocalDate date, String article) {
        sentToSanctionOn = date;
        return move(Stage.SENT_TO_SANCTION, date, article);
    }

    /** Art. 160 gaps, measured from the passage the debate follows to the vote's date. */
    private List<Defect> gapDefects(Debate debate, LocalDate date) {
        List<Defect> defects = new ArrayList<>();
        switch (debate) {
            case SECOND -> gap(defects, debate, jointCommittees ? Debate.JOINT_COMMITTEES : Debate.FIRST, date,
                    COMMITTEE_TO_PLENARY_DAYS, DefectRule.ART_160_COMMITTEE_TO_PLENARY_GAP);
            case THIRD -> gap(defects, debate, Debate.SECOND, date, BETWEEN_CHAMBERS_DAYS,
                    DefectRule.ART_160_BETWEEN_CHAMBERS_GAP);
            case FOURTH -> gap(defects, debate, jointCommittees ? Debate.JOINT_COMMITTEES : Debate.THIRD, date,
                    COMMITTEE_TO_PLENARY_DAYS, DefectRule.ART_160_COMMITTEE_TO_PLENARY_GAP);
            default -> {
            }
        }
        return defects;
    }

    private void gap(List<Defect> defects, Debate debate, Debate previous, LocalDate date, int days, DefectRule rule) {
        LocalDate since = passedOn.get(previous.name());
        if (since != null && ChronoUnit.DAYS.between(since, date) < days) {
            defects.add(new Defect(rule, "art. 160: the " + debate + " debate's vote of " + date
                    + " came " + ChronoUnit.DAYS.between(since, date) + " days after the " + previous
                    + " debate passed on " + since + "; at least " + days + " are required"));
        }
    }

    // -------------------------------------------------------------------------------- objections

    /** Art. 166: a presidential objection moves a bill that is with the president; an opinion never moves it. */
    public Outcome onObjectionFiled(ObjectionKind kind, LocalDate date, LocalDate objectionDeadline) {
        if (kind == null || !kind.isPresidentialObjection()) {
            return Outcome.none();
        }
        if (stage != Stage.SENT_TO_SANCTION || objectionsExhausted) {
            return new Outcome(null, List.of(new Defect(DefectRule.OBJECTION_OUT_OF_STAGE,
                    "a presidential objection of " + date + " arrived while the bill is " + stage
                            + (objectionsExhausted ? " and may no longer be objected (art. 167)" : ""))));
        }
        List<Defect> defects = new ArrayList<>();
        if (objectionDeadline != null && date.isAfter(objectionDeadline)) {
            defects.add(new Defect(DefectRule.ART_166_LATE_OBJECTION, "art. 166: the objection of " + date
                    + " came after the president's time ran out on " + objectionDeadline));
        }
        Stage next = kind == ObjectionKind.PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY
                ? Stage.OBJECTED_UNCONSTITUTIONALITY : Stage.OBJECTED_INCONVENIENCE;
        return new Outcome(move(next, date, "art. 166").change(), defects);
    }

    /** Art. 167: how a formal objection ended moves the bill on. */
    public Outcome onObjectionResolved(ObjectionResolution resolution, LocalDate date) {
        boolean unconstitutionality = stage == Stage.OBJECTED_UNCONSTITUTIONALITY || stage == Stage.INSISTED
                || stage == Stage.COURT_REVIEW_OF_OBJECTION;
        boolean inconvenience = stage == Stage.OBJECTED_INCONVENIENCE;
        if (resolution != null && (unconstitutionality || inconvenience)) {
            switch (resolution) {
                case ACCEPTED -> {
                    return archive(ArchiveReason.OBJECTION_ACCEPTED, date, "art. 167");
                }
                case OVERRIDDEN -> {
                    if (inconvenience) {
                        objectionsExhausted = true;
                        return toSanction(date, "art. 167");
                    }
                }
                case REJECTED -> {
                    if (inconvenience) {
                        objectionsExhausted = true;
                        return toSanction(date, "art. 167");
                    }
                    if (stage != Stage.COURT_REVIEW_OF_OBJECTION) {
                        return move(Stage.COURT_REVIEW_OF_OBJECTION, date, "art. 167");
                    }
                }
                case DISMISSED_BY_COURT -> {
                    if (unconstitutionality) {
                        objectionsExhausted = true;
                        return toSanction(date, "art. 167");
                    }
                }
                case UPHELD_BY_COURT -> {
                    if (unconstitutionality) {
                        return archive(ArchiveReason.OBJECTION_UPHELD_BY_COURT, date, "art. 167");
                    }
                }
            }
        }
        return new Outcome(null, List.of(new Defect(DefectRule.OBJECTION_OUT_OF_STAGE,
                "an objection resolved as " + resolution + " on " + date + " arrived while the bill is " + stage)));
    }

    // ------------------------------------------------------------------------------------- time

    /** Arts. 153 and 162: the bill's time ran out while still in Congress; it is archived. */
    public Outcome lapse(LocalDate date, String article) {
        if (!stage.isInCongress()) {
            return Outcome.none();
        }
        return archive(ArchiveReason.LAPSED, date, article);
    }

    private Outcome archive(ArchiveReason reason, LocalDate date, String article) {
        StageChange change = new StageChange(stage, Stage.ARCHIVED, reason, article);
        archiveReason = reason;
        enter(Stage.ARCHIVED, date);
        return new Outcome(change, List.of());
    }

    private Outcome move(Stage next, LocalDate date, String article) {
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

    public boolean isDebating() {
        return DEBATES.contains(stage);
    }
}
