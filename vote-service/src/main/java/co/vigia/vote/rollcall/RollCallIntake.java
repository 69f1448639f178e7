package co.vigia.vote.rollcall;

import co.vigia.starter.VigiaProperties;
import co.vigia.starter.outbox.OutboxMessage;
import co.vigia.starter.outbox.OutboxRelay;
import co.vigia.starter.web.ApiProblem.FieldProblem;
import co.vigia.contracts.EventCodec;
import co.vigia.vote.billfacts.BillFactsLookup;
import co.vigia.vote.billfacts.BillFactsService;
import co.vigia.vote.tally.Counts;
import co.vigia.vote.tally.Majority;
import co.vigia.vote.tally.MajorityRule;
import co.vigia.vote.tally.TallyResult;
import co.vigia.vote.tally.Tally;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Records roll calls, one or thousands at a time: checks each, recognises an {@code externalId} seen before,
 * tallies against the bill's facts (or stores the roll call as waiting for them), stages its
 * {@code co.vigia.vote.tallied} event and then writes the roll call; the event is published right after.
 */
@Service
public class RollCallIntake {

    /** Congress sits in Bogotá: "today" for the future-date check is Bogotá's today. */
    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private static final int INSERT_CHUNK = 200;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final BillFactsService billFacts;
    private final Validator validator;
    private final Clock clock;
    private final String source;

    public RollCallIntake(MongoTemplate mongo, OutboxRelay relay, BillFactsService billFacts, Validator validator,
                          Clock clock, VigiaProperties properties) {
        this.mongo = mongo;
        this.relay = relay;
        this.billFacts = billFacts;
        this.validator = validator;
        this.clock = clock;
        this.source = properties.source();
    }

    public IntakeOutcome record(RollCallRequest request) {
        return recordAll(java.util.Collections.singletonList(request)).get(0);
    }

    /** One outcome per request, in order; a refused request does not affect the others. */
    public List<IntakeOutcome> recordAll(List<RollCallRequest> requests) {
        int n = requests.size();
        IntakeOutcome[] outcomes = new IntakeOutcome[n];
        String[] hashes = new String[n];
        LocalDate today = LocalDate.now(clock.withZone(BOGOTA));

        Map<String, Integer> firstByExternalId = new HashMap<>();
        int[] repeatOf = new int[n];
        java.util.Arrays.fill(repeatOf, -1);
        for (int i = 0; i < n; i++) {
            RollCallRequest request = requests.get(i);
            List<FieldProblem> problems = validate(request, today);
            if (!problems.isEmpty()) {
                outcomes[i] = IntakeOutcome.Rejected.invalid(problems);
                continue;
            }
            hashes[i] = hash(request);
            Integer first = firstByExternalId.putIfAbsent(request.externalId(), i);
            if (first != null) {
                if (hashes[first].equals(hashes[i])) {
                    repeatOf[i] = first;
                } else {
                    outcomes[i] = conflict(request.externalId());
                }
            }
        }

        Map<String, RollCall> existing = existing(firstByExternalId.keySet());
        Set<String> billIds = new HashSet<>();
        for (Map.Entry<String, Integer> first : firstByExternalId.entrySet()) {
            if (!existing.containsKey(first.getKey())) {
                billIds.add(requests.get(first.getValue()).billId());
            }
        }
        Map<String, BillFactsLookup> facts = billFacts.lookupAll(billIds);
        Instant now = clock.instant();
        List<RollCall> toInsert = new ArrayList<>();
        Map<String, Integer> indexOfNew = new HashMap<>();
        for (Map.Entry<String, Integer> first : firstByExternalId.entrySet()) {
            int i = first.getValue();
            RollCallRequest request = requests.get(i);
            RollCall before = existing.get(request.externalId());
            if (before != null) {
                outcomes[i] = sameContent(before, hashes[i]);
                continue;
            }
            BillFactsLookup lookup = facts.get(request.billId());
            if (lookup instanceof BillFactsLookup.Unknown) {
                outcomes[i] = new IntakeOutcome.Rejected(404, "not-found", "Bill not found",
                        "bill '" + request.billId() + "' does not exist in bill-service",
                        List.of(new FieldProblem("billId", "no such bill")));
                continue;
            }
            if (lookup instanceof BillFactsLookup.Known known && known.facts().filedAfter(request.date())) {
                outcomes[i] = beforeFiling(request, known.facts().filedOn());
                continue;
            }
            RollCall roll = newRollCall(request, hashes[i], now,
                    lookup instanceof BillFactsLookup.Known known ? known : null);
            toInsert.add(roll);
            indexOfNew.put(roll.externalId(), i);
        }

        // Two writes per chunk, in this order: the events (staged apart), then the roll calls without them. A crash
        // between the two leaves events whose roll call was never stored: the relay's sweep publishes a staged event
        // only once its roll call exists, and drops it after vigia.outbox.orphan-after. A crash after both leaves them
        // for the sweep, which finds their roll calls. Kept inside the roll call, publishing each event meant a
        // rewrite of the whole 20 KB document to remove it (the embedded MongoDB clones, re-encodes and compares it).
        List<OutboxRelay.Inserted> publish = new ArrayList<>();
        for (int from = 0; from < toInsert.size(); from += INSERT_CHUNK) {
            List<RollCall> chunk = toInsert.subList(from, Math.min(toInsert.size(), from + INSERT_CHUNK));
            List<OutboxRelay.Inserted> events = new ArrayList<>();
            for (RollCall roll : chunk) {
                if (!roll.outbox().isEmpty()) {
                    events.add(new OutboxRelay.Inserted(roll.id(), roll.outbox()));
                }
            }
            relay.stage(RollCall.COLLECTION, events);
            Set<String> stored = new HashSet<>();
            for (RollCall roll : insert(chunk.stream().map(RollCall::withoutOutbox).toList())) {
                outcomes[indexOfNew.get(roll.externalId())] = new IntakeOutcome.Created(roll);
                stored.add(roll.id());
            }
            List<OutboxRelay.Inserted> notStored = new ArrayList<>();
            for (OutboxRelay.Inserted event : events) {
                (stored.contains((String) event.id()) ? publish : notStored).add(event);
            }
            relay.discardStaged(notStored);
            for (RollCall roll : chunk) {
                int i = indexOfNew.get(roll.externalId());
                if (!(outcomes[i] instanceof IntakeOutcome.Created)) {
                    outcomes[i] = sameContent(findByExternalId(roll.externalId()), hashes[i]);
                }
            }
        }
        relay.publishStaged(RollCall.COLLECTION, publish);

        // Repeats inside the batch answer like their first occurrence did, or as a conflict.
        for (int i = 0; i < n; i++) {
            if (repeatOf[i] >= 0) {
                IntakeOutcome first = outcomes[repeatOf[i]];
                outcomes[i] = first instanceof IntakeOutcome.Created created
                        ? new IntakeOutcome.Duplicate(created.roll()) : first;
            }
        }
        return List.of(outcomes);
    }

    private List<FieldProblem> validate(RollCallRequest request, LocalDate today) {
        if (request == null) {
            return List.of(new FieldProblem("body", "the roll call is missing"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<RollCallRequest> violation : validator.validate(request)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            return problems;
        }
        return RollCallChecks.check(request, today);
    }

    private RollCall newRollCall(RollCallRequest request, String hash, Instant now, BillFactsLookup.Known known) {
        String id = UUID.randomUUID().toString();
        Counts counts = RollCallChecks.counts(request);
        boolean totalsOnly = request.members() == null || request.members().isEmpty();
        RollCall waiting = new RollCall(id, request.externalId(), hash, request.billId(), request.chamber(),
                request.body(), request.debate(), request.round(), request.date(), request.motion(),
                request.seats() == null ? 0 : request.seats(),
                totalsOnly, totalsOnly ? List.of() : List.copyOf(request.members()), counts,
                RollCallStatus.WAITING_FOR_BILL, null, now, null, List.of(), TallyBasis.of(request),
                request.sourceUrl());
        if (known == null) {
            return waiting;
        }
        Verdict verdict = tally(waiting, known.facts().kind());
        OutboxMessage event = VoteTalliedEvents.outboxMessage(source, waiting, verdict, now);
        return new RollCall(id, waiting.externalId(), hash, waiting.billId(), waiting.chamber(), waiting.body(),
                waiting.debate(), waiting.round(), waiting.date(), waiting.motion(), waiting.seats(), totalsOnly,
                waiting.members(), counts, RollCallStatus.TALLIED, verdict, now, now, List.of(event), waiting.basis(),
                waiting.sourceUrl());
    }

    static Verdict tally(RollCall roll, co.vigia.contracts.BillKind kind) {
        TallyBasis basis = roll.basis();
        Majority majority = MajorityRule.required(kind, roll.debate(), roll.round(), basis.generalAmnestyOrPardon());
        TallyResult result;
        if (basis.declaredOutcome() != null) {
            // Ley 1431 de 2011: an ordinary vote's record is its declared result; the counts given are partial, and
            // a body's seats the record does not give (0) leave quorum and majority unknown (0)
            boolean seatsKnown = roll.seats() > 0;
            int base = seatsKnown ? roll.seats() - basis.vacantSeats() : 0;
            result = new TallyResult(roll.counts(), base, seatsKnown ? Tally.decisoryQuorum(base) : 0,
                    basis.declaredOutcome() != co.vigia.contracts.VoteOutcome.NO_QUORUM, majority,
                    seatsKnown ? majority.votesNeeded(base, roll.counts().present()) : 0, basis.declaredOutcome());
        } else {
            result = Tally.of(roll.counts(), roll.seats(), basis.vacantSeats(), majority);
        }
        return Verdict.of(kind, result, MajorityRule.source(kind, roll.debate(), majority));
    }

    /** Inserts a chunk; on a key clash (a concurrent request) falls back to one by one. Returns what was stored. */
    private List<RollCall> insert(List<RollCall> chunk) {
        try {
            mongo.insert(chunk, RollCall.COLLECTION);
            return chunk;
        } catch (DuplicateKeyException clash) {
            List<RollCall> stored = new ArrayList<>();
            for (RollCall roll : chunk) {
                RollCall there = findByExternalId(roll.externalId());
                if (there != null) {
                    if (there.id().equals(roll.id())) {
                        stored.add(roll); // stored by the bulk insert before the clash
                    }
                    continue;
                }
                try {
                    mongo.insert(roll, RollCall.COLLECTION);
                    stored.add(roll);
                } catch (DuplicateKeyException raced) {
                    // someone recorded the same externalId meanwhile; the caller compares contents
                }
            }
            return stored;
        }
    }

    private Map<String, RollCall> existing(java.util.Collection<String> externalIds) {
        Map<String, RollCall> found = new HashMap<>();
        List<String> ids = new ArrayList<>(externalIds);
        for (int from = 0; from < ids.size(); from += 500) {
            Query query = new Query(Criteria.where("externalId").in(ids.subList(from, Math.min(ids.size(), from + 500))));
            query.fields().exclude("members").exclude("outbox");
            for (RollCall roll : mongo.find(query, RollCall.class, RollCall.COLLECTION)) {
                found.put(roll.externalId(), roll);
            }
        }
        return found;
    }

    private RollCall findByExternalId(String externalId) {
        Query query = new Query(Criteria.where("externalId").is(externalId));
        query.fields().exclude("members").exclude("outbox");
        return mongo.findOne(query, RollCall.class, RollCall.COLLECTION);
    }

    private static IntakeOutcome sameContent(RollCall before, String hash) {
        if (before == null) {
            return new IntakeOutcome.Rejected(409, "concurrent-update", "Concurrent update",
                    "the roll call could not be stored; retry", List.of());
        }
        return before.contentHash().equals(hash) ? new IntakeOutcome.Duplicate(before) : conflict(before.externalId());
    }

    /** A roll call cannot be on a bill that was not filed yet: a wrong date or a wrong bill. */
    private static IntakeOutcome.Rejected beforeFiling(RollCallRequest request, LocalDate filedOn) {
        String reason = "is before bill '" + request.billId() + "' was filed (" + filedOn + ")";
        return new IntakeOutcome.Rejected(422, "before-filing", "Vote dated before the bill was filed",
                "date: " + request.date() + " " + reason + "; nothing was stored",
                List.of(new FieldProblem("date", reason)));
    }

    private static IntakeOutcome.Rejected conflict(String externalId) {
        return new IntakeOutcome.Rejected(409, "external-id-conflict", "externalId already used",
                "externalId '" + externalId + "' was recorded with different content; nothing was changed",
                List.of(new FieldProblem("externalId", "already recorded with different content")));
    }

    static String hash(RollCallRequest request) {
        try {
            // the same bytes as writeValueAsBytes, digested as they are written: no 16 KB array per roll call
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (java.io.OutputStream out = new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(),
                    sha256)) {
                EventCodec.mapper().writeValue(out, request);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
