package co.vigia.bill.bill;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import co.vigia.bill.procedure.IllegalTransitionException;
import co.vigia.bill.procedure.Stage;
import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.starter.security.Caller;
import co.vigia.starter.web.ApiProblem;
import co.vigia.bill.bill.InvalidFieldsException.Refusal;
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
import org.springframework.http.ProblemDetail;
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
@Tag(name = "bills", description = "Bills, their stage, deadlines and defects, and the actions Congress took on them")
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

    @Operation(operationId = "registerBill", summary = "Register a bill",
            description = """
                    Adds a bill to follow. A bill in Congress is registered as `FILED` (`originChamber` and `filedOn` \
                    required); a law from the record may be registered at its known `stage` (`SANCTIONED` with \
                    `lawNumber` and `sanctionedOn`), leaving out what is unknown. Creates the bill with a first timeline \
                    entry and publishes `co.vigia.bill.registered` on `bill-events`.""")
    @CallableBy(Role.OPERATOR)
    @ApiResponse(responseCode = "201", description = "Registered; `Location` is the bill's URL.")
    @ApiResponse(responseCode = "409", description = "A bill with this id is already registered; nothing changed.")
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

    @Operation(operationId = "listBills", summary = "Search bills",
            description = "Bills matching every filter given, most recently updated first, a page at a time. Changes nothing.")
    @Parameter(name = "stage", description = "Only bills at this stage.", example = "FIRST_DEBATE")
    @Parameter(name = "kind", description = "Only bills of this kind.", example = "ORDINARY")
    @Parameter(name = "topic", description = "Only bills with this topic (a slug).", example = "paz-total")
    @Parameter(name = "q", description = "Words to find in the title or summary (case and accents ignored).", example = "sometimiento")
    @Parameter(name = "updatedSince", description = "Only bills changed at or after this time (ISO-8601).", example = "2023-03-01T00:00:00Z")
    @Parameter(name = "page", description = "The page, from 0.", example = "0")
    @Parameter(name = "size", description = "Bills per page, 1 to 100.", example = "20")
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

    @Operation(operationId = "getBill", summary = "Read a bill",
            description = """
                    The bill with its stage, the actions the procedure allows now, its deadlines (end of legislature, \
                    art. 162 limit, urgency window, earliest next debate, objection deadline) and flagged procedural \
                    defects. Answers an `ETag`; send it back in `If-None-Match` to get a 304. Changes nothing.""")
    @ApiResponse(responseCode = "200", description = "The bill, with its `ETag`.")
    @ApiResponse(responseCode = "304", description = "Unchanged since the `ETag` sent in `If-None-Match`.")
    @Parameter(name = "id", description = "The bill's id, a slug.", example = "sometimiento")
    @Parameter(name = "If-None-Match", description = "An `ETag` this read answered before: 304 if unchanged.", example = "\"demo-bill-v1-2023-06-13\"")
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

    @Operation(operationId = "recordAction", summary = "Record an action on a bill",
            description = """
                    Adds what Congress did to the bill's timeline. Some actions only add a line (`RAPPORTEUR_APPOINTED`, \
                    `REPORT_FILED`, `DEBATE_SCHEDULED`, `COURT_RULING`, `NOTE`); others move the bill to another stage \
                    when the procedure allows it at its current stage (the bill's `allowedActions`). Publishes \
                    `co.vigia.bill.action-recorded` and, when the stage changes, `co.vigia.bill.stage-changed`.""")
    @CallableBy(Role.OPERATOR)
    @ApiResponse(responseCode = "201", description = "Recorded: the timeline entry, the bill's stage and the actions now allowed.")
    @ApiResponse(responseCode = "409", description = "The procedure does not allow this action at the bill's stage; nothing is stored.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/IllegalTransitionProblem")))
    @Parameter(name = "id", description = "The bill's id, a slug.", example = "sometimiento")
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

    @Operation(operationId = "getTimeline", summary = "Read a bill's timeline",
            description = "Every entry of the bill's history in order: filing, actions, votes, opinions, objections, defects, deadlines. Answers an `ETag` (304 with `If-None-Match`). Changes nothing.")
    @ApiResponse(responseCode = "200", description = "The timeline, with its `ETag`.")
    @ApiResponse(responseCode = "304", description = "Unchanged since the `ETag` sent in `If-None-Match`.")
    @Parameter(name = "id", description = "The bill's id, a slug.", example = "sometimiento")
    @Parameter(name = "If-None-Match", description = "An `ETag` this read answered before: 304 if unchanged.", example = "\"demo-bill-v1-2023-06-13\"")
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
    @Operation(operationId = "getDefects", summary = "Read a bill's procedural defects",
            description = """
                    The defect radar: every procedural defect the recorded facts show (art. 160 gaps and \
                    announcements, unpublished bill or report, art. 161 conciliation, art. 138 pause, votes out of \
                    stage, late objections), each with its article, the dated facts and sources it rests on, and \
                    whether Congress can still cure it. What nobody recorded is not a defect. Changes nothing.""")
    @Parameter(name = "id", description = "The bill's id, a slug.", example = "radar-demo")
    @GetMapping("/{id}/defects")
    public BillViews.Defects defects(@PathVariable String id) {
        return BillViews.Defects.of(service.get(id));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(InvalidFieldsException e) {
        return BillProblems.of(e);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
        return BillProblems.of(e);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownBill(UnknownBillException e) {
        return BillProblems.of(e);
    }

    /** The rules between fields that annotations cannot say; every broken one is listed. */
    static void validate(BillRequests.CreateBill request, LocalDate today) {
        List<Refusal> errors = new ArrayList<>();
        Stage stage = request.stage() == null ? Stage.FILED : request.stage();
        if (stage == Stage.ARCHIVED || stage == Stage.WITHDRAWN) {
            errors.add(new Refusal("stage", "a bill cannot be registered as " + stage
                    + "; register it at its last open stage and record what ended it"));
        }
        if (stage == Stage.FILED && request.originChamber() == null) {
            errors.add(new Refusal("originChamber", "must not be null for a bill registered as filed"));
        }
        if (stage != Stage.SANCTIONED && request.filedOn() == null) {
            errors.add(new Refusal("filedOn", "must not be null (only a sanctioned law from the record may leave it out)"));
        }
        if (stage == Stage.SANCTIONED && request.sanctionedOn() == null) {
            errors.add(new Refusal("sanctionedOn", "must not be null for a bill registered as SANCTIONED"));
        }
        if (stage != Stage.SANCTIONED && request.lawNumber() != null) {
            errors.add(new Refusal("lawNumber", "only a bill registered as SANCTIONED has a law number"));
        }
        if (stage != Stage.SANCTIONED && request.sanctionedOn() != null) {
            errors.add(new Refusal("sanctionedOn", "only a bill registered as SANCTIONED has a sanction date"));
        }
        if (request.filedOn() != null && request.filedOn().isAfter(today)) {
            errors.add(new Refusal("filedOn", "must not be in the future (today is " + today + ")"));
        }
        if (request.sanctionedOn() != null && request.sanctionedOn().isAfter(today)) {
            errors.add(new Refusal("sanctionedOn", "must not be in the future (today is " + today + ")"));
        }
        if (request.filedOn() != null && request.sanctionedOn() != null
                && request.sanctionedOn().isBefore(request.filedOn())) {
            errors.add(new Refusal("sanctionedOn", "must not be before filedOn"));
        }
        InvalidFieldsException.throwIfAny(errors);
    }
}
