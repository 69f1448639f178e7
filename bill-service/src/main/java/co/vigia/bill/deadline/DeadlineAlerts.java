package co.vigia.bill.deadline;

import co.vigia.bill.procedure.Deadline;
import co.vigia.bill.procedure.DeadlineKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which deadline-approaching alerts are due: one per (deadline, due date, lead time), remembered by
 * key. When a bill first shows up inside several lead times (say 3 days left with leads 30, 7, 1),
 * only the tightest one crossed is sent and the wider ones are marked as sent, so nobody gets three
 * alerts at once for the same deadline.
 */
public final class DeadlineAlerts {

    private DeadlineAlerts() {
    }

    /** One alert to send and the keys it settles. */
    public record Alert(Deadline deadline, int leadDays, String key, List<String> settles) {
    }

    public static String key(Deadline deadline, int leadDays) {
        return deadline.kind() + "|" + deadline.dueOn() + "|" + leadDays;
    }

    public static List<Alert> due(List<Deadline> deadlines, List<Integer> leadDays, Set<String> alreadySent) {
        TreeSet<Integer> leads = new TreeSet<>(leadDays);
        List<Alert> alerts = new ArrayList<>();
        for (Deadline deadline : deadlines) {
            if (!deadline.kind().alerted() || deadline.daysLeft() < 0 || coveredByAnother(deadline, deadlines)) {
                continue;
            }
            List<Integer> crossed = leads.stream().filter(lead -> deadline.daysLeft() <= lead).toList();
            if (crossed.isEmpty()) {
                continue;
            }
            int tightest = crossed.get(0);
            String key = key(deadline, tightest);
            if (alreadySent.contains(key)) {
                continue;
            }
            List<String> settles = crossed.stream().map(lead -> key(deadline, lead))
                    .filter(k -> !alreadySent.contains(k)).toList();
            alerts.add(new Alert(deadline, tightest, key, settles));
        }
        return alerts;
    }

    /** The end of the legislature on the very day the bill's own limit falls says nothing the limit's alert does not. */
    private static boolean coveredByAnother(Deadline deadline, List<Deadline> deadlines) {
        return deadline.kind() == DeadlineKind.END_OF_LEGISLATURE && deadlines.stream().anyMatch(other ->
                other.kind() != DeadlineKind.END_OF_LEGISLATURE && other.kind().alerted()
                        && other.dueOn().equals(deadline.dueOn()));
    }
}
