package co.vigia.notify.subscription;

import co.vigia.starter.security.Caller;
import co.vigia.starter.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * A caller's own subscription, for every endpoint that takes a subscription id: another subscriber's answers 404
 * exactly like one that does not exist.
 */
@Component
public class SubscriptionAccess {

    private final SubscriptionRepository subscriptions;

    public SubscriptionAccess(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    public Subscription own(Caller caller, String id) {
        return subscriptions.findByIdAndSubscriberId(id, caller.requireSubscriber().id())
                .orElseThrow(() -> ApiProblem.notFound("subscription", id));
    }

    /** The caller's own subscription, which must be active to send anything (409 otherwise). */
    public Subscription ownActive(Caller caller, String id) {
        return requireActive(own(caller, id));
    }

    public static Subscription requireActive(Subscription subscription) {
        if (subscription.status() != SubscriptionStatus.ACTIVE) {
            throw ApiProblem.conflict("subscription-inactive", "Subscription not active",
                    "the subscription is " + subscription.status() + "; PATCH {\"active\": true} first")
                    .with("status", subscription.status());
        }
        return subscription;
    }
}
