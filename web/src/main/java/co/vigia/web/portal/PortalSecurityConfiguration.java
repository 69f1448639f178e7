package co.vigia.web.portal;

import co.vigia.web.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Hook for the NGO portal's chain ({@code /portal/**}): sign-in with the subscriber's key, a server-side session,
 * CSRF. Until the portal exists every portal path is refused.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/portal/**");
        SecurityHeaders.apply(http);
        http.authorizeHttpRequests(a -> a.anyRequest().denyAll());
        return http.build();
    }
}
