package co.vigia.bill.events;

import co.vigia.bill.bill.Bill;
import co.vigia.bill.bill.BillRecorder;
import co.vigia.bill.bill.BillStore;
import co.vigia.bill.bill.EntryType;
import co.vigia.bill.procedure.DeadlineClock;
import co.vigia.bill.procedure.Outcome;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.objection.ObjectionFiled;
import co.vigia.contracts.objection.ObjectionResolved;
import co.vigia.contracts.vote.VoteTallied;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Applies vote-service's votes and objections to bills. Each write carries the ids of the events it applied, so a
 * redelivery changes nothing; an event that can never be applied throws {@link UnusableEventException} or
 * {@link co.vigia.bill.bill.UnknownBillException}.
 */
@Service
public class ProcedureEvents {

    /**
     * At most this many events go into one write of a bill: a batch of records about one bill grows its document (timeline,
     * outbox, applied ids) by a bounded amount per write.
     */
    public static final int MAX_EVENTS_PER_WRITE = 100;

    private final BillStore store;
    private final BillRecorder recorder;

    public ProcedureEvents(BillStore store, BillRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    /** An event read and checked, ready to be applied to its bill ({@link #applyEvents}). */
    record PendingEvent(CloudEvent event, String billId, Consumer<Bill> change) {
    }

    /**
     * What {@link #applyEvents} did. {@code applied} holds, for the first events in order, whether each changed the bill
     * (true) or had been applied before (false); they are all written. {@code failure}, when not null, is why the next
     * event ({@code applied.size()}) was not applied; it and the ones after it were not.
     */
    record AppliedEvents(List<Boolean> applied, RuntimeException failure) {
    }

    /** Reads a tallied vote and checks it names what the bill needs (or throws the reader's exception). */
    PendingEvent prepareVote(CloudEvent event) {
        VoteTallied vote = EventCodec.data(event, VoteTallied.class);
        if (vote.billId() == null || vote.debate() == null || vote.outcome() == null || vote.date() == null) {
            throw new UnusableEventException("vote event " + event.id() + " lacks billId, debate, outcome or date");
        }
        return new PendingEvent(event, vote.billId(), bill -> {
            Outcome outcome = bill.getProcedure().onVote(vote.debate(), vote.chamber(), vote.outcome(), vote.date());
            recorder.record(bill, EntryType.VOTE, vote.date(), EventTexts.vote(vote),
                    vote.sourceUrl(), "vote-service", vote.voteId());
            recorder.applyOutcome(bill, outcome, "VOTE_TALLIED", vote.voteId(), vote.date());
        });
    }

    /** The bills with these ids that exist, by id: one query for a whole batch of events. */
    Map<String, Bill> read(Collection<String> ids) {
        return store.read(ids);
    }

    /**
     * Applies events to one bill in their order, as applying them one by one would (same timeline entries, defects and
     * outbox messages, in the same order; an event applied before changes nothing), but with one write per
     * {@link #MAX_EVENTS_PER_WRITE} events instead of one read and one write per event: a burst of votes on one bill
     * rewrote its whole document (timeline, outbox, applied ids) once per vote. Starts from {@code bill} as just read
     * ({@link #read}). Never throws: an event that cannot be applied, or a write that failed, ends the run, and what was
     * written before it is reported.
     */
    AppliedEvents applyEvents(Bill bill, List<PendingEvent> events) {
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
            return new Run(before.bill(), before.applied(), before.failure() != null ? before.failure() : failed.failure());
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

    /** Returns false when the event was applied before (a re-delivery changes nothing). */
    boolean applyObjectionFiled(CloudEvent event) {
        ObjectionFiled objection = EventCodec.data(event, ObjectionFiled.class);
        if (objection.billId() == null || objection.kind() == null || objection.date() == null) {
            throw new UnusableEventException("objection event " + event.id() + " lacks billId, kind or date");
        }
        return applyEvent(event, objection.billId(), bill -> {
            LocalDate deadline = DeadlineClock.objectionDeadline(bill.getProcedure(), bill.getArticleCount())
                    .orElse(null);
            Outcome outcome = bill.getProcedure().onObjectionFiled(objection.kind(), objection.date(), deadline);
            recorder.record(bill, EntryType.OBJECTION, objection.date(),
                    EventTexts.objection(objection), objection.documentUrl(), "vote-service", objection.objectionId());
            recorder.applyOutcome(bill, outcome, "OBJECTION_FILED", objection.objectionId(), objection.date());
        });
    }

    /** Returns false when the event was applied before (a re-delivery changes nothing). */
    boolean applyObjectionResolved(CloudEvent event) {
        ObjectionResolved resolved = EventCodec.data(event, ObjectionResolved.class);
        if (resolved.billId() == null || resolved.resolution() == null || resolved.date() == null) {
            throw new UnusableEventException("objection event " + event.id() + " lacks billId, resolution or date");
        }
        return applyEvent(event, resolved.billId(), bill -> {
            Outcome outcome = bill.getProcedure().onObjectionResolved(resolved.resolution(), resolved.date());
            String text = "Objection " + (resolved.kind() == null ? "" : resolved.kind() + " ") + "resolved: "
                    + resolved.resolution();
            recorder.record(bill, EntryType.OBJECTION_RESOLVED, resolved.date(), text, null, "vote-service",
                    resolved.objectionId());
            recorder.applyOutcome(bill, outcome, "OBJECTION_RESOLVED", resolved.objectionId(), resolved.date());
        });
    }

    private boolean applyEvent(CloudEvent event, String billId, Consumer<Bill> change) {
        return store.update(billId, bill -> {
            if (bill.applied(event.id())) {
                return null; // already applied: an event applied twice changes nothing
            }
            change.accept(bill);
            bill.rememberApplied(event.id());
            return Boolean.TRUE;
        }).isPresent();
    }
}
