package co.vigia.vote.billfacts;

import co.vigia.contracts.BillKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The local copy of bill facts, written only from bill-events (and from bill-service answers). */
@Component
public class BillFactsReadModel {

    private final BillFactsRepository repository;
    private final Clock clock;

    public BillFactsReadModel(BillFactsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Optional<BillFacts> find(String billId) {
        return repository.findById(billId).map(BillFactsDocument::facts);
    }

    /** The facts known of these bills, by bill id, in one query (an {@code _id $in}, served by the id index). */
    public Map<String, BillFacts> findAll(Collection<String> billIds) {
        Map<String, BillFacts> found = new HashMap<>();
        if (billIds.isEmpty()) {
            return found;
        }
        for (BillFactsDocument doc : repository.findAllById(billIds)) {
            found.put(doc.billId(), doc.facts());
        }
        return found;
    }

    /**
     * Applies one event's facts, once: returns false when this event id was applied before. A concurrent
     * write fails on the version check and the caller's retry re-reads.
     */
    public boolean apply(String eventId, String billId, BillKind kind, String stage, java.time.LocalDate filedOn) {
        Optional<BillFactsDocument> current = repository.findById(billId);
        if (current.isPresent() && current.get().appliedEventIds().contains(eventId)) {
            return false;
        }
        List<String> applied = new ArrayList<>(current.map(BillFactsDocument::appliedEventIds).orElse(List.of()));
        applied.add(eventId);
        if (applied.size() > BillFactsDocument.REMEMBERED_EVENTS) {
            applied = applied.subList(applied.size() - BillFactsDocument.REMEMBERED_EVENTS, applied.size());
        }
        BillKind newKind = kind != null ? kind : current.map(BillFactsDocument::kind).orElse(null);
        String newStage = stage != null ? stage : current.map(BillFactsDocument::stage).orElse(null);
        java.time.LocalDate newFiledOn = filedOn != null ? filedOn
                : current.map(BillFactsDocument::filedOn).orElse(null);
        repository.save(new BillFactsDocument(billId, newKind, newStage, newFiledOn, applied, clock.instant(),
                current.map(BillFactsDocument::version).orElse(null)));
        return true;
    }

    /** Remembers what bill-service answered, unless events already told us (they are the fresher source). */
    public void remember(BillFacts facts) {
        if (repository.existsById(facts.billId())) {
            return;
        }
        try {
            repository.insert(new BillFactsDocument(facts.billId(), facts.kind(), facts.stage(), facts.filedOn(), List.of(),
                    clock.instant(), null));
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // an event got there first: keep its facts
        }
    }
}
