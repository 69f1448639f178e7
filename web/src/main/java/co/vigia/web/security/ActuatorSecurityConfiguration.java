package co.vigia.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.http.HttpStatus;

/**
 * The web app's own actuator, as the services': health says UP or DOWN to anyone (its details only with the
 * operator key), metrics and everything else need {@code Authorization: Bearer <operator key>} (Prometheus sends it).
 */
@Configuration(proxyBeanMethods = false)
public class ActuatorSecurityConfiguration {

    static final String OPERATOR = "OPERATOR";

    @Bean
    @Order(5)
    SecurityFilterChain actuatorChain(HttpSecurity http, OperatorKey operatorKey) throws Exception {
        SecurityHeaders.apply(http);
        http.securityMatcher("/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new OperatorBearer(operatorKey), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .anyRequest().hasRole(OPERATOR));
        return http.build();
    }

    /** Signs in, for this request only, a caller whose bearer is the operator key. */
    static final class OperatorBearer extends OncePerRequestFilter {

        private final OperatorKey operatorKey;

        OperatorBearer(OperatorKey operatorKey) {
            this.operatorKey = operatorKey;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && operatorKey.matches(header.substring(7))) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "operator", null, List.of(new SimpleGrantedAuthority("ROLE_" + OPERATOR))));
            }
            chain.doFilter(request, response);
        }
    }
}
