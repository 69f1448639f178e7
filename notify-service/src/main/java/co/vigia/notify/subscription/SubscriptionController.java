package co.vigia.notify.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import co.vigia.contracts.Ids;
import co.vigia.notify.address.EndpointPolicy;
import co.vigia.notify.address.EndpointRefusedException;
import co.vigia.notify.secret.SecretBox;
import co.vigia.notify.signing.WebhookSigner;
import co.vigia.starter.security.Caller;
import co.vigia.starter.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subscriber's own subscriptions. Every lookup is by id AND the caller's subscriber id, so another
 * subscriber's subscription answers 404 exactly like one that does not exist. Fields a client must not set
 * (owner, secret, status, failure counts) are not part of the requests, so they are ignored.
 */
@Tag(name = "subscriptions", description = SubscriptionController.TAG)
@RestController
@RequestMapping("/api/subscriptions")
public class SubscriptionController {

    /** The OpenAPI tag of every /api/subscriptions operation, these and the deliveries' ones beside them. */
    public static final String TAG = "An NGO's webhook endpoints, the events they get, replay";

    private final SubscriptionRepository subscriptions;
    private final EndpointPolicy endpoints;
    private final SubscriptionAccess access;
    private final WebhookProperties webhooks;
    private final SecretBox secretBox;
    private final Clock clock;

    public SubscriptionController(SubscriptionRepository subscriptions, EndpointPolicy endpoints,
                                  SubscriptionAccess access, WebhookProperties webhooks, SecretBox secretBox,
                                  Clock clock) {
        this.subscriptions = subscriptions;
        this.endpoints = endpoints;
        this.access = access;
        this.webhooks = webhooks;
        this.secretBox = secretBox;
        this.clock = clock;
    }

    @Schema(description = "A webhook endpoint and what it gets.")
    public record NewSubscription(@Schema(description = "The endpoint: https, a public address.",
                                          example = "https://hooks.pares.org/vigia")
                                  @NotBlank @Size(max = 2000) String url,
                                  @Schema(description = "Event types: exact, a family (`co.vigia.bill.*`) or `*`.", example = "[\"co.vigia.bill.*\", \"co.vigia.vote.tallied\"]")
                                  @NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes,
                                  @Schema(description = "Only events of these bills; omitted or empty for every bill.", example = "[\"sometimiento\"]")
                                  @Size(max = 500) List<@NotBlank @Pattern(regexp = Ids.SLUG,
                                          message = Ids.SLUG_MESSAGE) String> billIds,
                                  @Schema(description = "What it is for, for the NGO.", example = "bill desk")
                                  @Size(max = 500) String description) {

        /** The active subscription this request opens for {@code owner}, signing with {@code secret}. */
        Subscription opened(String id, String owner, SigningSecret secret, Instant now) {
            return new Subscription(id, owner, url.trim(), description, List.copyOf(eventTypes),
                    billIds == null ? List.of() : List.copyOf(billIds), SubscriptionStatus.ACTIVE, null, null,
                    List.of(secret), null, null, now, now, null);
        }
    }

    /** Only the fields present change; {@code active} pauses (false) or resumes and re-enables (true). */
    public record SubscriptionChange(@Size(max = 2000) String url, @Size(max = 50) List<@NotBlank String> eventTypes,
                                     @Size(max = 500) List<@NotBlank @Pattern(regexp = Ids.SLUG,
                                             message = Ids.SLUG_MESSAGE) String> billIds,
                                     @Size(max = 500) String description, Boolean active) {
    }

    public record SubscriptionView(String id, String url, String description, List<String> eventTypes,
                                   List<String> billIds, SubscriptionStatus status, String disabledReason,
                                   Instant disabledAt, Instant failingSince, Instant lastSuccessAt,
                                   Instant createdAt, Instant updatedAt, Instant previousSecretExpiresAt) {
        static SubscriptionView of(Subscription s) {
            Instant previousExpires = s.secrets().stream().map(SigningSecret::expiresAt)
                    .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
            return new SubscriptionView(s.id(), s.url(), s.description(), s.eventTypes(), s.billIds(), s.status(),
                    s.disabledReason(), s.disabledAt(), s.failingSince(), s.lastSuccessAt(), s.createdAt(),
                    s.updatedAt(), previousExpires);
        }
    }

    /** A subscription with its signing secret: shown only on creation and rotation. */
    public record SubscriptionWithSecret(SubscriptionView subscription, String secret) {
    }

    @Operation(operationId = "createSubscription", summary = "Subscribe a webhook endpoint",
            description = """
                    The NGO's endpoint gets every matching event as a signed Standard Webhooks request. The signing \
                    secret (`whsec_…`) is shown this once. `https` only, to an address that is public, checked now and \
                    before every attempt (SSRF). At most 10 endpoints per NGO.""")
    @CallableBy(Role.SUBSCRIBER)
    @ApiResponse(responseCode = "201", description = "Subscribed, with its signing secret.")
    @ApiResponse(responseCode = "409", description = "The NGO has its 10 endpoints already.")
    @PostMapping
    public ResponseEntity<SubscriptionWithSecret> create(Caller caller, @Valid @RequestBody NewSubscription body) {
        String subscriberId = caller.requireSubscriber().id();
        checkUrl(body.url());
        checkTypes(body.eventTypes());
        if (subscriptions.countBySubscriberId(subscriberId) >= webhooks.maxEndpoints()) {
            throw ApiProblem.conflict("endpoint-limit", "Too many endpoints",
                    "a subscriber may have at most " + webhooks.maxEndpoints() + " subscriptions; delete one first")
                    .with("limit", webhooks.maxEndpoints());
        }
        Instant now = clock.instant();
        String secret = WebhookSigner.newSecret();
        String id = UUID.randomUUID().toString();
        Subscription subscription = subscriptions.insert(
                body.opened(id, subscriberId, new SigningSecret(secretBox.seal(secret, id), now, null), now));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new SubscriptionWithSecret(SubscriptionView.of(subscription), secret));
    }

    @Operation(operationId = "listSubscriptions", summary = "List the NGO's subscriptions", description = "Without secrets. Changes nothing.")
    @CallableBy(Role.SUBSCRIBER)
    @GetMapping
    public List<SubscriptionView> list(Caller caller) {
        return subscriptions.findBySubscriberIdOrderByCreatedAtAsc(caller.requireSubscriber().id()).stream()
                .map(SubscriptionView::of).toList();
    }

    @Operation(operationId = "getSubscription", summary = "Read a subscription",
            description = "Another NGO's subscription is a 404, as one that does not exist. Changes nothing.")
    @CallableBy(Role.SUBSCRIBER)
    @Parameter(name = "id", description = "The subscription's id.", example = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
    @GetMapping("/{id}")
    public SubscriptionView get(Caller caller, @PathVariable String id) {
        return SubscriptionView.of(access.own(caller, id));
    }

    @Operation(operationId = "changeSubscription", summary = "Change, pause or resume a subscription",
            description = "Only the fields present change. `active: false` pauses it (nothing more is sent); `active: true` resumes it and re-enables a disabled one. `owner`, `secret`, `status` and `failingSince` are ignored.")
    @CallableBy(Role.SUBSCRIBER)
    @Parameter(name = "id", description = "The subscription's id.", example = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
    @PatchMapping("/{id}")
    public SubscriptionView change(Caller caller, @PathVariable String id, @Valid @RequestBody SubscriptionChange body) {
        Subscription current = access.own(caller, id);
        if (body.url() != null) {
            checkUrl(body.url());
        }
        if (body.eventTypes() != null) {
            if (body.eventTypes().isEmpty()) {
                throw ApiProblem.invalidField("eventTypes", "must not be empty");
            }
            checkTypes(body.eventTypes());
        }
        SubscriptionStatus status = body.active() == null ? current.status()
                : body.active() ? SubscriptionStatus.ACTIVE : SubscriptionStatus.PAUSED;
        Subscription changed = current.with(body.url() == null ? current.url() : body.url().trim(),
                body.description() == null ? current.description() : body.description(),
                body.eventTypes() == null ? current.eventTypes() : List.copyOf(body.eventTypes()),
                body.billIds() == null ? current.billIds() : List.copyOf(body.billIds()), status, clock.instant());
        return SubscriptionView.of(subscriptions.save(changed));
    }

    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription",
            description = "Nothing more is sent to it; its pending deliveries fail as \"subscription deleted\".")
    @CallableBy(Role.SUBSCRIBER)
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Parameter(name = "id", description = "The subscription's id.", example = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        subscriptions.delete(access.own(caller, id));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "rotateSecret", summary = "Rotate the signing secret",
            description = "A new secret, shown this once; for 24 h every webhook carries two signatures, so either secret verifies.")
    @CallableBy(Role.SUBSCRIBER)
    @Parameter(name = "id", description = "The subscription's id.", example = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
    /** A new current secret; the old one keeps signing (a second signature) for the grace period, 24 h. */
    @PostMapping("/{id}/rotate-secret")
    public SubscriptionWithSecret rotateSecret(Caller caller, @PathVariable String id) {
        Subscription current = access.own(caller, id);
        Instant now = clock.instant();
        String secret = WebhookSigner.newSecret();
        List<SigningSecret> secrets = new ArrayList<>();
        secrets.add(new SigningSecret(secretBox.seal(secret, current.id()), now, null));
        for (SigningSecret old : current.secrets()) {
            if (old.expiresAt() == null) {
                secrets.add(new SigningSecret(old.sealed(), old.createdAt(), now.plus(webhooks.rotationGrace())));
            }
        }
        Subscription rotated = subscriptions.save(current.withSecrets(secrets, now));
        return new SubscriptionWithSecret(SubscriptionView.of(rotated), secret);
    }

    private void checkUrl(String url) {
        try {
            endpoints.check(url.trim());
        } catch (EndpointRefusedException e) {
            throw ApiProblem.invalidField("url", e.getMessage());
        }
    }

    private static void checkTypes(List<String> types) {
        for (int i = 0; i < types.size(); i++) {
            int index = i;
            EventFilter.problemWith(types.get(i)).ifPresent(problem -> {
                throw ApiProblem.invalidField("eventTypes[" + index + "]", problem);
            });
        }
    }
}
