package co.vigia.notify.subscriber;

import co.vigia.starter.security.ApiKeyStore;
import co.vigia.starter.security.Caller;
import co.vigia.starter.security.Role;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Subscribers' keys: an active subscriber's current key, or its previous one within the rotation overlap. A
 * suspended subscriber's keys are refused.
 */
@Component
public class SubscriberKeyStore implements ApiKeyStore {

    private final SubscriberRepository subscribers;
    private final Clock clock;

    public SubscriberKeyStore(SubscriberRepository subscribers, Clock clock) {
        this.subscribers = subscribers;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> findByKeyHash(String keyHash) {
        return subscribers.findByApiKeyHash(keyHash)
                .or(() -> subscribers.findByPreviousApiKeyHashAndPreviousKeyExpiresAtAfter(keyHash, clock.instant()))
                .filter(s -> s.status() == SubscriberStatus.ACTIVE)
                .map(s -> new Caller(s.id(), Role.SUBSCRIBER));
    }
}
