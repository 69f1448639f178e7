package co.vigia.starter.security;

import co.vigia.starter.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <api key>} into an {@link ApiKeyAuthentication} and has the
 * {@link AuthenticationManager} check it. No header: the request goes on anonymous, for the authorization rules to
 * judge. A malformed header or a wrong key: 401 at once. An address that sent too many wrong keys gets 429 without
 * its new keys being looked up ({@link TooManyWrongKeysException}), so a flood of wrong keys costs no database reads.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AuthenticationManager authenticationManager;
    private final AuthenticationEntryPoint entryPoint;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public ApiKeyAuthenticationFilter(AuthenticationManager authenticationManager, AuthenticationEntryPoint entryPoint) {
        this.authenticationManager = authenticationManager;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.substring(BEARER.length()).isBlank()) {
            entryPoint.commence(request, response,
                    new BadCredentialsException("the Authorization header must be 'Bearer <api key>'"));
            return;
        }
        ApiKeyAuthentication token = ApiKeyAuthentication.unauthenticated(header.substring(BEARER.length()).trim());
        token.setDetails(details.buildDetails(request));
        Authentication caller;
        try {
            caller = authenticationManager.authenticate(token);
        } catch (TooManyWrongKeysException flood) {
            contexts.clearContext();
            ProblemResponses.tooManyRequests(response, flood.retryAfter(), flood.getMessage());
            return;
        } catch (AuthenticationException wrongKey) {
            contexts.clearContext();
            entryPoint.commence(request, response, wrongKey);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(caller);
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
