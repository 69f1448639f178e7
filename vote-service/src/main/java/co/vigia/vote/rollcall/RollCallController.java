package co.vigia.vote.rollcall;

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

    @GetMapping("/api/votes/{id}")
    public RollCallView get(@PathVariable String id) {
        return RollCallView.detail(find(id));
    }

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
