package co.vigia.vote.rollcall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import co.vigia.contracts.Chamber;
import co.vigia.starter.security.Caller;
import co.vigia.starter.web.ApiProblem;
import co.vigia.vote.tally.PartyBreakdown.PartyTally;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Roll calls: recorded by the operator, read by anyone. */
@Tag(name = "votes", description = "Roll-call votes and their tally against the required quorum and majority")
@RestController
public class RollCallController {

    private final RollCallIntake intake;
    private final MongoTemplate mongo;

    public RollCallController(RollCallIntake intake, MongoTemplate mongo) {
        this.intake = intake;
        this.mongo = mongo;
    }

    /**
     * 201 when tallied, 202 when accepted but waiting for the bill's facts (tallied and published once they
     * arrive), 200 when this {@code externalId} was recorded before with the same content.
     */
    @Operation(operationId = "recordVote", summary = "Record a roll call and tally it",
            description = """
                    Records a committee's or plenary's vote on a bill, with every member's vote (`members`) or, when the \
                    source published no names, its `totals`, and tallies it against the decisory quorum and the majority \
                    the bill's kind requires. Publishes `co.vigia.vote.tallied` on `vote-events`, which moves the bill in \
                    bill-service. The same `externalId` again answers 200 with the stored vote and publishes nothing; \
                    inconsistent data (a member twice, more votes than `seats`, a date in the future) is a 400 naming \
                    the field, and nothing is stored.""")
    @CallableBy(Role.OPERATOR)
    @ApiResponse(responseCode = "201", description = "Tallied; `Location` is the vote's URL.")
    @ApiResponse(responseCode = "200", description = "This `externalId` was recorded before with the same content: the stored vote, `Vigia-Duplicate: true`; nothing new is published.")
    @ApiResponse(responseCode = "202", description = "Accepted, waiting for the bill's facts (bill-service unreachable): `status` is `WAITING_FOR_BILL`; tallied and published once they arrive.")
    @ApiResponse(responseCode = "409", description = "This `externalId` was recorded before with other content; nothing changed.")
    @PostMapping("/api/votes")
    public ResponseEntity<RollCallView> record(Caller caller, @RequestBody RollCallRequest request) {
        caller.requireOperator();
        IntakeOutcome outcome = intake.record(request);
        if (outcome instanceof IntakeOutcome.Created created) {
            RollCall roll = created.roll();
            URI location = URI.create("/api/votes/" + roll.id());
            HttpStatus status = roll.status() == RollCallStatus.TALLIED ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
            return ResponseEntity.status(status).location(location).body(RollCallView.summary(roll));
        }
        if (outcome instanceof IntakeOutcome.Duplicate duplicate) {
            return ResponseEntity.ok().location(URI.create("/api/votes/" + duplicate.existing().id()))
                    .header("Vigia-Duplicate", "true").body(RollCallView.summary(duplicate.existing()));
        }
        throw problem((IntakeOutcome.Rejected) outcome);
    }

    @Operation(operationId = "listVotes", summary = "Search roll calls",
            description = "Roll calls matching every filter given, newest first, without their members (read one for those). Changes nothing.")
    @Parameter(name = "billId", description = "Only votes on this bill.", example = "sometimiento")
    @Parameter(name = "chamber", description = "Only votes in this chamber.", example = "SENATE")
    @Parameter(name = "from", description = "Only votes on or after this day.", example = "2023-01-01")
    @Parameter(name = "to", description = "Only votes on or before this day (not before `from`).", example = "2023-12-31")
    @Parameter(name = "page", description = "The page, from 0.", example = "0")
    @Parameter(name = "size", description = "Votes per page, 1 to 500.", example = "50")
    @GetMapping("/api/votes")
    public List<RollCallView> list(@RequestParam(required = false) String billId,
                                   @RequestParam(required = false) Chamber chamber,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.invalidField("from", "must not be after 'to' (" + to + ")");
        }
        if (page < 0) {
            throw ApiProblem.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw ApiProblem.invalidField("size", "must be between 1 and 500");
        }
        Criteria criteria = new Criteria();
        if (billId != null) {
            criteria.and("billId").is(billId);
        }
        if (chamber != null) {
            criteria.and("chamber").is(chamber);
        }
        if (from != null || to != null) {
            Criteria date = criteria.and("date");
            if (from != null) {
                date.gte(from);
            }
            if (to != null) {
                date.lte(to);
            }
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Order.desc("date"), Sort.Order.asc("externalId")))
                .skip((long) page * size).limit(size);
        query.fields().exclude("members").exclude("outbox");
        return mongo.find(query, RollCall.class, RollCall.COLLECTION).stream().map(RollCallView::summary).toList();
    }

    @Operation(operationId = "getVote", summary = "Read a roll call",
            description = "The roll call with its members' votes, counts and verdict (quorum, majority, outcome and the article they come from). Changes nothing.")
    @Parameter(name = "id", description = "The roll call's id in Vigía (the `id` its recording answered).", example = "6571f0c2a1b2c3d4e5f60789")
    @GetMapping("/api/votes/{id}")
    public RollCallView get(@PathVariable String id) {
        return RollCallView.detail(find(id));
    }

    @Operation(operationId = "getVoteParties", summary = "Votes per party in a roll call",
            description = "Each party's votes and its cohesion (Rice index) in this roll call; empty for a totals-only vote. Changes nothing.")
    @Parameter(name = "id", description = "The roll call's id in Vigía (the `id` its recording answered).", example = "6571f0c2a1b2c3d4e5f60789")
    /** Votes per party and each party's cohesion (Rice index). */
    @GetMapping("/api/votes/{id}/parties")
    public Map<String, Object> parties(@PathVariable String id) {
        RollCall roll = find(id);
        List<PartyTally> parties = RollCallView.parties(roll);
        return Map.of("voteId", roll.id(), "totalsOnly", roll.totalsOnly(), "parties", parties);
    }

    private RollCall find(String id) {
        Query query = new Query(Criteria.where("_id").is(id));
        query.fields().exclude("outbox");
        RollCall roll = mongo.findOne(query, RollCall.class, RollCall.COLLECTION);
        if (roll == null) {
            throw ApiProblem.notFound("Roll call", id);
        }
        return roll;
    }

    static ApiProblem problem(IntakeOutcome.Rejected rejected) {
        ApiProblem problem = new ApiProblem(HttpStatus.valueOf(rejected.status()), rejected.slug(), rejected.title(),
                rejected.detail());
        if (!rejected.errors().isEmpty()) {
            problem.with("errors", rejected.errors());
        }
        return problem;
    }
}
