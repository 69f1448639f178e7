package co.vigia.bill.events;

import co.vigia.bill.bill.Bill;
import co.vigia.bill.bill.BillStore;
import co.vigia.bill.events.ProcedureEvents.PendingEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A bill's events applied in runs, one write a run, stopping at the first event that cannot be applied. */
final class EventRuns {

    /**
     * At most this many events go into one write of a bill: a batch of records about one bill grows its document
     * (timeline, outbox, applied ids) by a bounded amount per write.
     */
    static final int MAX_EVENTS_PER_WRITE = 100;

    private final BillStore store;

    EventRuns(BillStore store) {
        this.store = store;
    }

    /**
     * What {@link #apply} did. {@code applied} holds, for the first events in order, whether each changed the bill
     * (true) or had been applied before (false); they are all written. {@code failure}, when not null, is why the next
     * event ({@code applied.size()}) was not applied; it and the ones after it were not.
     */
    record AppliedEvents(List<Boolean> applied, RuntimeException failure) {
    }

    /**
     * Applies events to one bill in their order, as applying them one by one would (same timeline entries, defects and
     * outbox messages, in the same order; an event applied before changes nothing), but with one write per
     * {@link #MAX_EVENTS_PER_WRITE} events instead of one read and one write per event: a burst of votes on one bill
     * rewrote its whole document (timeline, outbox, applied ids) once per vote. Starts from {@code bill} as just read
     * ({@link BillStore#read}). Never throws: an event that cannot be applied, or a write that failed, ends the run, and
     * what was written before it is reported.
     */
    AppliedEvents apply(Bill bill, List<PendingEvent> events) {
        List<Boolean> applied = new ArrayList<>(events.size());
        Bill current = bill;
        for (int from = 0; from < events.size(); from += MAX_EVENTS_PER_WRITE) {
            List<PendingEvent> run = events.subList(from, Math.min(events.size(), from + MAX_EVENTS_PER_WRITE));
            Run done;
            try {
                done = applyRun(current, run);
            } catch (RuntimeException e) {
                // nothing of this run was written (a read or the save failed)
                return new AppliedEvents(applied, e);
            }
            applied.addAll(done.applied());
            if (done.failure() != null) {
                return new AppliedEvents(applied, done.failure());
            }
            current = done.bill();
        }
        return new AppliedEvents(applied, null);
    }

    /** One run's outcome, and the bill as it now is (for the next run, without reading it again). */
    private record Run(Bill bill, List<Boolean> applied, RuntimeException failure) {
    }

    private Run applyRun(Bill read, List<PendingEvent> run) {
        try {
            return store.update(read, bill -> applyAll(bill, run))
                    .map(saved -> new Run(saved.bill(), saved.result(), null))
                    .orElseGet(() -> new Run(read, Collections.nCopies(run.size(), false), null));
        } catch (EventFailed failed) {
            if (!failed.changedBefore()) {
                return new Run(read, failed.applied(), failed.failure());
            }
            // the failing event may have changed the bill half-way: apply the ones before it to a fresh read
            Run before = applyRun(store.get(read.getId()), run.subList(0, failed.applied().size()));
            return new Run(before.bill(), before.applied(),
                    before.failure() != null ? before.failure() : failed.failure());
        }
    }

    /** The run's events applied to the bill: null when all had been applied before, nothing to save. */
    private static List<Boolean> applyAll(Bill bill, List<PendingEvent> run) {
        List<Boolean> applied = new ArrayList<>(run.size());
        for (PendingEvent event : run) {
            if (bill.applied(event.event().id())) {
                applied.add(false); // already applied: an event applied twice changes nothing
                continue;
            }
            try {
                event.change().accept(bill);
            } catch (RuntimeException e) {
                throw new EventFailed(applied, e); // nothing of this attempt is saved
            }
            bill.rememberApplied(event.event().id());
            applied.add(true);
        }
        return applied.contains(true) ? applied : null;
    }

    /** An event of a run threw: carries how far the run got, past the store's write, which then saves nothing. */
    private static final class EventFailed extends RuntimeException {
        private final List<Boolean> applied;
        private final RuntimeException failure;

        EventFailed(List<Boolean> applied, RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.applied = List.copyOf(applied);
            this.failure = failure;
        }

        RuntimeException failure() {
            return failure;
        }

        List<Boolean> applied() {
            return applied;
        }

        boolean changedBefore() {
            return applied.contains(true);
        }
    }
}
