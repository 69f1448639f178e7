package co.vigia.notify.delivery;

import co.vigia.contracts.subscription.SubscriptionDisabled;
import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionRepository;
import co.vigia.notify.subscription.SubscriptionStatus;
import co.vigia.notify.subscription.SubscriptionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An endpoint's health on its subscription: the last success, the first failure since, and disabling it (its
 * pending deliveries fail, and the subscriber's other active subscriptions receive a
 * {@code co.vigia.subscription.disabled} notice).
 */
@Component
public class EndpointHealth {

    private static final Logger log = LoggerFactory.getLogger(EndpointHealth.class);

    static final Duration LAST_SUCCESS_PRECISION = Duration.ofMinutes(1);

    private final SubscriptionStore store;
    private final SubscriptionRepository subscriptions;
    private final DeliveryStore deliveries;
    private final DeliveryPlanner planner;
    /** Successes waiting for {@link #writeSuccesses}: the latest of each endpoint. */
    private final Map<String, Instant> successesToWrite = new ConcurrentHashMap<>();

    public EndpointHealth(SubscriptionStore store, SubscriptionRepository subscriptions, DeliveryStore deliveries,
                          DeliveryPlanner planner) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.planner = planner;
    }

    /**
     * Clears failing-since and notes the success. {@code subscription} is as read for the attempt: when it was failing,
     * that is cleared at once; when it was not and its last success is recent, nothing is written, so a busy endpoint
     * costs one write a {@link #LAST_SUCCESS_PRECISION} rather than one per delivery (lastSuccessAt is that precise);
     * otherwise the success waits for {@link #writeSuccesses}, at most a second, with the others of that second: a
     * fan-out to 10,000 endpoints made 10,000 updates, one per delivery, a quarter of the delivery threads' time.
     */
    public void succeeded(Subscription subscription, Instant at) {
        if (subscription.failingSince() != null) {
            store.recovered(subscription.id(), at);
            return;
        }
        Instant last = subscription.lastSuccessAt();
        if (last != null && last.isAfter(at.minus(LAST_SUCCESS_PRECISION))) {
            return;
        }
        successesToWrite.merge(subscription.id(), at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * Writes the successes noted since the last call, in one unordered bulk write (an update by id each: only
     * lastSuccessAt, so a failure recorded meanwhile is left as it is). Every second, and when the service stops.
     */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    @PreDestroy
    public void writeSuccesses() {
        if (successesToWrite.isEmpty()) {
            return;
        }
        Map<String, Instant> successes = new HashMap<>();
        for (String id : List.copyOf(successesToWrite.keySet())) {
            Instant at = successesToWrite.remove(id);
            if (at != null) {
                successes.put(id, at);
            }
        }
        try {
            store.lastSuccesses(successes);
        } catch (RuntimeException e) {
            // a precision of a minute: the next success of each endpoint notes it again
            log.warn("Last successes of {} endpoints could not be written: {}", successes.size(), e.toString());
        }
    }

    /** Sets failing-since to {@code since} unless an earlier failure already set it. */
    public void failed(String subscriptionId, Instant since) {
        store.failingSince(subscriptionId, since);
    }

    /** Disables an active subscription; only the call that flips it fails its deliveries and sends the notice. */
    public void disable(String subscriptionId, String reason, Instant at) {
        Subscription disabled = store.disableIfActive(subscriptionId, reason, at);
        if (disabled == null) {
            return;
        }
        long failed = deliveries.failPending(subscriptionId, "subscription disabled: " + reason, at);
        log.warn("Subscription {} of subscriber {} disabled ({}); {} pending deliveries failed", subscriptionId,
                disabled.subscriberId(), reason, failed);
        StoredEvent notice = planner.webhookOnlyEvent(new SubscriptionDisabled(subscriptionId, disabled.url(), reason, at));
        for (Subscription other : subscriptions.findBySubscriberIdOrderByCreatedAtAsc(disabled.subscriberId())) {
            if (!other.id().equals(subscriptionId) && other.status() == SubscriptionStatus.ACTIVE) {
                planner.schedule(notice, other, notice.id() + ":" + other.id(), DeliveryTrigger.NOTICE);
            }
        }
        planner.wakeWorker();
    }
}
