package co.vigia.bill.bill;

import co.vigia.bill.deadline.Deadline;
import co.vigia.bill.deadline.DeadlineAlerts;
import co.vigia.bill.deadline.DeadlineClock;
import co.vigia.bill.deadline.DeadlineKind;
import co.vigia.bill.procedure.ActionType;
import co.vigia.bill.procedure.Defect;
import co.vigia.bill.procedure.Outcome;
import co.vigia.bill.procedure.Procedure;
import co.vigia.bill.procedure.Stage;
import co.vigia.bill.timeline.EntryType;
import co.vigia.bill.timeline.TimelineEntry;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.EventData;
import co.vigia.contracts.bill.BillActionRecorded;
import co.vigia.contracts.bill.BillDeadlineApproaching;
import co.vigia.contracts.bill.BillDefectFlagged;
import co.vigia.contracts.bill.BillLapsed;
import co.vigia.contracts.bill.BillRegistered;
import co.vigia.contracts.bill.BillStageChanged;
import co.vigia.contracts.objection.ObjectionFiled;
import co.vigia.contracts.objection.ObjectionResolved;
import co.vigia.contracts.vote.VoteTallied;
import co.vigia.starter.VigiaProperties;
import co.vigia.starter.kafka.PoisonEventException;
import co.vigia.starter.outbox.OutboxMessage;
import co.vigia.starter.outbox.OutboxRelay;
import co.vigia.starter.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Applies everything that changes a bill: operator actions, votes, objections and the deadline clock.
 * Each change is one document write carrying the new state, its timeline entries, the events it emits
 * (outbox) and the ids of the events it applied (one, or a batch of votes on one bill: {@link #applyEvents}); then the
 * relay is nudged to publish.
 */
@Service
public class BillService {

    /** Colombia's time: "today" for deadlines and for refusing dates in the future. */
    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final Logger log = LoggerFactory.getLogger(BillService.class);
    private static final int ATTEMPTS = 5;
    /**
     * At most this many events go into one write of a bill: a batch of records about one bill grows its document (timeline,
     * outbox, applied ids) by a bounded amount per write.
     */
    public static final int MAX_EVENTS_PER_WRITE = 100;

    private final BillRepository bills;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String source;

    public BillService(BillRepository bills, OutboxRelay relay, Clock clock, VigiaProperties properties) {
        this.bills = bills;
        this.relay = relay;
        this.clock = clock;
        this.source = properties.source();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BOGOTA);
    }

    public Optional<Bill> find(String id) {
        return bills.findById(id);
    }

    public Bill get(String id) {
        return bills.findById(id).orElseThrow(() -> ApiProblem.notFound("bill", id));
    }

    // ---------------------------------------------------------------------------------- register

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
        emit(bill, new BillRegistered(bill.getId(), bill.getTitle(), bill.getKind(), bill.getOriginChamber(),
                stage.name(), procedure.isUrgent(), request.filedOn()));
        record(bill, entry(imported ? EntryType.IMPORTED : EntryType.FILED, null, entryDate, text,
                request.sourceUrl(), operator, null, stage));
        Bill saved = bills.insert(bill);
        relay.afterSave(Bill.COLLECTION, saved.getId(), saved.getOutbox());
        return saved;
    }

    // ----------------------------------------------------------------------------------- actions

    public TimelineEntry recordAction(String id, BillRequests.RecordAction request, String operator) {
        if (request.date().isAfter(today())) {
            throw ApiProblem.invalidField("date", "must not be in the future (today is " + today() + ")");
        }
        if ((request.chamber() == null) != (request.number() == null) && request.type() != ActionType.SESSION_HELD
                && request.type() != ActionType.DEBATE_STARTED) {
            throw ApiProblem.invalidField(request.chamber() == null ? "chamber" : "number",
                    "chamber and number go together: the official number the bill got in that chamber");
        }
        ActionDetails.validate(request);
        return mutate(id, bill -> {
            if (bill.getFiledOn() != null && request.date().isBefore(bill.getFiledOn())) {
                throw ApiProblem.invalidField("date", "must not be before the bill was filed (" + bill.getFiledOn() + ")");
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
            TimelineEntry entry = entry(EntryType.ACTION, request.type(), request.date(), ActionDetails.text(request),
                    request.sourceUrl(), operator, null, bill.getProcedure().getStage(), request.approximateOrFalse());
            record(bill, entry);
            applyOutcome(bill, outcome, request.type().name(), entry.id(), request.date());
            return entry;
        }).orElseThrow();
    }

    // ------------------------------------------------------------------------------------ events

    /** An event read and checked, ready to be applied to its bill ({@link #applyEvents}). */
    public static final class PendingEvent {
        private final CloudEvent event;
        private final String billId;
        private final java.util.function.Consumer<Bill> change;

        PendingEvent(CloudEvent event, String billId, java.util.function.Consumer<Bill> change) {
            this.event = event;
            this.billId = billId;
            this.change = change;
        }

        public CloudEvent event() {
            return event;
        }

        public String billId() {
            return billId;
        }
    }

    /**
     * What {@link #applyEvents} did. {@code applied} holds, for the first events in order, whether each changed the bill
     * (true) or had been applied before (false); they are all written. {@code failure}, when not null, is why the next
     * event ({@code applied.size()}) was not applied; it and the ones after it were not.
     */
    public record AppliedEvents(List<Boolean> applied, RuntimeException failure) {
    }

    /**
     * Reads a tallied vote and checks it names what the bill needs; throws {@link PoisonEventException} (or the reader's
     * exception, for unreadable data) when it never can be applied.
     */
    public PendingEvent prepareVote(CloudEvent event) {
        VoteTallied vote = EventCodec.data(event, VoteTallied.class);
        if (vote.billId() == null || vote.debate() == null || vote.outcome() == null || vote.date() == null) {
            throw new PoisonEventException("vote event " + event.id() + " lacks billId, debate, outcome or date");
        }
        return new PendingEvent(event, vote.billId(), bill -> {
            Outcome outcome = bill.getProcedure().onVote(vote.debate(), vote.chamber(), vote.outcome(), vote.date());
            String counts = vote.countsKnown() ? vote.yes() + " yes, " + vote.no() + " no"
                    : "the result as recorded; the record gives " + (vote.yes() > 0 ? vote.yes() + " votes in favour"
                    + (vote.no() > 0 ? " and " + vote.no() + " against" : "") + " and no other count" : "no count");
            String text = vote.debate() + " debate" + (vote.chamber() == null ? "" : " (" + vote.chamber()
                    + (vote.body() == null ? "" : ", " + vote.body()) + ")") + ": " + vote.outcome() + ", "
                    + counts + (vote.requiredMajority() == null || !vote.countsKnown() ? ""
                    : "; " + vote.requiredMajority() + " needed " + vote.votesNeeded());
            TimelineEntry entry = entry(EntryType.VOTE, null, vote.date(), text, vote.sourceUrl(), "vote-service",
                    vote.voteId(),
                    bill.getProcedure().getStage());
            record(bill, entry);
            applyOutcome(bill, outcome, "VOTE_TALLIED", vote.voteId(), vote.date());
        });
    }

    /** The bills with these ids that exist, by id: one query for a whole batch of events. */
    public Map<String, Bill> read(Collection<String> ids) {
        Map<String, Bill> found = new HashMap<>();
        bills.findAllById(ids).forEach(bill -> found.put(bill.getId(), bill));
        return found;
    }

    /**
     * Applies events to one bill in their order, as applying them one by one would (same timeline entries, defects and
     * outbox messages, in the same order; an event applied before changes nothing), but with one write per
     * {@link #MAX_EVENTS_PER_WRITE} events instead of one read and one write per event: a burst of votes on one bill
     * rewrote its whole document (timeline, outbox, applied ids) once per vote. Each write carries the events' ids, so a
     * redelivery changes nothing. Starts from {@code bill} as just read ({@link #read}); a concurrent write (the
     * deadline clock, an operator) makes it read the bill again and apply the events again. Never throws: an event that
     * cannot be applied, or a write that failed, ends the run, and what was written before it is reported.
     */
    public AppliedEvents applyEvents(Bill bill, List<PendingEvent> events) {
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
        String id = read.getId();
        Bill bill = read;
        int upTo = run.size();
        RuntimeException failure = null;
        for (int attempt = 1; ; ) {
            List<Boolean> applied = new ArrayList<>(upTo);
            boolean changed = false;
            RuntimeException failed = null;
            for (int i = 0; i < upTo; i++) {
                PendingEvent event = run.get(i);
                if (bill.applied(event.event().id())) {
                    applied.add(false); // already applied: an event applied twice changes nothing
                    continue;
                }
                try {
                    event.change.accept(bill);
                } catch (RuntimeException e) {
                    failed = e;
                    break;
                }
                bill.rememberApplied(event.event().id());
                applied.add(true);
                changed = true;
            }
            if (failed != null) {
                upTo = applied.size();
                failure = failed;
                if (changed) {
                    // the failing event may have changed the bill half-way: apply the ones before it to a fresh read
                    bill = bills.findById(id).orElseThrow(() -> unknownBill(run.get(0)));
                    continue;
                }
            }
            if (!changed) {
                return new Run(bill, applied, failure);
            }
            bill.touch(clock.instant());
            Bill saved;
            try {
                saved = bills.save(bill);
            } catch (OptimisticLockingFailureException e) {
                if (attempt++ >= ATTEMPTS) {
                    throw e;
                }
                log.debug("Bill {} changed concurrently, retrying ({})", id, attempt - 1);
                bill = bills.findById(id).orElseThrow(() -> unknownBill(run.get(0)));
                continue;
            }
            // the outbox as just saved: the relay sends it without reading the bill back
            relay.afterSave(Bill.COLLECTION, id, saved.getOutbox());
            return new Run(saved, applied, failure);
        }
    }

    /** An event about a bill this service does not have can never be applied. */
    public static PoisonEventException unknownBill(PendingEvent event) {
        return unknownBill(event.event().id(), event.billId());
    }

    private static PoisonEventException unknownBill(String eventId, String billId) {
        return new PoisonEventException("event " + eventId + " is about unknown bill '" + billId + "'");
    }

    /** Returns false when the event was applied before (a re-delivery changes nothing). */
    public boolean applyObjectionFiled(CloudEvent event) {
        ObjectionFiled objection = EventCodec.data(event, ObjectionFiled.class);
        if (objection.billId() == null || objection.kind() == null || objection.date() == null) {
            throw new PoisonEventException("objection event " + event.id() + " lacks billId, kind or date");
        }
        return applyEvent(event, objection.billId(), bill -> {
            LocalDate deadline = DeadlineClock.objectionDeadline(bill.getProcedure(), bill.getArticleCount())
                    .orElse(null);
            Outcome outcome = bill.getProcedure().onObjectionFiled(objection.kind(), objection.date(), deadline);
            String who = (objection.authorName() == null ? String.valueOf(objection.author())
                    : objection.authorName() + " (" + objection.author() + ")");
            String text = who + ": " + objection.kind() + (objection.stance() == null ? "" : ", " + objection.stance())
                    + (objection.articles().isEmpty() ? "" : " on arts. " + String.join(", ", objection.articles()))
                    + (objection.summary() == null ? "" : ". " + objection.summary());
            TimelineEntry entry = entry(EntryType.OBJECTION, null, objection.date(), text, objection.documentUrl(),
                    "vote-service", objection.objectionId(), bill.getProcedure().getStage());
            record(bill, entry);
            applyOutcome(bill, outcome, "OBJECTION_FILED", objection.objectionId(), objection.date());
        });
    }

    /** Returns false when the event was applied before (a re-delivery changes nothing). */
    public boolean applyObjectionResolved(CloudEvent event) {
        ObjectionResolved resolved = EventCodec.data(event, ObjectionResolved.class);
        if (resolved.billId() == null || resolved.resolution() == null || resolved.date() == null) {
            throw new PoisonEventException("objection event " + event.id() + " lacks billId, resolution or date");
        }
        return applyEvent(event, resolved.billId(), bill -> {
            Outcome outcome = bill.getProcedure().onObjectionResolved(resolved.resolution(), resolved.date());
            String text = "Objection " + (resolved.kind() == null ? "" : resolved.kind() + " ") + "resolved: "
                    + resolved.resolution();
            TimelineEntry entry = entry(EntryType.OBJECTION_RESOLVED, null, resolved.date(), text, null,
                    "vote-service", resolved.objectionId(), bill.getProcedure().getStage());
            record(bill, entry);
            applyOutcome(bill, outcome, "OBJECTION_RESOLVED", resolved.objectionId(), resolved.date());
        });
    }

    private boolean applyEvent(CloudEvent event, String billId, java.util.function.Consumer<Bill> change) {
        // one read of the bill per attempt (it was read once more just to know it exists: a whole bill, timeline and
        // all, per vote)
        return mutate(billId, () -> unknownBill(event.id(), billId), bill -> {
            if (bill.applied(event.id())) {
                return null; // already applied: an event applied twice changes nothing
            }
            change.accept(bill);
            bill.rememberApplied(event.id());
            return Boolean.TRUE;
        }).isPresent();
    }

    // ----------------------------------------------------------------------------- deadline clock

    /** What one scan of one bill did. */
    public record ScanResult(int alerts, boolean lapsed) {
    }

    /** Runs the deadline clock on one bill: sends the alerts due and archives it when its time ran out. */
    public ScanResult scan(String id, LocalDate today, List<Integer> leadDays) {
        return mutate(id, bill -> {
            Procedure procedure = bill.getProcedure();
            if (procedure.getStage().isClosed()) {
                return null;
            }
            List<Deadline> deadlines = DeadlineClock.deadlines(procedure, bill.getFiledOn(), bill.getArticleCount(), today);
            Optional<Deadline> limit = deadlines.stream()
                    .filter(d -> d.kind() == DeadlineKind.LEGISLATURE_LIMIT && d.daysLeft() < 0).findFirst();
            if (limit.isPresent()) {
                Deadline due = limit.get();
                Stage last = procedure.getStage();
                // recorded on the day the limit fell, not the day the clock noticed it
                Outcome outcome = procedure.lapse(due.kind().name(), due.dueOn(), due.article());
                TimelineEntry entry = entry(EntryType.LAPSED, null, due.dueOn(), "Archived: its time ran out on "
                        + due.dueOn() + " (" + due.description() + ")", null, "deadline-clock", null, procedure.getStage());
                record(bill, entry);
                emit(bill, deterministicId(bill.getId(), "lapsed", due.dueOn().toString()),
                        new BillLapsed(bill.getId(), due.kind().name(), due.dueOn(), last.name()));
                applyOutcome(bill, outcome, "LAPSED", entry.id(), due.dueOn());
                return new ScanResult(0, true);
            }
            List<DeadlineAlerts.Alert> alerts = DeadlineAlerts.due(deadlines, leadDays, new HashSet<>(bill.getSentAlerts()));
            if (alerts.isEmpty()) {
                return null;
            }
            for (DeadlineAlerts.Alert alert : alerts) {
                Deadline d = alert.deadline();
                emit(bill, deterministicId(bill.getId(), "deadline", alert.key()), new BillDeadlineApproaching(
                        bill.getId(), d.kind().name(), d.dueOn(), (int) d.daysLeft(), alert.leadDays()));
                bill.rememberAlerts(alert.settles());
            }
            return new ScanResult(alerts.size(), false);
        }).orElse(new ScanResult(0, false));
    }

    /** Same bill, deadline and lead time: same event id, however often the clock runs or the service restarts. */
    static String deterministicId(String billId, String what, String key) {
        return UUID.nameUUIDFromBytes(("vigia-bill|" + billId + "|" + what + "|" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ----------------------------------------------------------------------------------- helpers

    private void applyOutcome(Bill bill, Outcome outcome, String trigger, String causeId, LocalDate date) {
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

    private TimelineEntry entry(EntryType type, ActionType action, LocalDate date, String text, String sourceUrl,
                                String recordedBy, String causeId, Stage stageAfter) {
        return entry(type, action, date, text, sourceUrl, recordedBy, causeId, stageAfter, false);
    }

    private TimelineEntry entry(EntryType type, ActionType action, LocalDate date, String text, String sourceUrl,
                                String recordedBy, String causeId, Stage stageAfter, boolean approximate) {
        return new TimelineEntry(UUID.randomUUID().toString(), date, type, action, text, sourceUrl, recordedBy, causeId,
                stageAfter, clock.instant(), approximate);
    }

    private void record(Bill bill, TimelineEntry entry) {
        bill.addTimeline(entry);
        emit(bill, new BillActionRecorded(bill.getId(), entry.id(), entry.typeName(), entry.date(), entry.text(),
                entry.sourceUrl()));
    }

    private void emit(Bill bill, EventData data) {
        bill.addOutbox(OutboxMessage.of(EventCodec.create(source, data, clock)));
    }

    private void emit(Bill bill, String eventId, EventData data) {
        bill.addOutbox(OutboxMessage.of(EventCodec.create(eventId, source, data, clock.instant())));
    }

    /**
     * Loads, changes and saves one bill with optimistic locking, retrying on a concurrent write. The
     * change returns {@code null} when it changed nothing (nothing is saved then).
     */
    private <R> Optional<R> mutate(String id, java.util.function.Function<Bill, R> change) {
        return mutate(id, () -> ApiProblem.notFound("bill", id), change);
    }

    private <R> Optional<R> mutate(String id, java.util.function.Supplier<RuntimeException> missing,
                                   java.util.function.Function<Bill, R> change) {
        for (int attempt = 1; ; attempt++) {
            Bill bill = bills.findById(id).orElseThrow(missing);
            R result = change.apply(bill);
            if (result == null) {
                return Optional.empty();
            }
            bill.touch(clock.instant());
            try {
                bills.save(bill);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("Bill {} changed concurrently, retrying ({})", id, attempt);
                continue;
            }
            // the outbox as just saved: the relay sends it without reading the bill back
            relay.afterSave(Bill.COLLECTION, id, bill.getOutbox());
            return Optional.of(result);
        }
    }
}
