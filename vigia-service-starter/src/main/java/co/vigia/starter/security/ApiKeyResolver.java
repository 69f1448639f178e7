package co.vigia.starter.security;

import java.util.Optional;

/** Finds the caller an API key belongs to. Services add their own (notify-service: subscribers). */
@FunctionalInterface
public interface ApiKeyResolver {
    Optional<Caller> resolve(String apiKey);
}
