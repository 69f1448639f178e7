package co.vigia.starter.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request's API key before it is checked (credentials only), or the {@link Caller} it belongs to after, with the
 * authority {@code ROLE_OPERATOR} or {@code ROLE_SUBSCRIBER}. The key itself is dropped once checked.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient Caller caller;
    private String key;

    private ApiKeyAuthentication(String key, Caller caller) {
        super(caller == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.key = key;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    public static ApiKeyAuthentication unauthenticated(String key) {
        return new ApiKeyAuthentication(key, null);
    }

    public static ApiKeyAuthentication authenticated(Caller caller) {
        return new ApiKeyAuthentication(null, caller);
    }

    @Override
    public String getCredentials() {
        return key;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller == null ? "" : caller.id();
    }

    @Override
    public void eraseCredentials() {
        key = null;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
