package co.vigia.web.ops;

import co.vigia.web.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Hook for the operators' console chain ({@code /ops/**}): operator sign-in, a server-side session, CSRF. Until the
 * console exists every console path is refused.
 */
@Configuration(proxyBeanMethods = false)
public class OpsSecurityConfiguration {

    @Bean
    @Order(20)
    SecurityFilterChain opsChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/ops/**");
        SecurityHeaders.apply(http);
        http.authorizeHttpRequests(a -> a.anyRequest().denyAll());
        return http.build();
    }
}
