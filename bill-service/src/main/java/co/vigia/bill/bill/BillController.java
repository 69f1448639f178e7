package co.vigia.bill.bill;

import co.vigia.bill.procedure.IllegalTransitionException;
import co.vigia.bill.procedure.Stage;
import co.vigia.bill.timeline.TimelineEntry;
import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.starter.security.Caller;
import co.vigia.starter.web.ApiProblem;
import co.vigia.starter.web.ApiProblem.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bills: register, list, read (with deadlines and defects), record actions, read the timeline and the defects. */
@RestController
@Validated
@RequestMapping("/api/bills")
public class BillController {

    private final BillService service;
    private final BillSearch search;

    public BillController(BillService service, BillSearch search) {
        this.service = service;
        this.search = search;
    }

    @PostMapping
    public ResponseEntity<BillViews.BillView> register(@Valid @RequestBody BillRequests.CreateBill request,
                                                       Caller caller) {
        caller.requireOperator();
        validate(request, service.today());
        if (service.find(request.id()).isPresent()) {
            throw ApiProblem.conflict("duplicate", "Bill already exists", "a bill with id '" + request.id()
                    + "' is already registered").with("id", request.id());
        }
        Bill bill = service.register(request, caller.id());
        return ResponseEntity.created(URI.create("/api/bills/" + bill.getId()))
                .eTag(BillEtags.bill(bill, service.today())).body(BillViews.BillView.of(bill, service.today()));
    }

    @GetMapping
    public BillViews.BillPage list(@RequestParam(required = false) Stage stage,
                                   @RequestParam(required = false) BillKind kind,
                                   @RequestParam(required = false) Chamber chamber,
                                   @RequestParam(required = false) String topic,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(required = false) Instant updatedSince,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return search.search(stage, kind, chamber, topic, q, updatedSince, page, size);
    }

    @GetMapping("/{id}")
    public ResponseEntity<BillViews.BillView> get(@PathVariable String id,
                                                  @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        Bill bill = service.get(id);
        LocalDate today = service.today();
        String etag = BillEtags.bill(bill, today);
        if (BillEtags.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(BillViews.BillView.of(bill, today));
    }

    @PostMapping("/{id}/actions")
    public ResponseEntity<BillViews.ActionRecorded> recordAction(@PathVariable String id,
                                                                 @Valid @RequestBody BillRequests.RecordAction request,
                                                                 Caller caller) {
        caller.requireOperator();
        TimelineEntry entry = service.recordAction(id, request, caller.id());
        Bill bill = service.get(id);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(BillEtags.timeline(bill))
                .body(new BillViews.ActionRecorded(entry, bill.getProcedure().getStage(),
                        new TreeSet<>(bill.getProcedure().allowedActions())));
    }

    @GetMapping("/{id}/timeline")
    public ResponseEntity<BillViews.Timeline> timeline(@PathVariable String id,
                                                       @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        Bill bill = service.get(id);
        String etag = BillEtags.timeline(bill);
        if (BillEtags.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag)
                .body(new BillViews.Timeline(bill.getId(), bill.getProcedure().getStage(), bill.getTimeline()));
    }

    /** The procedural-defect radar: every defect flagged on the bill, with article, facts and curability. */
    @GetMapping("/{id}/defects")
    public BillViews.Defects defects(@PathVariable String id) {
        return BillViews.Defects.of(service.get(id));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> illegalTransition(IllegalTransitionException e) {
        ApiProblem problem = ApiProblem.conflict("illegal-transition", "Action not allowed at this stage", e.getMessage())
                .with("action", e.action())
                .with("currentStage", e.currentStage())
                .with("allowedActions", new TreeSet<>(e.allowedActions()));
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }

    /** The rules between fields that annotations cannot say; every broken one is listed. */
    static void validate(BillRequests.CreateBill request, LocalDate today) {
        List<FieldProblem> errors = new ArrayList<>();
        Stage stage = request.stage() == null ? Stage.FILED : request.stage();
        if (stage == Stage.ARCHIVED || stage == Stage.WITHDRAWN) {
            errors.add(new FieldProblem("stage", "a bill cannot be registered as " + stage
                    + "; register it at its last open stage and record what ended it"));
        }
        if (stage == Stage.FILED && request.originChamber() == null) {
            errors.add(new FieldProblem("originChamber", "must not be null for a bill registered as filed"));
        }
        if (stage != Stage.SANCTIONED && request.filedOn() == null) {
            errors.add(new FieldProblem("filedOn", "must not be null (only a sanctioned law from the record may leave it out)"));
        }
        if (stage == Stage.SANCTIONED && request.sanctionedOn() == null) {
            errors.add(new FieldProblem("sanctionedOn", "must not be null for a bill registered as SANCTIONED"));
        }
        if (stage != Stage.SANCTIONED && request.lawNumber() != null) {
            errors.add(new FieldProblem("lawNumber", "only a bill registered as SANCTIONED has a law number"));
        }
        if (stage != Stage.SANCTIONED && request.sanctionedOn() != null) {
            errors.add(new FieldProblem("sanctionedOn", "only a bill registered as SANCTIONED has a sanction date"));
        }
        if (request.filedOn() != null && request.filedOn().isAfter(today)) {
            errors.add(new FieldProblem("filedOn", "must not be in the future (today is " + today + ")"));
        }
        if (request.sanctionedOn() != null && request.sanctionedOn().isAfter(today)) {
            errors.add(new FieldProblem("sanctionedOn", "must not be in the future (today is " + today + ")"));
        }
        if (request.filedOn() != null && request.sanctionedOn() != null
                && request.sanctionedOn().isBefore(request.filedOn())) {
            errors.add(new FieldProblem("sanctionedOn", "must not be before filedOn"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                            : errors.size() + " fields are invalid").with("errors", errors);
        }
    }
}
