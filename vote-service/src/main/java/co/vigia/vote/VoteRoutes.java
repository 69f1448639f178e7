package co.vigia.vote;

import co.vigia.starter.security.Role;
import co.vigia.starter.security.ServiceRoutes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call vote-service: anyone reads votes, members' votes and opinions; the operator records them. */
@Component
public class VoteRoutes implements ServiceRoutes {

    private static final String[] PUBLIC = {"/api/votes", "/api/votes/**", "/api/objections", "/api/objections/**",
        "/api/members/*/votes"};

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, PUBLIC).permitAll()
                .requestMatchers(HttpMethod.HEAD, PUBLIC).permitAll()
                .requestMatchers(HttpMethod.POST, "/api/votes", "/api/votes:batch", "/api/objections",
                        "/api/objections/*/resolution").hasRole(Role.OPERATOR.name());
    }
}
