package co.vigia.web.bill;

import co.vigia.web.record.ArchiveReason;
import co.vigia.web.record.Stage;
import co.vigia.web.record.BillApi;
import co.vigia.web.i18n.When;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a bill's page tells before the details: its path, the next step and the nearest deadline, and, for a closed
 * bill, when and why it closed.
 *
 * @param archiveKey the bundle key saying why it was archived ({@code archive.LAPSED.noFirstDebate}, ...), or null
 */
public record BillStory(List<ProcedurePath.Point> path, ProcedurePath.Step next, Countdown nextDeadline,
                        List<Countdown> deadlines, LocalDate closedOn, String archiveKey) {

    /** A deadline with its days left as of today in Bogotá. */
    public record Countdown(BillApi.Deadline deadline, long daysLeft) {

        public boolean passed() {
            return daysLeft < 0;
        }
    }

    public static BillStory of(BillApi.Bill bill, List<BillApi.Entry> timeline, When when) {
        Set<Stage> seen = EnumSet.noneOf(Stage.class);
        timeline.stream().map(BillApi.Entry::stageAfter).filter(s -> s != null).forEach(seen::add);
        boolean jointRequested = timeline.stream().anyMatch(e -> "JOINT_DELIBERATION_REQUESTED".equals(e.action())
                || "JOINT_DELIBERATION_REQUESTED".equals(e.type()));
        List<ProcedurePath.Point> path = ProcedurePath.of(bill.stage(), seen, bill.kind(), jointRequested);
        List<Countdown> deadlines = bill.deadlines().stream().filter(d -> d.dueOn() != null)
                .map(d -> new Countdown(d, when.daysUntil(d.dueOn())))
                .sorted(Comparator.comparing(c -> c.deadline().dueOn())).toList();
        Countdown nearest = bill.stage().isClosed() ? null
                : deadlines.stream().filter(c -> !c.passed()).findFirst().orElse(null);
        LocalDate closedOn = bill.stage().isClosed() ? closedOn(bill, timeline) : null;
        return new BillStory(path, bill.stage().isClosed() ? null : ProcedurePath.next(path), nearest, deadlines,
                closedOn, archiveKey(bill, seen));
    }

    private static LocalDate closedOn(BillApi.Bill bill, List<BillApi.Entry> timeline) {
        if (bill.stage() == Stage.SANCTIONED && bill.sanctionedOn() != null) {
            return bill.sanctionedOn();
        }
        return timeline.stream().filter(e -> e.stageAfter() == bill.stage() && e.date() != null)
                .map(BillApi.Entry::date).max(Comparator.naturalOrder()).orElse(bill.stageSince());
    }

    /** Art. 162: a bill that had no first debate when the legislature ended is archived, not carried over. */
    private static String archiveKey(BillApi.Bill bill, Set<Stage> seen) {
        if (bill.stage() != Stage.ARCHIVED || bill.archiveReason() == null) {
            return null;
        }
        if (bill.archiveReason() == ArchiveReason.LAPSED && !passedFirstDebate(seen)) {
            return "archive.LAPSED.noFirstDebate";
        }
        return "archive." + bill.archiveReason().name();
    }

    private static boolean passedFirstDebate(Set<Stage> seen) {
        return seen.stream().anyMatch(s -> s != Stage.FILED && s != Stage.FIRST_DEBATE && s != Stage.JOINT_COMMITTEES
                && !s.isClosed() && s != Stage.UNKNOWN);
    }
}
