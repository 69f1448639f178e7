package co.vigia.notify.subscriber;

import co.vigia.notify.subscription.SubscriptionRepository;
import co.vigia.starter.VigiaProperties;
import co.vigia.starter.security.ApiKeyAuthenticationProvider;
import co.vigia.starter.security.ApiKeys;
import co.vigia.starter.security.Caller;
import co.vigia.starter.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
@RestController
@RequestMapping("/api/subscribers")
public class SubscriberController {

    private final SubscriberRepository subscribers;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;
    private final ApiKeyAuthenticationProvider keys;
    private final Duration keyOverlap;

    public SubscriberController(SubscriberRepository subscribers, SubscriptionRepository subscriptions, Clock clock,
                                ApiKeyAuthenticationProvider keys, VigiaProperties properties) {
        this.subscribers = subscribers;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.keys = keys;
        this.keyOverlap = properties.security().keyRotationOverlap();
    }

    public record NewSubscriber(@NotBlank @Size(max = 200) String name,
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

    @PostMapping
    public ResponseEntity<CreatedSubscriber> create(Caller caller, @Valid @RequestBody NewSubscriber body) {
        caller.requireOperator();
        String apiKey = ApiKeys.generate("vgs_");
        Subscriber subscriber = subscribers.insert(Subscriber.created(UUID.randomUUID().toString(), body.name().trim(),
                body.contactEmail().trim(), ApiKeys.hash(apiKey), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedSubscriber(subscriber.id(), subscriber.name(),
                subscriber.contactEmail(), subscriber.status(), subscriber.createdAt(), apiKey));
    }

    @GetMapping
    public List<SubscriberView> list(Caller caller) {
        caller.requireOperator();
        return subscribers.findAll().stream().map(SubscriberView::of).toList();
    }

    @GetMapping("/{id}")
    public SubscriberView get(Caller caller, @PathVariable String id) {
        caller.requireOperator();
        return SubscriberView.of(find(id));
    }

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
    @Operation(summary = "Rotate a subscriber's API key",
            description = "Answers a new API key, shown only here. The previous key keeps working until "
                    + "previousKeyExpiresAt (vigia.security.key-rotation-overlap, 1 h by default), so the subscriber "
                    + "can switch without a gap; a key rotated earlier stops at once. A subscriber may rotate only "
                    + "its own key (another subscriber's id answers 404); the operator may rotate any.")
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

    @PostMapping("/{id}/reactivate")
    public SubscriberView reactivate(Caller caller, @PathVariable String id) {
        caller.requireOperator();
        Subscriber reactivated = subscribers.save(find(id).withStatus(SubscriberStatus.ACTIVE, clock.instant()));
        keys.forget(reactivated.id());
        return SubscriberView.of(reactivated);
    }

    /** Deletes the subscriber and its subscriptions; their pending deliveries fail as "subscription deleted". */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        caller.requireOperator();
        Subscriber subscriber = find(id);
        subscriptions.deleteBySubscriberId(subscriber.id());
        subscribers.deleteById(subscriber.id());
        keys.forget(subscriber.id());
        return ResponseEntity.noContent().build();
    }

    private Subscriber find(String id) {
        return subscribers.findById(id).orElseThrow(() -> ApiProblem.notFound("subscriber", id));
    }
}
