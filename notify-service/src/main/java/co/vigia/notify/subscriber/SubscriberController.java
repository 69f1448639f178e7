package co.vigia.notify.subscriber;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import co.vigia.starter.VigiaProperties;
import co.vigia.starter.security.ApiKeyAuthenticationProvider;
import co.vigia.starter.security.ApiKeys;
import co.vigia.starter.security.Caller;
import co.vigia.starter.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators manage subscribers (NGOs); a subscriber's API key is shown once, when it is created or rotated, and
 * kept only as its hash.
 */
@Tag(name = "subscribers", description = "The NGOs that subscribe, managed by the operator")
@RestController
@RequestMapping("/api/subscribers")
public class SubscriberController {

    private final SubscriberRepository subscribers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ApiKeyAuthenticationProvider keys;
    private final Duration keyOverlap;

    public SubscriberController(SubscriberRepository subscribers, ApplicationEventPublisher events, Clock clock,
                                ApiKeyAuthenticationProvider keys, VigiaProperties properties) {
        this.subscribers = subscribers;
        this.events = events;
        this.clock = clock;
        this.keys = keys;
        this.keyOverlap = properties.security().keyRotationOverlap();
    }

    @Schema(description = "An NGO to register; it gets an API key for its subscriptions.")
    public record NewSubscriber(@Schema(description = "The NGO's name.", example = "Fundación Paz y Reconciliación")
@NotBlank @Size(max = 200) String name,
                                @Schema(description = "Where Vigía writes to the NGO.", example = "alertas@pares.org")
                                @NotBlank @Email @Size(max = 200) String contactEmail) {
    }

    public record SubscriberView(String id, String name, String contactEmail, SubscriberStatus status,
                                 Instant createdAt, Instant suspendedAt) {
        static SubscriberView of(Subscriber s) {
            return new SubscriberView(s.id(), s.name(), s.contactEmail(), s.status(), s.createdAt(), s.suspendedAt());
        }
    }

    /** The new subscriber with its API key: the only time the key is shown. */
    public record CreatedSubscriber(String id, String name, String contactEmail, SubscriberStatus status,
                                    Instant createdAt, String apiKey) {
    }

    /** A rotated key, shown once; the previous key works until {@code previousKeyExpiresAt}. */
    public record RotatedKey(String id, String apiKey, Instant previousKeyExpiresAt) {
    }

    @Operation(operationId = "createSubscriber", summary = "Register an NGO",
            description = "Creates the subscriber, ACTIVE, and its API key (`vgs_…`), shown this once; only its SHA-256 is stored.")
    @CallableBy(Role.OPERATOR)
    @ApiResponse(responseCode = "201", description = "Created, with its API key.")
    @PostMapping
    public ResponseEntity<CreatedSubscriber> create(Caller caller, @Valid @RequestBody NewSubscriber body) {
        caller.requireOperator();
        String apiKey = ApiKeys.generate("vgs_");
        Subscriber subscriber = subscribers.insert(Subscriber.created(UUID.randomUUID().toString(), body.name().trim(),
                body.contactEmail().trim(), ApiKeys.hash(apiKey), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedSubscriber(subscriber.id(), subscriber.name(),
                subscriber.contactEmail(), subscriber.status(), subscriber.createdAt(), apiKey));
    }

    @Operation(operationId = "listSubscribers", summary = "List the NGOs", description = "Every subscriber, without keys. Changes nothing.")
    @CallableBy(Role.OPERATOR)
    @GetMapping
    public List<SubscriberView> list(Caller caller) {
        caller.requireOperator();
        return subscribers.findAll().stream().map(SubscriberView::of).toList();
    }

    @Operation(operationId = "getSubscriber", summary = "Read an NGO", description = "Changes nothing.")
    @CallableBy(Role.OPERATOR)
    @Parameter(name = "id", description = "The subscriber's id.", example = "b1f0c2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b")
    @GetMapping("/{id}")
    public SubscriberView get(Caller caller, @PathVariable String id) {
        caller.requireOperator();
        return SubscriberView.of(find(id));
    }

    @Operation(operationId = "suspendSubscriber", summary = "Suspend an NGO",
            description = "Its key stops working and its webhooks stop within a second; deliveries wait until it is reactivated.")
    @CallableBy(Role.OPERATOR)
    @Parameter(name = "id", description = "The subscriber's id.", example = "b1f0c2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b")
    @PostMapping("/{id}/suspend")
    public SubscriberView suspend(Caller caller, @PathVariable String id) {
        caller.requireOperator();
        Subscriber suspended = subscribers.save(find(id).withStatus(SubscriberStatus.SUSPENDED, clock.instant()));
        keys.forget(suspended.id());
        return SubscriberView.of(suspended);
    }

    /**
     * A new API key for the subscriber: the operator may rotate any subscriber's, a subscriber only its own (another
     * subscriber's id answers 404). The previous key keeps working for the overlap ({@code vigia.security
     * .key-rotation-overlap}, 1 h by default) so the subscriber can switch without a gap; a key older than that stops.
     */
    @Operation(operationId = "rotateSubscriberKey", summary = "Rotate a subscriber's API key",
            description = "Answers a new API key, shown only here. The previous key keeps working until "
                    + "previousKeyExpiresAt (vigia.security.key-rotation-overlap, 1 h by default), so the subscriber "
                    + "can switch without a gap; a key rotated earlier stops at once. A subscriber may rotate only "
                    + "its own key (another subscriber's id answers 404); the operator may rotate any.")
    @CallableBy({Role.OPERATOR, Role.SUBSCRIBER})
    @Parameter(name = "id", description = "The subscriber's id.", example = "b1f0c2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b")
    @PostMapping("/{id}/rotate-key")
    public RotatedKey rotateKey(Caller caller, @PathVariable String id) {
        if (!caller.isOperator() && !caller.id().equals(id)) {
            throw ApiProblem.notFound("subscriber", id);
        }
        String apiKey = ApiKeys.generate("vgs_");
        Instant overlapUntil = clock.instant().plus(keyOverlap);
        Subscriber rotated = subscribers.save(find(id).withRotatedKey(ApiKeys.hash(apiKey), overlapUntil));
        keys.forget(rotated.id());
        return new RotatedKey(rotated.id(), apiKey, overlapUntil);
    }

    @Operation(operationId = "reactivateSubscriber", summary = "Reactivate a suspended NGO",
            description = "Its key works again and its pending webhooks go.")
    @CallableBy(Role.OPERATOR)
    @Parameter(name = "id", description = "The subscriber's id.", example = "b1f0c2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b")
    @PostMapping("/{id}/reactivate")
    public SubscriberView reactivate(Caller caller, @PathVariable String id) {
        caller.requireOperator();
        Subscriber reactivated = subscribers.save(find(id).withStatus(SubscriberStatus.ACTIVE, clock.instant()));
        keys.forget(reactivated.id());
        return SubscriberView.of(reactivated);
    }

    /** Deletes the subscriber and its subscriptions; their pending deliveries fail as "subscription deleted". */
    @Operation(operationId = "deleteSubscriber", summary = "Delete an NGO",
            description = "Deletes the subscriber and its subscriptions; their pending deliveries fail as \"subscription deleted\".")
    @CallableBy(Role.OPERATOR)
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Parameter(name = "id", description = "The subscriber's id.", example = "b1f0c2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        caller.requireOperator();
        Subscriber subscriber = find(id);
        // its subscriptions go first, in this thread: should that fail, the subscriber is still there to delete again
        events.publishEvent(new SubscriberDeleted(subscriber.id()));
        subscribers.deleteById(subscriber.id());
        keys.forget(subscriber.id());
        return ResponseEntity.noContent().build();
    }

    private Subscriber find(String id) {
        return subscribers.findById(id).orElseThrow(() -> ApiProblem.notFound("subscriber", id));
    }
}
