package co.vigia.notify.subscriber;

import co.vigia.starter.security.ApiKeyResolver;
import co.vigia.starter.security.ApiKeys;
import co.vigia.starter.security.Caller;
import co.vigia.starter.security.Role;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A known, active subscriber's key makes the request that subscriber's; a suspended one's key is refused. */
@Component
public class SubscriberKeyResolver implements ApiKeyResolver {

    private final SubscriberRepository subscribers;

    public SubscriberKeyResolver(SubscriberRepository subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    public Optional<Caller> resolve(String apiKey) {
        return subscribers.findByApiKeyHash(ApiKeys.hash(apiKey))
                .filter(s -> s.status() == SubscriberStatus.ACTIVE)
                .map(s -> new Caller(s.id(), Role.SUBSCRIBER));
    }
}
