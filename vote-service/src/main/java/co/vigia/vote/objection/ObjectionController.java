package co.vigia.vote.objection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import co.vigia.contracts.objection.ObjectionAuthor;
import co.vigia.starter.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Institutional opinions, presidential objections and Court rulings. */
@Tag(name = "objections", description = "Institutional opinions, presidential objections and Court rulings")
@RestController
public class ObjectionController {

    private final ObjectionService objections;
    private final MongoTemplate mongo;

    public ObjectionController(ObjectionService objections, MongoTemplate mongo) {
        this.objections = objections;
        this.mongo = mongo;
    }

    @Operation(operationId = "fileObjection", summary = "Record an opinion, objection or ruling",
            description = """
                    Records an institutional opinion (the attorney-general's, the Procuraduría's), a presidential \
                    objection (only while the bill awaits sanction, arts. 165-167) or a Court ruling, with its stance, \
                    the articles it targets and its grounds. Publishes `co.vigia.objection.filed` on `objection-events` \
                    (bill-service adds it to the timeline). The same `externalId` with the same content again answers 200 \
                    and publishes nothing.""")
    @CallableBy(Role.OPERATOR)
    @ApiResponse(responseCode = "201", description = "Recorded; `Location` is its URL.")
    @ApiResponse(responseCode = "200", description = "Recorded before with the same `externalId` and content; nothing changed.")
    @ApiResponse(responseCode = "409", description = "Not allowed now (`objection-not-allowed`: a presidential objection while the bill does not await sanction, with `currentStage`), or the `externalId` was recorded with other content (`external-id-conflict`); nothing is stored.")
    /** 201 when recorded; 200 when this externalId was recorded before with the same content. */
    @PostMapping("/api/objections")
    public ResponseEntity<Objection> file(Caller caller, @Valid @RequestBody ObjectionRequest request) {
        caller.requireOperator();
        ObjectionService.Filed filed = objections.file(request);
        URI location = URI.create("/api/objections/" + filed.objection().id());
        return filed.created() ? ResponseEntity.created(location).body(filed.objection())
                : ResponseEntity.ok().location(location).body(filed.objection());
    }

    @Operation(operationId = "resolveObjection", summary = "Record how a presidential objection ended",
            description = "Closes a formal presidential objection: Congress accepted it, insisted, or the Court decided (art. 167). Publishes `co.vigia.objection.resolved`.")
    @CallableBy(Role.OPERATOR)
    @Parameter(name = "id", description = "The objection's id.", example = "6571f0c2a1b2c3d4e5f60789")
    @ApiResponse(responseCode = "200", description = "Resolved: the objection with its resolution.")
    @ApiResponse(responseCode = "409", description = "Not a formal objection (`not-resolvable`), or resolved already (`already-resolved`); nothing changed.")
    @PostMapping("/api/objections/{id}/resolution")
    public Objection resolve(Caller caller, @PathVariable String id, @Valid @RequestBody ResolutionRequest request) {
        caller.requireOperator();
        return objections.resolve(id, request);
    }

    @Operation(operationId = "listObjections", summary = "Search opinions, objections and rulings",
            description = "Those matching every filter given, oldest first. Changes nothing.")
    @Parameter(name = "billId", description = "Only those on this bill.", example = "sometimiento")
    @Parameter(name = "author", description = "Only those by this institution.", example = "ATTORNEY_GENERAL")
    @GetMapping("/api/objections")
    public List<Objection> list(@RequestParam(required = false) String billId,
                                @RequestParam(required = false) ObjectionAuthor author) {
        Criteria criteria = new Criteria();
        if (billId != null) {
            criteria.and("billId").is(billId);
        }
        if (author != null) {
            criteria.and("author").is(author);
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Order.asc("date"), Sort.Order.asc("recordedAt")))
                .limit(1000);
        query.fields().exclude("outbox");
        return mongo.find(query, Objection.class, Objection.COLLECTION);
    }

    @Operation(operationId = "getObjection", summary = "Read an opinion, objection or ruling", description = "Changes nothing.")
    @Parameter(name = "id", description = "The objection's id.", example = "6571f0c2a1b2c3d4e5f60789")
    @GetMapping("/api/objections/{id}")
    public Objection get(@PathVariable String id) {
        return objections.find(id);
    }
}
