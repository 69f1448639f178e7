package co.vigia.starter.security;

import co.vigia.starter.VigiaProperties;
import co.vigia.starter.ratelimit.RateLimitFilter;
import co.vigia.starter.ratelimit.RateLimits;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one security configuration of every service: API keys ({@code Authorization: Bearer}) checked by
 * {@link ApiKeyAuthenticationProvider}, roles {@code OPERATOR} and {@code SUBSCRIBER}, rules on the normalised path
 * from each service's {@link ServiceRoutes}, everything else denied; Spring Security's {@link StrictHttpFirewall}
 * refuses path tricks ({@code ;}, encoded {@code /} {@code .} {@code %}, {@code //}, NUL) as a 400 problem; per-key
 * rate limits. All of it runs in the filter chain, before Spring MVC reads a body.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(OpenApiSecurity.class)
public class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    OperatorKeyStore operatorKeyStore(VigiaProperties properties) {
        return new OperatorKeyStore(properties.security().operatorKey());
    }

    @Bean
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ObjectProvider<ApiKeyStore> stores,
                                                              VigiaProperties properties, RateLimits limits,
                                                              OperatorKeyStore operatorKey) {
        ApiKeyAuthenticationProvider provider = new ApiKeyAuthenticationProvider(stores.orderedStream().toList(),
                properties.security().keyCacheTtl(), limits, properties.security().rateLimit().failedAuthentication());
        operatorKey.keyHash().ifPresent(provider::trust);
        return provider;
    }

    @Bean
    RateLimits rateLimits() {
        return new RateLimits();
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers() {
        return new ProblemSecurityHandlers();
    }

    @Bean
    WebSecurityCustomizer vigiaFirewall(ProblemSecurityHandlers problems) {
        return web -> web.httpFirewall(new StrictHttpFirewall()).requestRejectedHandler(problems);
    }

    @Bean
    SecurityFilterChain vigiaSecurityFilterChain(HttpSecurity http, ApiKeyAuthenticationProvider provider,
                                                 ProblemSecurityHandlers problems, RateLimits limits,
                                                 ObjectProvider<ServiceRoutes> serviceRoutes,
                                                 VigiaProperties properties) throws Exception {
        List<ServiceRoutes> routes = serviceRoutes.orderedStream().toList();
        VigiaProperties.RateLimit rate = properties.security().rateLimit();
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
                .addFilterAt(new ApiKeyAuthenticationFilter(new ProviderManager(provider), problems),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll();
                    rules.requestMatchers("/actuator", "/actuator/**").hasRole(Role.OPERATOR.name());
                    rules.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                            "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    rules.requestMatchers("/error").permitAll();
                    routes.forEach(r -> r.authorize(rules));
                    rules.anyRequest().denyAll();
                });
        if (rate.enabled()) {
            List<RequestMatcher> expensive = routes.stream().flatMap(r -> r.expensive().stream()).toList();
            http.addFilterAfter(new RateLimitFilter(limits, rate.operator(), rate.subscriber(), rate.anonymous(),
                    rate.expensive(), expensive), AnonymousAuthenticationFilter.class);
        }
        return http.build();
    }

    @Bean
    WebMvcConfigurer callerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
