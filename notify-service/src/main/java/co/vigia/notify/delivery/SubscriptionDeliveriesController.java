package co.vigia.notify.delivery;

import co.vigia.contracts.subscription.Ping;
import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionAccess;
import co.vigia.notify.subscription.SubscriptionController;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Caller;
import co.vigia.starter.security.Role;
import co.vigia.starter.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a subscriber sends or reads through one of its subscriptions: a test webhook, the delivery log, a replay. The
 * subscription is looked up as {@link SubscriptionController} does, by id and the caller's subscriber id.
 */
@Tag(name = "subscriptions", description = SubscriptionController.TAG)
@RestController
@RequestMapping("/api/subscriptions")
public class SubscriptionDeliveriesController {

    private final SubscriptionAccess access;
    private final DeliveryStore deliveries;
    private final DeliveryPlanner planner;
    private final Replays replays;

    public SubscriptionDeliveriesController(SubscriptionAccess access, DeliveryStore deliveries,
                                            DeliveryPlanner planner, Replays replays) {
        this.access = access;
        this.deliveries = deliveries;
        this.planner = planner;
        this.replays = replays;
    }

    public record Scheduled(String deliveryId, String eventId, DeliveryStatus status) {
    }

    @Operation(operationId = "testSubscription", summary = "Send a test webhook",
            description = "A signed `co.vigia.ping` to this endpoint, now.")
    @CallableBy(Role.SUBSCRIBER)
    @ApiResponse(responseCode = "202", description = "Scheduled: its delivery and event ids.")
    @Parameter(name = "id", description = "The subscription's id.", example = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
    /** Sends a {@code co.vigia.ping} webhook to this endpoint now. */
    @PostMapping("/{id}/test")
    public ResponseEntity<Scheduled> test(Caller caller, @PathVariable String id) {
        Subscription subscription = access.ownActive(caller, id);
        StoredEvent ping = planner.webhookOnlyEvent(new Ping(subscription.id(), "Test event requested through the API"));
        Delivery delivery = planner.scheduleNew(ping, subscription, DeliveryTrigger.PING);
        return ResponseEntity.accepted().body(new Scheduled(delivery.id(), ping.id(), delivery.status()));
    }

    /**
     * The subscription's delivery log, newest first: optionally of one status, event type or bill, created from
     * {@code from} (inclusive) to {@code to} (exclusive), both ISO-8601 times.
     */
    @Operation(operationId = "listDeliveries", summary = "The subscription's delivery log",
            description = """
                    Its deliveries, newest first, each with its attempts; optionally only of one status, event type \
                    or bill, created from `from` (inclusive) to `to` (exclusive). Changes nothing.""")
    @CallableBy(Role.SUBSCRIBER)
    @Parameter(name = "id", description = "The subscription's id.", example = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
    @Parameter(name = "status", description = "Only deliveries in this state.", example = "FAILED")
    @Parameter(name = "eventType", description = "Only deliveries of this event type.", example = "co.vigia.bill.stage-changed")
    @Parameter(name = "billId", description = "Only deliveries of this bill's events.", example = "sometimiento")
    @Parameter(name = "from", description = "Only deliveries created at or after this ISO-8601 time.", example = "2026-12-01T00:00:00Z")
    @Parameter(name = "to", description = "Only deliveries created before this ISO-8601 time; after `from`.", example = "2026-12-02T00:00:00Z")
    @Parameter(name = "limit", description = "How many, 1 to 500.", example = "50")
    @GetMapping("/{id}/deliveries")
    public List<DeliveryView> deliveries(Caller caller, @PathVariable String id,
                                         @RequestParam(required = false) DeliveryStatus status,
                                         @RequestParam(required = false) String eventType,
                                         @RequestParam(required = false) String billId,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(defaultValue = "50") int limit) {
        Subscription subscription = access.own(caller, id);
        if (limit < 1 || limit > 500) {
            throw ApiProblem.invalidField("limit", "must be between 1 and 500");
        }
        DeliveryFilter filter = new DeliveryFilter(status, eventType, billId, time("from", from), time("to", to));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ApiProblem.invalidField("to", "must be after from");
        }
        return deliveries.forSubscription(subscription.id(), filter, limit).stream().map(DeliveryView::of).toList();
    }

    private static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "is not an ISO-8601 time such as 2026-12-01T00:00:00Z");
        }
    }

    /**
     * Re-sends the stored events that match this subscription since {@code since}: an event id this subscription
     * received (the events received after it) or an ISO-8601 time (received at or after it). The webhooks keep their
     * event ids. At most 10,000 per call: when {@code complete} is false, call again with {@code since=next}. One
     * replay per subscription at a time (409 while one runs).
     */
    @Operation(operationId = "replay", summary = "Replay the events since a time or an event",
            description = "Sends again every stored event (kept 30 days) that matches this subscription since `since`, as new deliveries with their own event ids, in order.")
    @CallableBy(Role.SUBSCRIBER)
    @ApiResponse(responseCode = "202", description = "Scheduled: how many deliveries.")
    @Parameter(name = "id", description = "The subscription's id.", example = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
    @Parameter(name = "since", description = "An ISO-8601 time (events received at or after it) or an event id (the events received after it).", example = "2023-03-15T00:00:00Z")
    @PostMapping("/{id}/replay")
    public ResponseEntity<Replays.Replayed> replay(Caller caller, @PathVariable String id, @RequestParam String since) {
        return ResponseEntity.accepted().body(replays.replay(access.ownActive(caller, id), since));
    }
}
