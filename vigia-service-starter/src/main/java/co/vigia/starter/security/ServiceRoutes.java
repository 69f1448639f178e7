package co.vigia.starter.security;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A service's own routes, added to the starter's one security configuration: who may call each (on the
 * normalised path; anything no rule names is denied), and which are expensive enough for the tighter rate limit.
 */
public interface ServiceRoutes {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);

    default List<RequestMatcher> expensive() {
        return List.of();
    }
}
