package co.vigia.notify.delivery;

import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.event.StoredEventRepository;
import co.vigia.notify.event.WebhookPayload;
import co.vigia.notify.secret.SecretBox;
import co.vigia.notify.signing.WebhookSigner;
import co.vigia.notify.subscriber.SubscriberRepository;
import co.vigia.notify.subscriber.SubscriberStatus;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionStatus;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The first phase of an attempt: whether the delivery may still go (its subscription active, its subscriber active,
 * its event still stored) and, if so, the signed request.
 */
@Component
public class AttemptPreparer {

    static final Duration SUBSCRIBER_STATUS_AGE = Duration.ofSeconds(1);

    /** What the first phase made of a claimed delivery. */
    sealed interface Prepared {
    }

    /** Ready to send: the signed {@code message} of {@code event} to {@code subscription}. */
    record Ready(Delivery delivery, Subscription subscription, StoredEvent event, WebhookMessage message)
            implements Prepared {
    }

    /** It may not go any more, for {@code reason}; it is abandoned without an HTTP attempt. */
    record Undeliverable(Delivery delivery, String reason) implements Prepared {
    }

    /** A stored event and its webhook body, kept for the next deliveries of the same event (events never change). */
    private record Rendered(StoredEvent event, String body) {
    }

    private final SubscriberRepository subscribers;
    private final StoredEventRepository events;
    private final WebhookPayload payload;
    private final SecretBox secretBox;
    /** The last events rendered, so a fan-out to thousands of subscriptions reads and renders its event once. */
    private final Cache<String, Rendered> rendered = Caffeine.newBuilder().maximumSize(256).build();
    /**
     * Whether each subscriber is active, as read at most {@link #SUBSCRIBER_STATUS_AGE} ago: one read a second per
     * NGO instead of one per delivery (a suspension stops its webhooks within that second).
     */
    private final Cache<String, Boolean> activeSubscribers = Caffeine.newBuilder()
            .expireAfterWrite(SUBSCRIBER_STATUS_AGE).maximumSize(10_000).build();

    public AttemptPreparer(SubscriberRepository subscribers, StoredEventRepository events, WebhookPayload payload,
                           SecretBox secretBox) {
        this.subscribers = subscribers;
        this.events = events;
        this.payload = payload;
        this.secretBox = secretBox;
    }

    /** Prepares {@code delivery} for {@code subscription} as read for this poll (null: deleted), signed at {@code now}. */
    Prepared prepare(Delivery delivery, Subscription subscription, Instant now) {
        String reason = whyNotDeliverable(subscription);
        if (reason != null) {
            return new Undeliverable(delivery, reason);
        }
        // a miss (the event expired) is not kept: Caffeine stores no null
        Rendered event = rendered.get(delivery.eventId(), id -> events.findById(id)
                .map(e -> new Rendered(e, payload.body(e))).orElse(null));
        if (event == null) {
            return new Undeliverable(delivery,
                    "the event expired (events are kept for the retention period, 90 days unless configured)");
        }
        long timestamp = now.getEpochSecond();
        return new Ready(delivery, subscription, event.event(), new WebhookMessage(delivery.eventId(), timestamp,
                event.body(), WebhookSigner.signatureHeader(delivery.eventId(), timestamp, event.body(),
                        subscription.signingSecrets(now, secretBox))));
    }

    private String whyNotDeliverable(Subscription subscription) {
        if (subscription == null) {
            return "subscription deleted";
        }
        if (subscription.status() == SubscriptionStatus.PAUSED) {
            return "subscription paused";
        }
        if (subscription.status() == SubscriptionStatus.DISABLED) {
            return "subscription disabled: " + subscription.disabledReason();
        }
        boolean active = activeSubscribers.get(subscription.subscriberId(), id -> subscribers.findById(id)
                .map(s -> s.status() == SubscriberStatus.ACTIVE).orElse(false));
        return active ? null : "subscriber suspended or deleted";
    }
}
