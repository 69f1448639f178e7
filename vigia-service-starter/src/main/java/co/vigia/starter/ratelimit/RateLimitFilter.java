package co.vigia.starter.ratelimit;

import co.vigia.starter.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limits, once the caller is known and before any body is read: an authenticated caller is limited
 * by its key (the operator's limit or a subscriber's), an anonymous one by its address. Expensive routes take a
 * permit from a tighter per-key bucket as well.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final Limit operator;
    private final Limit subscriber;
    private final Limit anonymous;
    private final Limit expensive;
    private final List<RequestMatcher> expensiveRoutes;

    public RateLimitFilter(RateLimits limits, Limit operator, Limit subscriber, Limit anonymous, Limit expensive,
                           List<RequestMatcher> expensiveRoutes) {
        this.limits = limits;
        this.operator = operator;
        this.subscriber = subscriber;
        this.anonymous = anonymous;
        this.expensive = expensive;
        this.expensiveRoutes = List.copyOf(expensiveRoutes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean known = caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
        Optional<Duration> wait;
        if (known) {
            boolean isOperator = caller.getAuthorities().stream().anyMatch(a -> "ROLE_OPERATOR".equals(a.getAuthority()));
            String key = "key:" + caller.getName();
            wait = limits.acquire(isOperator ? "operator" : "subscriber", isOperator ? operator : subscriber, key);
            if (wait.isEmpty() && expensiveRoutes.stream().anyMatch(route -> route.matches(request))) {
                wait = limits.acquire("expensive", expensive, key);
            }
        } else {
            wait = limits.acquire("anonymous", anonymous, "address:" + request.getRemoteAddr());
        }
        if (wait.isPresent()) {
            ProblemResponses.tooManyRequests(response, wait.get(), known
                    ? "this API key sent too many requests; retry after the time in Retry-After"
                    : "this address sent too many requests; retry after the time in Retry-After");
            return;
        }
        chain.doFilter(request, response);
    }
}
