package co.vigia.bill.bill;

import co.vigia.bill.procedure.ActionType;
import co.vigia.bill.procedure.Defect;
import co.vigia.bill.procedure.Outcome;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.EventData;
import co.vigia.contracts.bill.BillActionRecorded;
import co.vigia.contracts.bill.BillDefectFlagged;
import co.vigia.contracts.bill.BillStageChanged;
import co.vigia.starter.VigiaProperties;
import co.vigia.starter.outbox.OutboxMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a change leaves on a bill besides its procedure: timeline entries, flagged defects, and the events they
 * publish, put in the bill's outbox so the write that changes the bill carries them.
 */
@Component
public class BillRecorder {

    private final Clock clock;
    private final String source;

    public BillRecorder(Clock clock, VigiaProperties properties) {
        this.clock = clock;
        this.source = properties.source();
    }

    /** Adds a timeline entry, at the bill's stage as it now is, and its action-recorded event. */
    public TimelineEntry record(Bill bill, EntryType type, LocalDate date, String text, String sourceUrl,
                                String recordedBy, String causeId) {
        return record(bill, type, null, date, text, sourceUrl, recordedBy, causeId, false);
    }

    TimelineEntry record(Bill bill, EntryType type, ActionType action, LocalDate date, String text, String sourceUrl,
                         String recordedBy, String causeId, boolean approximate) {
        TimelineEntry entry = new TimelineEntry(UUID.randomUUID().toString(), date, type, action, text, sourceUrl,
                recordedBy, causeId, bill.getProcedure().getStage(), clock.instant(), approximate);
        bill.addTimeline(entry);
        emit(bill, new BillActionRecorded(bill.getId(), entry.id(), entry.typeName(), entry.date(), entry.text(),
                entry.sourceUrl()));
        return entry;
    }

    /** Publishes the stage change and flags the defects a procedure rule reported. */
    public void applyOutcome(Bill bill, Outcome outcome, String trigger, String causeId, LocalDate date) {
        if (outcome.moved()) {
            emit(bill, new BillStageChanged(bill.getId(), bill.getKind(), outcome.change().from().name(),
                    outcome.change().to().name(), trigger, causeId, date));
        }
        for (Defect defect : outcome.defects()) {
            // curable while the bill is still before Congress, which can redo the step
            boolean curable = defect.rule().curable() && bill.getProcedure().getStage().isInCongress();
            FlaggedDefect flagged = new FlaggedDefect(UUID.randomUUID().toString(), defect.rule(),
                    defect.rule().article(), defect.description(), defect.facts(), curable, causeId, date,
                    clock.instant());
            bill.addDefect(flagged);
            emit(bill, new BillDefectFlagged(bill.getId(), flagged.id(), defect.rule().name(), defect.description(),
                    causeId, flagged.article(), date, defect.facts().stream().map(f ->
                    new BillDefectFlagged.DefectFact(f.date(), f.text(), f.sourceUrl())).toList(), curable));
        }
    }

    public void emit(Bill bill, EventData data) {
        bill.addOutbox(OutboxMessage.of(EventCodec.create(source, data, clock)));
    }

    /** An event whose id the caller chose, so that doing the same thing again sends the same event. */
    public void emit(Bill bill, String eventId, EventData data) {
        bill.addOutbox(OutboxMessage.of(EventCodec.create(eventId, source, data, clock.instant())));
    }
}
