package co.vigia.web.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The chain of a signed-in area ({@code /portal/**} or {@code /ops/**}), decided on the normalised path behind
 * Spring Security's strict firewall: the sign-in page is open, everything else under the area needs its role, and
 * anything else is refused. Without a session a page redirects to the sign-in page (never a 2xx with data); every
 * form carries a CSRF token; pages are never cached (Spring Security's no-store); sign-out is a POST.
 */
public final class AccountChains {

    private AccountChains() {
    }

    public static SecurityFilterChain build(HttpSecurity http, Area area, CsrfTokenRepository csrf) throws Exception {
        http.securityMatcher(area.path(), area.path() + "/**");
        SecurityHeaders.apply(http);
        http.securityContext(c -> c.securityContextRepository(SessionSignIn.repository(area)));
        http.csrf(c -> c.csrfTokenRepository(csrf));
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        // after signing in, the area's home page: a saved request could send a browser anywhere
        http.requestCache(c -> c.requestCache(new NullRequestCache()));
        http.authorizeHttpRequests(a -> a
                .requestMatchers(HttpMethod.GET, area.signInPath()).permitAll()
                .requestMatchers(HttpMethod.POST, area.signInPath()).permitAll()
                .requestMatchers(area.path(), area.path() + "/**").hasRole(area.role())
                .anyRequest().denyAll());
        http.exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(area.signInPath())));
        http.logout(l -> l.logoutUrl(area.signOutPath()).logoutSuccessUrl(area.signInPath() + "?salida")
                .invalidateHttpSession(true).deleteCookies("JSESSIONID"));
        return http.build();
    }
}
