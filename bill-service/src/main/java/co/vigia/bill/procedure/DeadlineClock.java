package co.vigia.bill.procedure;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Debate;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bill's constitutional deadlines computed from its own dates and today's date (arts. 138, 153,
 * 160, 162, 163, 166, 375). Plain Java, no clock of its own.
 */
public final class DeadlineClock {

    /** Art. 163. */
    public static final int URGENCY_DAYS = 30;
    /** Art. 167: the Court's term on an insisted objection of unconstitutionality. */
    public static final int COURT_DAYS = 6;

    private DeadlineClock() {
    }

    public static List<Deadline> deadlines(Procedure procedure, LocalDate filedOn, Integer articleCount,
                                           LocalDate today) {
        List<Deadline> deadlines = new ArrayList<>();
        Stage stage = procedure.getStage();
        if (stage.isInCongress()) {
            add(deadlines, DeadlineKind.END_OF_LEGISLATURE, Legislatures.end(today), today,
                    "the current legislature ends (sessions 20 July-16 December and, from 2024, 16 February-20 June)");
            legislatureLimit(procedure, filedOn).ifPresent(limit -> deadlines.add(new Deadline(
                    DeadlineKind.LEGISLATURE_LIMIT, limit, ChronoUnit.DAYS.between(today, limit),
                    limitArticle(procedure), limitDescription(procedure))));
            if (procedure.isUrgent() && procedure.getUrgencyDeclaredOn() != null) {
                add(deadlines, DeadlineKind.URGENCY_WINDOW, procedure.getUrgencyDeclaredOn().plusDays(URGENCY_DAYS),
                        today, "30 days from the message of urgency of " + procedure.getUrgencyDeclaredOn());
            }
            nextDebateEarliest(procedure).ifPresent(earliest -> add(deadlines, DeadlineKind.NEXT_DEBATE_EARLIEST,
                    earliest, today, "the art. 160 gap before the " + stage + " may be held"));
        }
        objectionDeadline(procedure, articleCount).ifPresent(due -> add(deadlines, DeadlineKind.OBJECTION_DEADLINE,
                due, today, objectionDays(articleCount) + " working days from the day after the government received"
                        + " the bill on " + procedure.getSentToSanctionOn() + ", for a bill of " + articleCount
                        + " articles; after it, unsanctioned, the president of Congress sanctions (art. 168)"));
        if (stage == Stage.COURT_REVIEW_OF_OBJECTION && procedure.getStageSince() != null) {
            // "dentro de los seis días siguientes": counted here in working days, the later (conservative) reading
            add(deadlines, DeadlineKind.COURT_OBJECTION_RULING, WorkingDays.add(procedure.getStageSince(), COURT_DAYS),
                    today, "art. 167: the Court decides an insisted objection within 6 (working) days of receiving it ("
                            + procedure.getStageSince() + ")");
        }
        if (procedure.getEndedByDueOn() != null) {
            // arts. 153, 162: the limit that archived the bill stays readable after it
            deadlines.add(new Deadline(DeadlineKind.valueOf(procedure.getEndedByKind()), procedure.getEndedByDueOn(),
                    ChronoUnit.DAYS.between(today, procedure.getEndedByDueOn()), procedure.getEndedByArticle(),
                    "ended the bill: archived on " + procedure.getEndedByDueOn() + " when its time ran out"));
        }
        return deadlines;
    }

    /**
     * Art. 162: two legislatures, the second only if the first debate was held in the first; art. 153:
     * one for statutory laws; art. 375: a legislative act's two consecutive periods.
     */
    public static Optional<LocalDate> legislatureLimit(Procedure procedure, LocalDate filedOn) {
        if (filedOn == null || !procedure.getStage().isInCongress()) {
            return Optional.empty();
        }
        LocalDate endOfFirst = Legislatures.end(filedOn);
        BillKind kind = procedure.getKind();
        if (kind == BillKind.STATUTORY) {
            return Optional.of(endOfFirst);
        }
        if (kind == BillKind.LEGISLATIVE_ACT) {
            return Optional.of(Legislatures.end(filedOn, 1));
        }
        LocalDate firstDebate = procedure.firstDebatePassedOn();
        boolean continues = firstDebate != null && !firstDebate.isAfter(endOfFirst);
        return Optional.of(continues ? Legislatures.end(filedOn, 1) : endOfFirst);
    }

    /** Art. 153 for a statutory law's one legislature, art. 375 for a legislative act, art. 162 otherwise. */
    static String limitArticle(Procedure procedure) {
        return switch (procedure.getKind()) {
            case STATUTORY -> "art. 153";
            case LEGISLATIVE_ACT -> "art. 375";
            default -> "art. 162";
        };
    }

    private static String limitDescription(Procedure procedure) {
        return switch (procedure.getKind()) {
            case STATUTORY -> "art. 153: a statutory law must pass within one legislature";
            case LEGISLATIVE_ACT -> "art. 375: two consecutive ordinary periods";
            default -> procedure.firstDebatePassedOn() != null
                    ? "art. 162: had its first debate, so it may continue into a second legislature"
                    : "art. 162: without a first debate it ends with the legislature it was filed in";
        };
    }

    /** Art. 160: 8 days from committee approval to the plenary, 15 between the chambers. */
    public static Optional<LocalDate> nextDebateEarliest(Procedure procedure) {
        Debate previous;
        int days;
        switch (procedure.getStage()) {
            case SECOND_DEBATE -> {
                previous = procedure.isJointCommittees() ? Debate.JOINT_COMMITTEES : Debate.FIRST;
                days = Procedure.COMMITTEE_TO_PLENARY_DAYS;
            }
            case THIRD_DEBATE -> {
                previous = Debate.SECOND;
                days = Procedure.BETWEEN_CHAMBERS_DAYS;
            }
            case FOURTH_DEBATE -> {
                previous = procedure.isJointCommittees() ? Debate.JOINT_COMMITTEES : Debate.THIRD;
                days = Procedure.COMMITTEE_TO_PLENARY_DAYS;
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(procedure.passedOn(previous)).map(d -> d.plusDays(days));
    }

    /**
     * Arts. 165-166: counted in working days from the day after the government received the bill; none while the
     * bill has not reached it (conciliation comes first, art. 161).
     */
    public static Optional<LocalDate> objectionDeadline(Procedure procedure, Integer articleCount) {
        if (procedure.getStage() != Stage.SENT_TO_SANCTION || procedure.isObjectionsExhausted()
                || procedure.getKind() == BillKind.LEGISLATIVE_ACT || articleCount == null
                || procedure.getSentToSanctionOn() == null) {
            return Optional.empty();
        }
        return Optional.of(WorkingDays.add(procedure.getSentToSanctionOn(), objectionDays(articleCount)));
    }

    /** Art. 166: 6 working days up to 20 articles, 10 from 21 to 50, 20 above 50. */
    public static int objectionDays(int articleCount) {
        if (articleCount <= 20) {
            return 6;
        }
        return articleCount <= 50 ? 10 : 20;
    }

    private static void add(List<Deadline> deadlines, DeadlineKind kind, LocalDate due, LocalDate today,
                            String description) {
        deadlines.add(new Deadline(kind, due, ChronoUnit.DAYS.between(today, due), kind.article(), description));
    }
}
