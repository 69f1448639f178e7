package co.vigia.vote.rollcall;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.VoteOutcome;
import co.vigia.starter.outbox.OutboxMessage;
import co.vigia.vote.tally.Counts;
import co.vigia.vote.tally.Majority;
import co.vigia.vote.tally.MajorityRule;
import co.vigia.vote.tally.Tally;
import co.vigia.vote.tally.TallyResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A new roll call from its request, tallied against its bill's kind when that is known. */
final class RollCallTally {

    private RollCallTally() {
    }

    /** Waiting for its bill when {@code kind} is null; otherwise tallied, its tallied event in its outbox. */
    static RollCall newRollCall(RollCallRequest request, String hash, Instant now, BillKind kind, String source) {
        String id = UUID.randomUUID().toString();
        Counts counts = RollCallChecks.counts(request);
        boolean totalsOnly = request.members() == null || request.members().isEmpty();
        RollCall waiting = new RollCall(id, request.externalId(), hash, request.billId(), request.chamber(),
                request.body(), request.debate(), request.round(), request.date(), request.motion(),
                request.seats() == null ? 0 : request.seats(),
                totalsOnly, totalsOnly ? List.of() : List.copyOf(request.members()), counts,
                RollCallStatus.WAITING_FOR_BILL, null, now, null, List.of(), TallyBasis.of(request),
                request.sourceUrl());
        if (kind == null) {
            return waiting;
        }
        Verdict verdict = tally(waiting, kind);
        OutboxMessage event = VoteTalliedEvents.outboxMessage(source, waiting, verdict, now);
        return new RollCall(id, waiting.externalId(), hash, waiting.billId(), waiting.chamber(), waiting.body(),
                waiting.debate(), waiting.round(), waiting.date(), waiting.motion(), waiting.seats(), totalsOnly,
                waiting.members(), counts, RollCallStatus.TALLIED, verdict, now, now, List.of(event), waiting.basis(),
                waiting.sourceUrl());
    }

    static Verdict tally(RollCall roll, BillKind kind) {
        TallyBasis basis = roll.basis();
        Majority majority = MajorityRule.required(kind, roll.debate(), roll.round(), basis.generalAmnestyOrPardon());
        TallyResult result;
        if (basis.declaredOutcome() != null) {
            // Ley 1431 de 2011: an ordinary vote's record is its declared result; the counts given are partial, and
            // a body's seats the record does not give (0) leave quorum and majority unknown (0)
            boolean seatsKnown = roll.seats() > 0;
            int base = seatsKnown ? roll.seats() - basis.vacantSeats() : 0;
            result = new TallyResult(roll.counts(), base, seatsKnown ? Tally.decisoryQuorum(base) : 0,
                    basis.declaredOutcome() != VoteOutcome.NO_QUORUM, majority,
                    seatsKnown ? majority.votesNeeded(base, roll.counts().present()) : 0, basis.declaredOutcome());
        } else {
            result = Tally.of(roll.counts(), roll.seats(), basis.vacantSeats(), majority);
        }
        return Verdict.of(kind, result, MajorityRule.source(kind, roll.debate(), majority));
    }
}
