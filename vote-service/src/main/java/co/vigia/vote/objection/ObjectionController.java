package co.vigia.vote.objection;

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
@RestController
public class ObjectionController {

    private final ObjectionService objections;
    private final MongoTemplate mongo;

    public ObjectionController(ObjectionService objections, MongoTemplate mongo) {
        this.objections = objections;
        this.mongo = mongo;
    }

    /** 201 when recorded; 200 when this externalId was recorded before with the same content. */
    @PostMapping("/api/objections")
    public ResponseEntity<Objection> file(Caller caller, @Valid @RequestBody ObjectionRequest request) {
        caller.requireOperator();
        ObjectionService.Filed filed = objections.file(request);
        URI location = URI.create("/api/objections/" + filed.objection().id());
        return filed.created() ? ResponseEntity.created(location).body(filed.objection())
                : ResponseEntity.ok().location(location).body(filed.objection());
    }

    @PostMapping("/api/objections/{id}/resolution")
    public Objection resolve(Caller caller, @PathVariable String id, @Valid @RequestBody ResolutionRequest request) {
        caller.requireOperator();
        return objections.resolve(id, request);
    }

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

    @GetMapping("/api/objections/{id}")
    public Objection get(@PathVariable String id) {
        return objections.find(id);
    }
}
