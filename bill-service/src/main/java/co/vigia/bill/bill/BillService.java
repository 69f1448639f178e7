package co.vigia.bill.bill;

import co.vigia.bill.procedure.ActionType;
import co.vigia.bill.procedure.DeadlineClock;
import co.vigia.bill.procedure.Outcome;
import co.vigia.bill.procedure.Procedure;
import co.vigia.bill.procedure.Stage;
import co.vigia.contracts.bill.BillRegistered;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the clerk does to a bill: registers it and records the actions Congress took on it. Votes and objections
 * arrive as events ({@code events}); the deadline run archives and alerts ({@code deadline}).
 */
@Service
public class BillService {

    /** Colombia's time: "today" for deadlines and for refusing dates in the future. */
    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final BillStore store;
    private final BillRecorder recorder;
    private final Clock clock;

    public BillService(BillStore store, BillRecorder recorder, Clock clock) {
        this.store = store;
        this.recorder = recorder;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BOGOTA);
    }

    public Optional<Bill> find(String id) {
        return store.find(id);
    }

    /** Throws {@link UnknownBillException}. */
    public Bill get(String id) {
        return store.get(id);
    }

    public Bill register(BillRequests.CreateBill request, String operator) {
        Stage stage = request.stage() == null ? Stage.FILED : request.stage();
        boolean imported = stage != Stage.FILED;
        LocalDate entryDate = request.filedOn() != null ? request.filedOn() : request.sanctionedOn();
        Procedure procedure = imported
                ? Procedure.imported(request.kind(), stage, request.urgentOrFalse(),
                        stage == Stage.SANCTIONED ? request.sanctionedOn() : null)
                : Procedure.filed(request.kind(), request.urgentOrFalse(), request.filedOn());
        procedure.governmentBill(Boolean.TRUE.equals(request.governmentBill()));
        Bill bill = new Bill(request.id(), request.title().strip(), request.summary(), request.kind(),
                request.originChamber(), request.numbers(), request.authors(), request.topics(), request.filedOn(),
                request.articleCount(), request.sourceUrl(), procedure, clock.instant());
        if (stage == Stage.SANCTIONED) {
            bill.sanctioned(request.lawNumber(), request.sanctionedOn());
        }
        String text = request.note() != null && !request.note().isBlank() ? request.note().strip()
                : imported ? "Registered from the record at stage " + stage
                : "Filed" + (request.originChamber() == null ? "" : " in the " + request.originChamber())
                        + (bill.getAuthors().isEmpty() ? "" : " by " + String.join(", ", bill.getAuthors()));
        recorder.emit(bill, new BillRegistered(bill.getId(), bill.getTitle(), bill.getKind(), bill.getOriginChamber(),
                stage.name(), procedure.isUrgent(), request.filedOn()));
        recorder.record(bill, imported ? EntryType.IMPORTED : EntryType.FILED, entryDate, text, request.sourceUrl(),
                operator, null);
        return store.insert(bill);
    }

    /**
     * Records a clerk's action; throws {@link InvalidFieldsException} for a date or detail the bill refuses,
     * {@link co.vigia.bill.procedure.IllegalTransitionException} when the procedure does not allow it now, and
     * {@link UnknownBillException}.
     */
    public TimelineEntry recordAction(String id, BillRequests.RecordAction request, String operator) {
        LocalDate today = today();
        if (request.date().isAfter(today)) {
            throw InvalidFieldsException.of("date", "must not be in the future (today is " + today + ")");
        }
        if ((request.chamber() == null) != (request.number() == null) && request.type() != ActionType.SESSION_HELD
                && request.type() != ActionType.DEBATE_STARTED) {
            throw InvalidFieldsException.of(request.chamber() == null ? "chamber" : "number",
                    "chamber and number go together: the official number the bill got in that chamber");
        }
        ActionDetails.validate(request);
        return store.update(id, bill -> {
            if (bill.getFiledOn() != null && request.date().isBefore(bill.getFiledOn())) {
                throw InvalidFieldsException.of("date",
                        "must not be before the bill was filed (" + bill.getFiledOn() + ")");
            }
            LocalDate objectionDeadline = DeadlineClock.objectionDeadline(bill.getProcedure(), bill.getArticleCount())
                    .orElse(null);
            // throws IllegalTransitionException before anything changed
            Outcome outcome = bill.getProcedure().onAction(request.type(), request.date(),
                    ActionDetails.facts(request, objectionDeadline));
            if (request.type() == ActionType.SANCTIONED
                    || request.type() == ActionType.SANCTIONED_BY_CONGRESS_PRESIDENT) {
                bill.sanctioned(request.lawNumber(), request.date());
            }
            if (request.chamber() != null && request.number() != null) {
                bill.number(request.chamber(), request.number().strip());
            }
            TimelineEntry entry = recorder.record(bill, EntryType.ACTION, request.type(), request.date(),
                    ActionDetails.text(request), request.sourceUrl(), operator, null, request.approximateOrFalse());
            recorder.applyOutcome(bill, outcome, request.type().name(), entry.id(), request.date());
            return entry;
        }).orElseThrow();
    }
}
