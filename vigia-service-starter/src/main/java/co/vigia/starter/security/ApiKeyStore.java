package co.vigia.starter.security;

import java.util.Optional;

/**
 * Where callers' keys are kept, by their SHA-256 (never the key itself): the operator's from the environment, a
 * service's own (notify-service: its subscribers) from its database. {@link ApiKeyAuthenticationProvider} asks each.
 */
@FunctionalInterface
public interface ApiKeyStore {
    Optional<Caller> findByKeyHash(String keyHash);
}
