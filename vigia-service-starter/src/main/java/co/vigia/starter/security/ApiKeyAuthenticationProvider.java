package co.vigia.starter.security;

import co.vigia.starter.ratelimit.Limit;
import co.vigia.starter.ratelimit.RateLimits;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks an API key against every {@link ApiKeyStore}. Verdicts (a caller, or "unknown") are kept briefly by the
 * key's hash, so a repeated key, right or wrong, costs no database read; {@link #forget} drops a caller's verdicts
 * at once when its key or status changes. A client address that sent too many wrong keys has its new keys refused
 * unread ({@link TooManyWrongKeysException}) while keys known good in the last hour keep working: a flood of wrong keys
 * from an address others share (a proxy, the web app) must not lock out the operator or an NGO.
 */
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final List<ApiKeyStore> stores;
    private final Cache<String, Optional<Caller>> verdicts;
    private final Cache<String, Boolean> knownGood = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1))
            .maximumSize(10_000).build();
    private final RateLimits limits;
    private final Limit failures;

    public ApiKeyAuthenticationProvider(List<ApiKeyStore> stores, Duration cacheFor, RateLimits limits, Limit failures) {
        this.stores = List.copyOf(stores);
        this.verdicts = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(10_000).build();
        this.limits = limits;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = (String) authentication.getCredentials();
        if (key == null || key.isBlank()) {
            throw new BadCredentialsException("the API key is empty");
        }
        String hash = ApiKeys.hash(key);
        Optional<Caller> verdict = verdicts.getIfPresent(hash);
        String client = "address:" + (authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : "unknown");
        if (verdict == null) {
            Optional<Duration> blocked = limits.peek("failed-authentication", failures, client);
            if (blocked.isPresent() && knownGood.getIfPresent(hash) == null) {
                throw new TooManyWrongKeysException(blocked.get());
            }
            verdict = verdicts.get(hash, this::lookup);
        }
        if (verdict.isEmpty()) {
            limits.acquire("failed-authentication", failures, client);
            throw new BadCredentialsException("the API key is not valid");
        }
        knownGood.put(hash, Boolean.TRUE);
        return ApiKeyAuthentication.authenticated(verdict.get());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }

    /**
     * The caller's keys, and every key found unknown (a suspended caller's among them), are checked again on their
     * next use: after a rotation, a suspension, a reactivation, a deletion.
     */
    public void forget(String callerId) {
        verdicts.asMap().values().removeIf(verdict -> verdict.map(c -> c.id().equals(callerId)).orElse(true));
    }

    /** Counts as known good the keys a service holds without a database (the operator's), from the start. */
    public void trust(String keyHash) {
        knownGood.put(keyHash, Boolean.TRUE);
    }

    private Optional<Caller> lookup(String hash) {
        for (ApiKeyStore store : stores) {
            Optional<Caller> caller = store.findByKeyHash(hash);
            if (caller.isPresent()) {
                return caller;
            }
        }
        return Optional.empty();
    }
}
