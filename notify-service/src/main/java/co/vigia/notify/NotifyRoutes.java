package co.vigia.notify;

import co.vigia.starter.security.Role;
import co.vigia.starter.security.ServiceRoutes;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Who may call notify-service: only following by email is public. The operator manages subscribers and reads the
 * endpoint and email reports; a subscriber reads who it is, manages its own subscriptions and deliveries; either
 * rotates a subscriber's API key (a subscriber only its own). Replays, tests and redeliveries send webhooks, so they
 * take the tighter rate limit.
 */
@Component
public class NotifyRoutes implements ServiceRoutes {

    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String SUBSCRIBER = Role.SUBSCRIBER.name();

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.POST, "/api/subscribers/*/rotate-key").hasAnyRole(OPERATOR, SUBSCRIBER)
                // who a subscriber's key belongs to: the web portal signs an NGO in with it
                .requestMatchers(HttpMethod.GET, "/api/subscribers/me").hasRole(SUBSCRIBER)
                .requestMatchers("/api/subscribers", "/api/subscribers/**").hasRole(OPERATOR)
                .requestMatchers("/api/ops/**").hasRole(OPERATOR)
                // the operator subscribes many NGOs' endpoints at once (SubscriptionBatchController)
                .requestMatchers(HttpMethod.POST, "/api/subscriptions:batch").hasRole(OPERATOR)
                .requestMatchers("/api/subscriptions", "/api/subscriptions/**").hasRole(SUBSCRIBER)
                .requestMatchers("/api/deliveries/**").hasRole(SUBSCRIBER)
                // following by email needs no key: the request is rate-limited per address and client and sends
                // only a confirmation; confirming, leaving (RFC 8058 one-click POST) and the preferences carry a
                // signed link
                .requestMatchers(HttpMethod.POST, "/api/email/follows", "/api/email/unsubscribe").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/email/confirm", "/api/email/unsubscribe",
                        "/api/email/preferences").permitAll();
    }

    @Override
    public List<RequestMatcher> expensive() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return List.of(paths.matcher(HttpMethod.POST, "/api/subscriptions/*/replay"),
                paths.matcher(HttpMethod.POST, "/api/subscriptions/*/test"),
                paths.matcher(HttpMethod.POST, "/api/deliveries/*/redeliver"));
    }
}
