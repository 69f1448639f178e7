package co.vigia.notify.delivery;

import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.event.StoredEventRepository;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionRepository;
import co.vigia.notify.subscription.SubscriptionStatus;
import co.vigia.starter.security.Caller;
import co.vigia.starter.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A subscriber's own deliveries; another subscriber's delivery answers 404. */
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

    @GetMapping("/{id}")
    public DeliveryView get(Caller caller, @PathVariable String id) {
        return DeliveryView.of(own(caller, id));
    }

    /** Sends the same event again (same {@code webhook-id}) as a new delivery, now. */
    @PostMapping("/{id}/redeliver")
    public ResponseEntity<DeliveryView> redeliver(Caller caller, @PathVariable String id) {
        Delivery original = own(caller, id);
        Subscription subscription = subscriptions.findByIdAndSubscriberId(original.subscriptionId(), caller.id())
                .orElseThrow(() -> ApiProblem.notFound("delivery", id));
        if (subscription.status() != SubscriptionStatus.ACTIVE) {
            throw ApiProblem.conflict("subscription-inactive", "Subscription not active",
                    "the subscription is " + subscription.status() + "; PATCH {\"active\": true} first")
                    .with("status", subscription.status());
        }
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
