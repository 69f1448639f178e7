package co.vigia.vote.rollcall;

import co.vigia.starter.VigiaProperties;
import co.vigia.starter.outbox.OutboxRelay;
import co.vigia.starter.web.ApiProblem.FieldProblem;
import co.vigia.vote.billfacts.BillFactsLookup;
import co.vigia.vote.billfacts.BillFactsService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Records roll calls, one or thousands at a time: checks each, recognises an {@code externalId} seen before,
 * tallies against the bill's facts (or stores the roll call as waiting for them), and writes the roll call with its
 * {@code co.vigia.vote.tallied} event in its outbox; the event is published right after.
 */
@Service
public class RollCallIntake {

    /** Congress sits in Bogotá: "today" for the future-date check is Bogotá's today. */
    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private static final int INSERT_CHUNK = 200;

    private final RollCallStore store;
    private final OutboxRelay relay;
    private final BillFactsService billFacts;
    private final Validator validator;
    private final Clock clock;
    private final String source;

    RollCallIntake(RollCallStore store, OutboxRelay relay, BillFactsService billFacts, Validator validator, Clock clock,
                   VigiaProperties properties) {
        this.store = store;
        this.relay = relay;
        this.billFacts = billFacts;
        this.validator = validator;
        this.clock = clock;
        this.source = properties.source();
    }

    public IntakeOutcome record(RollCallRequest request) {
        return recordAll(Collections.singletonList(request)).get(0);
    }

    /** One outcome per request, in order; a refused request does not affect the others. */
    public List<IntakeOutcome> recordAll(List<RollCallRequest> requests) {
        int n = requests.size();
        IntakeOutcome[] outcomes = new IntakeOutcome[n];
        String[] hashes = new String[n];
        LocalDate today = LocalDate.now(clock.withZone(BOGOTA));

        Map<String, Integer> firstByExternalId = new HashMap<>();
        int[] repeatOf = new int[n];
        Arrays.fill(repeatOf, -1);
        for (int i = 0; i < n; i++) {
            RollCallRequest request = requests.get(i);
            List<FieldProblem> problems = validate(request, today);
            if (!problems.isEmpty()) {
                outcomes[i] = IntakeOutcome.Rejected.invalid(problems);
                continue;
            }
            hashes[i] = ContentHash.of(request);
            Integer first = firstByExternalId.putIfAbsent(request.externalId(), i);
            if (first != null) {
                if (hashes[first].equals(hashes[i])) {
                    repeatOf[i] = first;
                } else {
                    outcomes[i] = IntakeOutcome.Rejected.conflict(request.externalId());
                }
            }
        }

        Map<String, RollCall> existing = store.existing(firstByExternalId.keySet());
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
                outcomes[i] = IntakeOutcome.sameContent(before, hashes[i]);
                continue;
            }
            BillFactsLookup lookup = facts.get(request.billId());
            if (lookup instanceof BillFactsLookup.Unknown) {
                outcomes[i] = IntakeOutcome.Rejected.unknownBill(request.billId());
                continue;
            }
            if (lookup instanceof BillFactsLookup.Known known && known.facts().filedAfter(request.date())) {
                outcomes[i] = IntakeOutcome.Rejected.beforeFiling(request, known.facts().filedOn());
                continue;
            }
            RollCall roll = RollCallTally.newRollCall(request, hashes[i], now,
                    lookup instanceof BillFactsLookup.Known known ? known.facts().kind() : null, source);
            toInsert.add(roll);
            indexOfNew.put(roll.externalId(), i);
        }

        // One write per chunk: each roll call with its tallied event in its outbox. The relay publishes the events from
        // memory right after, and its sweep if this process dies first.
        List<OutboxRelay.Saved> publish = new ArrayList<>();
        for (int from = 0; from < toInsert.size(); from += INSERT_CHUNK) {
            List<RollCall> chunk = toInsert.subList(from, Math.min(toInsert.size(), from + INSERT_CHUNK));
            for (RollCall roll : store.insert(chunk)) {
                outcomes[indexOfNew.get(roll.externalId())] = new IntakeOutcome.Created(roll);
                publish.add(new OutboxRelay.Saved(roll.id(), roll.outbox()));
            }
            for (RollCall roll : chunk) {
                int i = indexOfNew.get(roll.externalId());
                if (!(outcomes[i] instanceof IntakeOutcome.Created)) {
                    outcomes[i] = IntakeOutcome.sameContent(store.findByExternalId(roll.externalId()), hashes[i]);
                }
            }
        }
        relay.afterSave(RollCall.COLLECTION, publish);

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
}
