package co.vigia.contracts.subscription;

import co.vigia.contracts.EventData;
import java.time.Instant;

/** Webhook only: one of the subscriber's endpoints was disabled, and why. Subject: the subscription id. */
public record SubscriptionDisabled(String subscriptionId, String endpointUrl, String reason, Instant disabledAt)
        implements EventData {
    @Override
    public String subject() {
        return subscriptionId;
    }
}
