package co.vigia.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The public site: everything readable without signing in, and no session (pages are cached and shared). The portal
 * ({@code /portal/**}) and the console ({@code /ops/**}) have their own chains, ordered before this one, in
 * {@code co.vigia.web.portal} and {@code co.vigia.web.ops}; if one is missing, its paths are refused here.
 */
@Configuration(proxyBeanMethods = false)
public class PublicSecurityConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        SecurityHeaders.apply(http);
        // public pages set their own Cache-Control (see site.HttpCaching); Spring Security's no-store would undo it
        http.headers(h -> h.cacheControl(c -> c.disable()));
        http.requestCache(c -> c.requestCache(new NullRequestCache()));
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/portal/**", "/ops/**").denyAll()
                .anyRequest().permitAll());
        return http.build();
    }
}
