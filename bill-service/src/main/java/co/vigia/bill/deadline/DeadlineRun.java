package co.vigia.bill.deadline;

import co.vigia.bill.bill.BillRecorder;
import co.vigia.bill.bill.BillStore;
import co.vigia.bill.bill.EntryType;
import co.vigia.bill.bill.TimelineEntry;
import co.vigia.bill.procedure.Deadline;
import co.vigia.bill.procedure.DeadlineClock;
import co.vigia.bill.procedure.DeadlineKind;
import co.vigia.bill.procedure.Outcome;
import co.vigia.bill.procedure.Procedure;
import co.vigia.bill.procedure.Stage;
import co.vigia.contracts.bill.BillDeadlineApproaching;
import co.vigia.contracts.bill.BillLapsed;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The deadline clock on one bill: sends the alerts due and archives the bill when its time ran out. */
@Component
public class DeadlineRun {

    private final BillStore store;
    private final BillRecorder recorder;

    public DeadlineRun(BillStore store, BillRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    /** What one run on one bill did. */
    public record Result(int alerts, boolean lapsed) {
    }

    public Result run(String id, LocalDate today, List<Integer> leadDays) {
        return store.update(id, bill -> {
            Procedure procedure = bill.getProcedure();
            if (procedure.getStage().isClosed()) {
                return null;
            }
            List<Deadline> deadlines = DeadlineClock.deadlines(procedure, bill.getFiledOn(), bill.getArticleCount(),
                    today);
            Optional<Deadline> limit = deadlines.stream()
                    .filter(d -> d.kind() == DeadlineKind.LEGISLATURE_LIMIT && d.daysLeft() < 0).findFirst();
            if (limit.isPresent()) {
                Deadline due = limit.get();
                Stage last = procedure.getStage();
                // recorded on the day the limit fell, not the day the clock noticed it
                Outcome outcome = procedure.lapse(due.kind().name(), due.dueOn(), due.article());
                TimelineEntry entry = recorder.record(bill, EntryType.LAPSED, due.dueOn(),
                        "Archived: its time ran out on " + due.dueOn() + " (" + due.description() + ")", null,
                        "deadline-clock", null);
                recorder.emit(bill, deterministicId(bill.getId(), "lapsed", due.dueOn().toString()),
                        new BillLapsed(bill.getId(), due.kind().name(), due.dueOn(), last.name()));
                recorder.applyOutcome(bill, outcome, "LAPSED", entry.id(), due.dueOn());
                return new Result(0, true);
            }
            List<DeadlineAlerts.Alert> alerts = DeadlineAlerts.due(deadlines, leadDays,
                    new HashSet<>(bill.getSentAlerts()));
            if (alerts.isEmpty()) {
                return null;
            }
            for (DeadlineAlerts.Alert alert : alerts) {
                Deadline d = alert.deadline();
                recorder.emit(bill, deterministicId(bill.getId(), "deadline", alert.key()), new BillDeadlineApproaching(
                        bill.getId(), d.kind().name(), d.dueOn(), (int) d.daysLeft(), alert.leadDays()));
                bill.rememberAlerts(alert.settles());
            }
            return new Result(alerts.size(), false);
        }).orElse(new Result(0, false));
    }

    /** Same bill, deadline and lead time: same event id, however often the clock runs or the service restarts. */
    static String deterministicId(String billId, String what, String key) {
        return UUID.nameUUIDFromBytes(("vigia-bill|" + billId + "|" + what + "|" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
