package co.vigia.bill.bill;

import co.vigia.bill.procedure.Deadline;
import co.vigia.bill.procedure.DeadlineClock;
import co.vigia.bill.procedure.ActionType;
import co.vigia.bill.procedure.ArchiveReason;
import co.vigia.bill.procedure.Procedure;
import co.vigia.bill.procedure.Stage;
import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What the bill API answers. */
public final class BillViews {

    private BillViews() {
    }

    /** A bill with its deadlines as of today and its flagged defects. */
    public record BillView(String id, String title, String summary, BillKind kind, Chamber originChamber,
                           Map<String, String> numbers, List<String> authors, List<String> topics, boolean urgent,
                           LocalDate urgencyDeclaredOn, LocalDate filedOn, Stage stage, ArchiveReason archiveReason,
                           LocalDate stageSince, int round, Integer articleCount, String lawNumber,
                           LocalDate sanctionedOn, String sourceUrl, Set<ActionType> allowedActions,
                           LocalDate today, List<Deadline> deadlines, List<FlaggedDefect> defects, int timelineEntries,
                           Instant createdAt, Instant updatedAt) {

        public static BillView of(Bill bill, LocalDate today) {
            Procedure p = bill.getProcedure();
            return new BillView(bill.getId(), bill.getTitle(), bill.getSummary(), bill.getKind(),
                    bill.getOriginChamber(), bill.getNumbers(), bill.getAuthors(), bill.getTopics(), p.isUrgent(),
                    p.getUrgencyDeclaredOn(), bill.getFiledOn(), p.getStage(), p.getArchiveReason(), p.getStageSince(),
                    p.getRound(), bill.getArticleCount(), bill.getLawNumber(), bill.getSanctionedOn(),
                    bill.getSourceUrl(), new TreeSet<>(p.allowedActions()), today,
                    DeadlineClock.deadlines(p, bill.getFiledOn(), bill.getArticleCount(), today), Defects.current(bill),
                    bill.getTimeline().size(), bill.getCreatedAt(), bill.getUpdatedAt());
        }
    }

    /** A bill in a list. */
    public record BillSummary(String id, String title, BillKind kind, Chamber originChamber, Stage stage,
                              boolean urgent, LocalDate filedOn, List<String> topics, String lawNumber,
                              Instant updatedAt) {

        public static BillSummary of(Bill bill) {
            return new BillSummary(bill.getId(), bill.getTitle(), bill.getKind(), bill.getOriginChamber(),
                    bill.getProcedure().getStage(), bill.getProcedure().isUrgent(), bill.getFiledOn(), bill.getTopics(),
                    bill.getLawNumber(), bill.getUpdatedAt());
        }
    }

    public record BillPage(List<BillSummary> items, int page, int size, long total) {
    }

    /** The answer to a recorded action: the entry and where the bill stands now. */
    public record ActionRecorded(TimelineEntry entry, Stage stage, Set<ActionType> allowedActions) {
    }

    public record Timeline(String billId, Stage stage, List<TimelineEntry> entries) {
    }

    /**
     * The procedural-defect radar of one bill: every defect flagged, each with its article, the facts it rests on and
     * whether it can still be cured now (its rule allows it and the bill is still before Congress).
     */
    public record Defects(String billId, Stage stage, int count, List<FlaggedDefect> defects) {

        public static Defects of(Bill bill) {
            List<FlaggedDefect> current = current(bill);
            return new Defects(bill.getId(), bill.getProcedure().getStage(), current.size(), current);
        }

        static List<FlaggedDefect> current(Bill bill) {
            boolean inCongress = bill.getProcedure().getStage().isInCongress();
            return bill.getDefects().stream().map(d -> d.curable() && !inCongress ? new FlaggedDefect(d.id(), d.rule(),
                    d.article(), d.description(), d.facts(), false, d.causeId(), d.date(), d.flaggedAt()) : d).toList();
        }
    }
}
