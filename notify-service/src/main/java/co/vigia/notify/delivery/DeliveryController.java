package co.vigia.notify.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.event.StoredEventRepository;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionRepository;
import co.vigia.notify.subscription.SubscriptionAccess;
import co.vigia.starter.security.Caller;
import co.vigia.starter.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A subscriber's own deliveries; another subscriber's delivery answers 404. */
@Tag(name = "deliveries", description = "A subscriber's webhook deliveries: the log, redelivery")
@RestController
@RequestMapping("/api/deliveries")
public class DeliveryController {

    private final DeliveryStore deliveries;
    private final SubscriptionRepository subscriptions;
    private final StoredEventRepository events;
    private final DeliveryPlanner planner;

    public DeliveryController(DeliveryStore deliveries, SubscriptionRepository subscriptions,
                              StoredEventRepository events, DeliveryPlanner planner) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.events = events;
        this.planner = planner;
    }

    @Operation(operationId = "getDelivery", summary = "Read a delivery and its attempts",
            description = "One delivery of the NGO's own: the event, its status and every attempt (time, status code, latency, error). Another NGO's delivery is a 404. Changes nothing.")
    @CallableBy(Role.SUBSCRIBER)
    @Parameter(name = "id", description = "The delivery's id.", example = "0b7e2f5c-1a2b-4c3d-8e9f-a0b1c2d3e4f5")
    @GetMapping("/{id}")
    public DeliveryView get(Caller caller, @PathVariable String id) {
        return DeliveryView.of(own(caller, id));
    }

    @Operation(operationId = "redeliver", summary = "Send a delivery's event again",
            description = "A new delivery of the same event (same `webhook-id`) to the same subscription, now, ordered after what is pending for that subscription and bill.")
    @CallableBy(Role.SUBSCRIBER)
    @ApiResponse(responseCode = "202", description = "Scheduled: the new delivery.")
    @Parameter(name = "id", description = "The delivery's id.", example = "0b7e2f5c-1a2b-4c3d-8e9f-a0b1c2d3e4f5")
    /** Sends the same event again (same {@code webhook-id}) as a new delivery, now. */
    @PostMapping("/{id}/redeliver")
    public ResponseEntity<DeliveryView> redeliver(Caller caller, @PathVariable String id) {
        Delivery original = own(caller, id);
        Subscription subscription = SubscriptionAccess.requireActive(subscriptions
                .findByIdAndSubscriberId(original.subscriptionId(), caller.id())
                .orElseThrow(() -> ApiProblem.notFound("delivery", id)));
        StoredEvent event = events.findById(original.eventId()).orElseThrow(() -> ApiProblem.conflict("event-expired",
                "Event expired", "event " + original.eventId() + " is no longer stored (events are kept for the retention period, 90 days unless configured)"));
        return ResponseEntity.accepted().body(DeliveryView.of(planner.scheduleNew(event, subscription,
                DeliveryTrigger.REDELIVERY)));
    }

    private Delivery own(Caller caller, String id) {
        String subscriberId = caller.requireSubscriber().id();
        return deliveries.findById(id).filter(d -> subscriberId.equals(d.subscriberId()))
                .orElseThrow(() -> ApiProblem.notFound("delivery", id));
    }
}
