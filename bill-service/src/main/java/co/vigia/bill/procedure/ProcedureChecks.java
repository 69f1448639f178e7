package co.vigia.bill.procedure;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Debate;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The defects a debate's start or vote can show, from the facts recorded so far (arts. 138, 157-1, 160, 161; Ley 5
 * de 1992 arts. 156-157). A check that needs a missing fact (an announcement, a publication) runs only on a debate
 * whose proceedings the clerk records ({@link DebateRecord#kept}): what nobody recorded is unknown, not a defect.
 */
final class ProcedureChecks {

    /** Art. 138 as reformed in 2023: the pause for statutory laws and constitutional reforms, from 2024 on. */
    static final MonthDay PAUSE_FROM = MonthDay.of(2, 16);
    static final MonthDay PAUSE_TO = MonthDay.of(3, 15);
    static final int PAUSE_FIRST_YEAR = 2024;

    private ProcedureChecks() {
    }

    /** Checks for a debate that starts on {@code start} (its first session; the vote may come sessions later). */
    static List<Defect> atStart(Procedure p, Debate debate, LocalDate start, String startSource) {
        List<Defect> defects = new ArrayList<>();
        gap(p, debate, start, startSource, defects);
        publications(p, debate, start, defects);
        pause(p, debate, start, defects);
        return defects;
    }

    /** Checks for a vote; the start's checks run here too when no start was recorded (the vote then is the start). */
    static List<Defect> atVote(Procedure p, Debate debate, LocalDate date) {
        List<Defect> defects = new ArrayList<>();
        if (p.getRecord().startedOn(debate).isEmpty()) {
            gap(p, debate, date, null, defects);
            if (p.getRecord().kept(debate)) {
                publications(p, debate, date, defects);
            }
            pause(p, debate, date, defects);
        }
        // the announcement is checked only where the clerk records the sessions or announcements of that debate
        if (p.getRecord().sessionsKept(debate)) {
            announcement(p, debate, date, defects);
        }
        if (debate == Debate.CONCILIATION) {
            conciliationReport(p, date, defects);
        }
        return defects;
    }

    /** Art. 160: 8 days from committee approval to the plenary debate's start, 15 between the chambers. */
    private static void gap(Procedure p, Debate debate, LocalDate start, String startSource, List<Defect> defects) {
        Debate previous;
        int days;
        DefectRule rule;
        switch (debate) {
            case SECOND -> {
                previous = p.isJointCommittees() ? Debate.JOINT_COMMITTEES : Debate.FIRST;
                days = Procedure.COMMITTEE_TO_PLENARY_DAYS;
                rule = DefectRule.ART_160_COMMITTEE_TO_PLENARY_GAP;
            }
            case THIRD -> {
                previous = Debate.SECOND;
                days = Procedure.BETWEEN_CHAMBERS_DAYS;
                rule = DefectRule.ART_160_BETWEEN_CHAMBERS_GAP;
            }
            case FOURTH -> {
                previous = p.isJointCommittees() ? Debate.JOINT_COMMITTEES : Debate.THIRD;
                days = Procedure.COMMITTEE_TO_PLENARY_DAYS;
                rule = DefectRule.ART_160_COMMITTEE_TO_PLENARY_GAP;
            }
            default -> {
                return;
            }
        }
        LocalDate since = p.passedOn(previous);
        if (since == null) {
            return;
        }
        long between = ChronoUnit.DAYS.between(since, start);
        if (between < days) {
            defects.add(new Defect(rule, "art. 160: the " + debate + " debate started on " + start + ", " + between
                    + " days after the " + previous + " debate passed on " + since + "; at least " + days
                    + " are required", List.of(new Fact(since, "the " + previous + " debate passed", null),
                    new Fact(start, "the " + debate + " debate started", startSource))));
        }
    }

    /** Art. 157-1 (the bill) and Ley 5 arts. 156-157 (the debate's report): published before the debate starts. */
    private static void publications(Procedure p, Debate debate, LocalDate start, List<Defect> defects) {
        DebateRecord record = p.getRecord();
        if (debate == Debate.FIRST || debate == Debate.JOINT_COMMITTEES) {
            if (record.publications(PublicationKind.BILL_TEXT, null).stream()
                    .noneMatch(pub -> !pub.gacetaDate().isAfter(start))) {
                defects.add(new Defect(DefectRule.ART_157_BILL_NOT_PUBLISHED, "art. 157-1: the committee took the bill"
                        + " up on " + start + " and no publication of the bill in the Gaceta del Congreso on or before"
                        + " that day is recorded", List.of(new Fact(start, "the " + debate + " debate started",
                        record.startSource(debate)))));
            }
        }
        // the rule is the first-debate report; the later ponencias are not checked (conservative)
        if ((debate == Debate.FIRST || debate == Debate.JOINT_COMMITTEES)
                && record.publications(PublicationKind.REPORT, debate).stream()
                .noneMatch(pub -> !pub.gacetaDate().isAfter(start))) {
            defects.add(new Defect(DefectRule.REPORT_NOT_PUBLISHED, "Ley 5 de 1992 arts. 156-157: the " + debate
                    + " debate started on " + start + " and no publication of its report on or before that day is"
                    + " recorded", List.of(new Fact(start, "the " + debate + " debate started",
                    record.startSource(debate)))));
        }
    }

    /** Art. 160, last paragraph: voted only in a session for which the vote was announced in an earlier one. */
    private static void announcement(Procedure p, Debate debate, LocalDate date, List<Defect> defects) {
        List<DebateRecord.Announcement> announcements = p.getRecord().announcements(debate);
        boolean announced = announcements.stream()
                .anyMatch(a -> a.forSession().equals(date) && a.announcedOn().isBefore(date));
        if (announced) {
            return;
        }
        List<Fact> facts = new ArrayList<>();
        announcements.forEach(a -> facts.add(new Fact(a.announcedOn(), "the vote was announced for the session of "
                + a.forSession(), a.sourceUrl())));
        p.getRecord().sessions(debate).stream().filter(s -> s.date().isBefore(date)).forEach(s -> facts.add(
                new Fact(s.date(), "session held without announcing a vote for " + date, s.sourceUrl())));
        facts.add(new Fact(date, "the " + debate + " vote", null));
        defects.add(new Defect(DefectRule.ART_160_UNANNOUNCED_VOTE, "art. 160: the " + debate + " vote of " + date
                + " was not announced for that session in an earlier one (announcements recorded: "
                + announcements.size() + ")", facts));
    }

    /** Art. 161: the conciliation report published at least one day before the plenary votes it. */
    private static void conciliationReport(Procedure p, LocalDate date, List<Defect> defects) {
        if (!p.getRecord().kept(Debate.CONCILIATION)) {
            return;
        }
        List<DebateRecord.Publication> reports = p.getRecord().publications(PublicationKind.CONCILIATION_REPORT, null);
        if (reports.stream().noneMatch(r -> !r.gacetaDate().isAfter(date.minusDays(1)))) {
            List<Fact> facts = new ArrayList<>();
            reports.forEach(r -> facts.add(new Fact(r.gacetaDate(), "conciliation report in Gaceta " + r.gacetaNumber(),
                    r.sourceUrl())));
            facts.add(new Fact(date, "the conciliation vote", null));
            defects.add(new Defect(DefectRule.ART_161_CONCILIATION_REPORT_NOT_PUBLISHED, "art. 161: the conciliation"
                    + " report voted on " + date + " was not published at least one day before", facts));
        }
    }

    /**
     * Art. 138 as reformed in 2023 (the second period starts 16 February from 2024): statutory laws and
     * constitutional reforms are not processed between 16 February and 15 March.
     */
    private static void pause(Procedure p, Debate debate, LocalDate date, List<Defect> defects) {
        BillKind kind = p.getKind();
        if ((kind == BillKind.STATUTORY || kind == BillKind.LEGISLATIVE_ACT) && inPause(date)) {
            defects.add(new Defect(DefectRule.ART_138_STATUTORY_PAUSE, "art. 138: the " + debate + " debate of a "
                    + kind + " bill on " + date + " falls in the pause of 16 February-15 March",
                    List.of(new Fact(date, "the " + debate + " debate", null))));
        }
    }

    static boolean inPause(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        return date.getYear() >= PAUSE_FIRST_YEAR && !day.isBefore(PAUSE_FROM) && !day.isAfter(PAUSE_TO);
    }
}
