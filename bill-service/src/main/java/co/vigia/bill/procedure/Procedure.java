package co.vigia.bill.procedure;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.ObjectionResolution;
import java.time.LocalDate;
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

    // package-private: the rule families beside this class (ActionRules, VoteRules) move the bill;
    // everything else reads the getters
    BillKind kind;
    Stage stage;
    private ArchiveReason archiveReason;
    /** Legislative acts go through the four debates twice (art. 375). */
    int round = 1;
    boolean urgent;
    LocalDate urgencyDeclaredOn;
    /** The first and third debates were held jointly (art. 163); the two plenaries then vote in either order. */
    boolean jointCommittees;
    /** Art. 163: the government asked the committees to deliberate jointly (only under urgency). */
    boolean jointDeliberationRequested;
    /** Ley 5 de 1992 art. 155: withdrawal is possible only before the first-debate report is filed. */
    boolean firstReportFiled;
    /** Government bill: its withdrawal needs the committee's acceptance (Ley 5 art. 155, conservative reading). */
    boolean governmentBill;
    /** Art. 159; Ley 5 de 1992 art. 166: an appeal against the committee's rejection is before the plenary. */
    boolean appealOpen;
    /** The limit that archived the bill (arts. 153, 162), kept so its deadlines stay readable. */
    private String endedByKind;
    private LocalDate endedByDueOn;
    private String endedByArticle;
    DebateRecord record = new DebateRecord();
    /** Debate name to the date its vote passed, in the current round. */
    Map<String, LocalDate> passedOn = new HashMap<>();
    /** Chambers whose plenary approved the pending two-chamber decision (conciliation, insistence, override). */
    Set<Chamber> chambersInFavour = new HashSet<>();
    private LocalDate stageSince;
    /** Art. 166: the day the government received the bill; the time to object runs from the day after. */
    LocalDate sentToSanctionOn;
    boolean conciliated;
    /** Art. 167: after an objection is overridden or dismissed the president must sanction, no new objection. */
    boolean objectionsExhausted;

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
        return ActionRules.apply(this, action, date, facts);
    }

    /**
     * Applies a tallied vote. Reality first: a vote breaking the art. 160 gaps is applied and flagged; a
     * vote for a debate the bill is not in is flagged and moves nothing; NO_QUORUM moves nothing.
     */
    public Outcome onVote(Debate debate, Chamber chamber, VoteOutcome outcome, LocalDate date) {
        return VoteRules.apply(this, debate, chamber, outcome, date);
    }

    /**
     * The bill goes to the government; the art. 166 time runs only from the day after the government receives it
     * ({@link ActionType#RECEIVED_BY_GOVERNMENT}), not from the last vote.
     */
    Outcome toSanction(LocalDate date, String article) {
        sentToSanctionOn = null;
        return move(Stage.SENT_TO_SANCTION, date, article);
    }

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

    void enter(Stage next, LocalDate date) {
        if (next != stage) {
            chambersInFavour = new HashSet<>();
        }
        stage = next;
        stageSince = date;
    }


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
