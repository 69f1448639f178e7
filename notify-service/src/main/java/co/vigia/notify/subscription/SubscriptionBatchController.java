package co.vigia.notify.subscription;

import co.vigia.notify.address.EndpointPolicy;
import co.vigia.notify.address.EndpointRefusedException;
import co.vigia.notify.secret.SecretBox;
import co.vigia.notify.signing.WebhookSigner;
import co.vigia.notify.subscriber.Subscriber;
import co.vigia.notify.subscriber.SubscriberRepository;
import co.vigia.notify.subscriber.SubscriberStatus;
import co.vigia.notify.subscription.SubscriptionController.NewSubscription;
import co.vigia.notify.subscription.SubscriptionController.SubscriptionView;
import co.vigia.notify.subscription.SubscriptionController.SubscriptionWithSecret;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import co.vigia.starter.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator subscribes many endpoints for many NGOs in one request (an onboarding, a migration, the benchmark's
 * 100,000): each item checked as {@code POST /api/subscriptions} checks one (the fields, the address against SSRF,
 * the event types, the NGO's endpoint limit), all or none stored, and the limit counted once for the whole batch.
 */
@Tag(name = "subscriptions", description = SubscriptionController.TAG)
@RestController
public class SubscriptionBatchController {

    static final int MAX_ITEMS = 1000;

    private final SubscriptionRepository subscriptions;
    private final SubscriberRepository subscribers;
    private final EndpointPolicy endpoints;
    private final WebhookProperties webhooks;
    private final SecretBox secretBox;
    private final Clock clock;

    public SubscriptionBatchController(SubscriptionRepository subscriptions, SubscriberRepository subscribers,
                                       EndpointPolicy endpoints, WebhookProperties webhooks, SecretBox secretBox,
                                       Clock clock) {
        this.subscriptions = subscriptions;
        this.subscribers = subscribers;
        this.endpoints = endpoints;
        this.webhooks = webhooks;
        this.secretBox = secretBox;
        this.clock = clock;
    }

    @Schema(description = "A webhook endpoint of one NGO, as that NGO would subscribe it.")
    public record BatchItem(@Schema(description = "The NGO's subscriber id.",
                                    example = "3f2b8c1e-5d6a-4e7f-9a0b-1c2d3e4f5a6b") @NotBlank String subscriberId,
                            @NotNull @Valid NewSubscription subscription) {
    }

    @Schema(description = "Subscriptions to create, 1 to " + MAX_ITEMS + ".")
    public record Batch(@NotEmpty @Size(max = MAX_ITEMS) List<@Valid BatchItem> items) {
    }

    @Schema(description = "A created subscription, its NGO and its signing secret (shown this once).")
    public record Created(String subscriberId, SubscriptionWithSecret created) {
    }

    @Operation(operationId = "createSubscriptionsInBatch", summary = "Subscribe many NGOs' webhook endpoints at once",
            description = """
                    Up to 1,000 subscriptions, each for an active NGO, checked as `POST /api/subscriptions` checks one: \
                    `https` to a public address (SSRF), known event types, at most 10 endpoints per NGO counting those \
                    it has. All are stored or none: a problem names the item (`items[3].subscription.url`). Each signing secret is \
                    shown this once, in the order of the items.""")
    @CallableBy(Role.OPERATOR)
    @ApiResponse(responseCode = "201", description = "Subscribed, each with its signing secret, in the items' order.")
    @ApiResponse(responseCode = "400", description = "An item is invalid, or its NGO unknown or not active.")
    @ApiResponse(responseCode = "409", description = "An NGO would have more than its 10 endpoints.")
    @PostMapping("/api/subscriptions:batch")
    public ResponseEntity<List<Created>> create(@Valid @RequestBody Batch body) {
        List<BatchItem> items = body.items();
        for (int i = 0; i < items.size(); i++) {
            check(i, items.get(i).subscription());
        }
        Set<String> owners = items.stream().map(item -> item.subscriberId().trim())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> active = subscribers.findByIdInAndStatus(owners, SubscriberStatus.ACTIVE).stream()
                .map(Subscriber::id).collect(Collectors.toSet());
        Map<String, Integer> endpointsOf = new HashMap<>();
        subscriptions.findBySubscriberIdIn(owners).forEach(s -> endpointsOf.merge(s.subscriberId(), 1, Integer::sum));
        Instant now = clock.instant();
        List<Subscription> toStore = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            NewSubscription item = items.get(i).subscription();
            String owner = items.get(i).subscriberId().trim();
            if (!active.contains(owner)) {
                throw ApiProblem.invalidField("items[" + i + "].subscriberId", "no active subscriber has this id");
            }
            if (endpointsOf.merge(owner, 1, Integer::sum) > webhooks.maxEndpoints()) {
                throw ApiProblem.conflict("endpoint-limit", "Too many endpoints", "items[" + i + "]: subscriber "
                        + owner + " may have at most " + webhooks.maxEndpoints() + " subscriptions")
                        .with("limit", webhooks.maxEndpoints()).with("item", i);
            }
            String secret = WebhookSigner.newSecret();
            String id = UUID.randomUUID().toString();
            secrets.add(secret);
            toStore.add(item.opened(id, owner, new SigningSecret(secretBox.seal(secret, id), now, null), now));
        }
        List<Subscription> stored = subscriptions.insert(toStore);
        List<Created> created = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Subscription s = stored.get(i);
            created.add(new Created(s.subscriberId(), new SubscriptionWithSecret(SubscriptionView.of(s), secrets.get(i))));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    /** The address (public, https: SSRF) and the event types of item {@code i}. */
    private void check(int i, NewSubscription item) {
        try {
            endpoints.check(item.url().trim());
        } catch (EndpointRefusedException e) {
            throw ApiProblem.invalidField("items[" + i + "].subscription.url", e.getMessage());
        }
        for (int t = 0; t < item.eventTypes().size(); t++) {
            String field = "items[" + i + "].subscription.eventTypes[" + t + "]";
            EventFilter.problemWith(item.eventTypes().get(t)).ifPresent(problem -> {
                throw ApiProblem.invalidField(field, problem);
            });
        }
    }
}
