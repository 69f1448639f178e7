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
import co.vigia.bill.bill.UnknownBillException;
import co.vigia.bill.events.EventRuns.AppliedEvents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    private final BillStore store;
    private final BillRecorder recorder;
    private final EventRuns runs;

    public ProcedureEvents(BillStore store, BillRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
        this.runs = new EventRuns(store);
    }

    /** An event read and checked, ready to be applied to its bill ({@link #applyVotes}). */
    record PendingEvent(CloudEvent event, String billId, Consumer<Bill> change) {
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

    /**
     * What {@link #applyVotes} did: for each vote, whether it changed its bill (true), had been applied before (false)
     * or was not applied (null); and, when one could not be applied, the first such vote and why.
     */
    record VotesApplied(List<Boolean> applied, int stoppedAt, RuntimeException failure) {
    }

    /**
     * Applies a poll's votes bill by bill: all their bills in one read, then one write per bill (per
     * {@link EventRuns#MAX_EVENTS_PER_WRITE} votes) carrying its votes in order. A vote about an unknown bill is found
     * before any write, so no vote after it is applied; a failed read throws before anything is applied.
     */
    VotesApplied applyVotes(List<PendingEvent> votes) {
        // vote indexes by bill, bills in the order of their first vote
        Map<String, List<Integer>> byBill = new LinkedHashMap<>();
        for (int i = 0; i < votes.size(); i++) {
            byBill.computeIfAbsent(votes.get(i).billId(), id -> new ArrayList<>()).add(i);
        }
        Map<String, Bill> read = store.read(byBill.keySet());
        Boolean[] applied = new Boolean[votes.size()];
        int stop = votes.size();
        RuntimeException failure = null;
        for (Map.Entry<String, List<Integer>> group : byBill.entrySet()) {
            if (!read.containsKey(group.getKey())) {
                stop = group.getValue().get(0);
                failure = new UnknownBillException(group.getKey());
                break;
            }
        }
        for (Map.Entry<String, List<Integer>> group : byBill.entrySet()) {
            int before = stop;
            List<Integer> mine = group.getValue().stream().filter(i -> i < before).toList();
            if (mine.isEmpty()) {
                break; // bills come in the order of their first vote: no later one has a vote before the stop
            }
            AppliedEvents result = runs.apply(read.get(group.getKey()), mine.stream().map(votes::get).toList());
            for (int k = 0; k < result.applied().size(); k++) {
                applied[mine.get(k)] = result.applied().get(k);
            }
            if (result.failure() != null && mine.get(result.applied().size()) < stop) {
                stop = mine.get(result.applied().size());
                failure = result.failure();
            }
        }
        return new VotesApplied(Arrays.asList(applied), stop, failure);
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
