package co.vigia.bill;

import co.vigia.starter.security.Role;
import co.vigia.starter.security.ServiceRoutes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call bill-service: anyone reads bills, timelines, feeds and deadline calendars; the operator records, sets
 * the clock and runs the deadline scan.
 */
@Component
public class BillRoutes implements ServiceRoutes {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/api/bills", "/api/bills/**").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/api/bills", "/api/bills/**").permitAll()
                // the deadlines calendars (a bill's is under /api/bills/**)
                .requestMatchers(HttpMethod.GET, "/api/topics/*/deadlines.ics", "/api/deadlines.ics").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/api/topics/*/deadlines.ics", "/api/deadlines.ics").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/bills", "/api/bills/*/actions").hasRole(Role.OPERATOR.name())
                .requestMatchers(HttpMethod.PUT, "/api/ops/clock").hasRole(Role.OPERATOR.name())
                .requestMatchers(HttpMethod.DELETE, "/api/ops/clock").hasRole(Role.OPERATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/ops/deadlines/scan").hasRole(Role.OPERATOR.name());
    }
}
