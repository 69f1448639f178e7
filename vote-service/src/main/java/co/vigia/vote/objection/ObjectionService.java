package co.vigia.vote.objection;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.objection.ObjectionFiled;
import co.vigia.contracts.objection.ObjectionResolved;
import co.vigia.starter.VigiaProperties;
import co.vigia.starter.outbox.OutboxMessage;
import co.vigia.starter.outbox.OutboxRelay;
import co.vigia.starter.web.ApiProblem;
import co.vigia.vote.billfacts.BillFactsLookup;
import co.vigia.vote.billfacts.BillFactsService;
import co.vigia.vote.rollcall.RollCallIntake;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Files opinions, objections and rulings, and resolves formal objections; each write carries its
 * {@code co.vigia.objection.*} event in the same document.
 */
@Service
public class ObjectionService {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final BillFactsService billFacts;
    private final Clock clock;
    private final String source;

    public ObjectionService(MongoTemplate mongo, OutboxRelay relay, BillFactsService billFacts, Clock clock,
                            VigiaProperties properties) {
        this.mongo = mongo;
        this.relay = relay;
        this.billFacts = billFacts;
        this.clock = clock;
        this.source = properties.source();
    }

    /** What filing did: a new record, or the same one recorded before under this externalId. */
    public record Filed(Objection objection, boolean created) {
    }

    public Filed file(ObjectionRequest request) {
        LocalDate today = today();
        if (request.date().isAfter(today)) {
            throw ApiProblem.invalidField("date", request.date() + " is in the future (today is " + today + ")");
        }
        String hash = hash(request);
        String id = request.externalId() == null || request.externalId().isBlank() ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("objection/" + request.externalId()).getBytes(StandardCharsets.UTF_8)).toString();
        Objection before = mongo.findById(id, Objection.class, Objection.COLLECTION);
        if (before != null) {
            return same(before, hash);
        }
        // A formal objection depends on the bill's current stage: ask bill-service first.
        BillFactsLookup lookup = request.kind().isPresidentialObjection()
                ? billFacts.lookupFresh(request.billId()) : billFacts.lookup(request.billId());
        if (lookup instanceof BillFactsLookup.Unknown) {
            throw ApiProblem.notFound("Bill", request.billId());
        }
        if (lookup instanceof BillFactsLookup.Unavailable unavailable) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "bill-facts-unavailable", "Bill facts unavailable",
                    "the bill could not be checked (" + unavailable.reason() + "); nothing was stored, retry later");
        }
        var facts = ((BillFactsLookup.Known) lookup).facts();
        Optional<ObjectionRules.Refusal> refusal = ObjectionRules.checkFiling(request.kind(), request.author(),
                facts.stage(), facts.awaitsSanction());
        if (refusal.isPresent()) {
            ObjectionRules.Refusal r = refusal.get();
            if (r.conflict()) {
                throw ApiProblem.conflict("objection-not-allowed", "Objection not allowed now", r.reason())
                        .with("currentStage", facts.stage());
            }
            throw ApiProblem.invalidField(r.field(), r.reason());
        }
        Instant now = clock.instant();
        ObjectionFiled data = new ObjectionFiled(id, request.billId(), request.author(), request.authorName(),
                request.kind(), request.stance(), request.articles(), request.date(), request.grounds(),
                request.documentUrl());
        Objection objection = new Objection(id, blankToNull(request.externalId()), hash, request.billId(),
                request.author(), request.authorName(), request.kind(), request.stance(), request.articles(),
                request.grounds(), request.date(), request.documentUrl(), null, now,
                List.of(outbox(eventId("co.vigia.objection.filed", id), data, now)));
        try {
            mongo.insert(objection, Objection.COLLECTION);
        } catch (DuplicateKeyException raced) {
            return same(mongo.findById(id, Objection.class, Objection.COLLECTION), hash);
        }
        relay.afterSave(Objection.COLLECTION, id, objection.outbox());
        return new Filed(objection, true);
    }

    /** Records how a formal objection ended; the same resolution twice is answered unchanged. */
    public Objection resolve(String id, ResolutionRequest request) {
        Objection objection = find(id);
        Optional<String> misfit = ObjectionRules.checkResolution(objection.kind(), request.resolution());
        if (misfit.isPresent()) {
            if (!objection.kind().isPresidentialObjection()) {
                throw ApiProblem.conflict("not-resolvable", "Not a formal objection", misfit.get())
                        .with("kind", objection.kind());
            }
            throw ApiProblem.invalidField("resolution", misfit.get());
        }
        LocalDate today = today();
        if (request.date().isAfter(today)) {
            throw ApiProblem.invalidField("date", request.date() + " is in the future (today is " + today + ")");
        }
        if (request.date().isBefore(objection.date())) {
            throw ApiProblem.invalidField("date", "the objection was filed on " + objection.date()
                    + "; it cannot be resolved before");
        }
        Resolution resolution = new Resolution(request.resolution(), request.date(), request.note());
        if (objection.resolution() != null) {
            return alreadyResolved(objection, resolution);
        }
        Instant now = clock.instant();
        ObjectionResolved data = new ObjectionResolved(id, objection.billId(), objection.kind(), request.resolution(),
                request.date());
        Update update = new Update().set("resolution", resolution)
                .push(OutboxMessage.FIELD, outbox(eventId("co.vigia.objection.resolved", id), data, now));
        Query unresolved = new Query(Criteria.where("_id").is(id).and("resolution").is(null));
        // the objection as written: its whole outbox (the filed event may still wait in it, and goes first)
        Objection resolved = mongo.findAndModify(unresolved, update, FindAndModifyOptions.options().returnNew(true),
                Objection.class, Objection.COLLECTION);
        if (resolved == null) {
            return alreadyResolved(find(id), resolution);
        }
        relay.afterSave(Objection.COLLECTION, id, resolved.outbox());
        return resolved;
    }

    public Objection find(String id) {
        Objection objection = mongo.findById(id, Objection.class, Objection.COLLECTION);
        if (objection == null) {
            throw ApiProblem.notFound("Objection", id);
        }
        return objection;
    }

    private static Objection alreadyResolved(Objection objection, Resolution wanted) {
        if (objection.resolution().equals(wanted)) {
            return objection;
        }
        throw ApiProblem.conflict("already-resolved", "Objection already resolved", "the objection was already "
                + "resolved as " + objection.resolution().resolution() + " on " + objection.resolution().date())
                .with("resolution", objection.resolution());
    }

    private static Filed same(Objection before, String hash) {
        if (before.contentHash().equals(hash)) {
            return new Filed(before, false);
        }
        throw ApiProblem.conflict("external-id-conflict", "externalId already used", "externalId '"
                + before.externalId() + "' was recorded with different content; nothing was changed")
                .with("id", before.id());
    }

    private OutboxMessage outbox(String eventId, co.vigia.contracts.EventData data, Instant now) {
        CloudEvent event = EventCodec.create(eventId, source, data, now);
        return OutboxMessage.of(event);
    }

    /** Stable per objection and type, so a re-send is recognised by consumers. */
    private static String eventId(String type, String objectionId) {
        return UUID.nameUUIDFromBytes((type + "/" + objectionId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(RollCallIntake.BOGOTA));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String hash(ObjectionRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(EventCodec.mapper().writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
