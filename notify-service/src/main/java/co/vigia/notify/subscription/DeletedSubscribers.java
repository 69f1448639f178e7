package co.vigia.notify.subscription;

import co.vigia.notify.subscriber.SubscriberDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted subscriber's subscriptions go with it; their pending deliveries then fail as "subscription deleted". */
@Component
class DeletedSubscribers {

    private final SubscriptionRepository subscriptions;

    DeletedSubscribers(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @EventListener
    void deleteSubscriptions(SubscriberDeleted deleted) {
        subscriptions.deleteBySubscriberId(deleted.subscriberId());
    }
}
