package co.vigia.contracts.subscription;

import co.vigia.contracts.EventData;

/** Webhook only: a test event a subscriber asked for. Subject: the subscription id. */
public record Ping(String subscriptionId, String message) implements EventData {
    @Override
    public String subject() {
        return subscriptionId;
    }
}
