package co.vigia.starter.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves {@code Authorization: Bearer <api key>} on {@code /api/**}. A key nobody knows is a 401;
 * a write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) without a key is a 401. Reads are public
 * unless a handler asks for a {@link Caller}.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final List<ApiKeyResolver> resolvers;
    private final List<String> publicWrites;

    public ApiKeyFilter(List<ApiKeyResolver> resolvers) {
        this(resolvers, List.of());
    }

    /** {@code publicWrites}: path prefixes whose writes are allowed without a key (a key given is still checked). */
    public ApiKeyFilter(List<ApiKeyResolver> resolvers, List<String> publicWrites) {
        this.resolvers = List.copyOf(resolvers);
        this.publicWrites = List.copyOf(publicWrites);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
                unauthorized(response, "the Authorization header must be 'Bearer <api key>'");
                return;
            }
            Optional<Caller> caller = resolve(header.substring(7).trim());
            if (caller.isEmpty()) {
                unauthorized(response, "the API key is not valid");
                return;
            }
            request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
        } else if (!SAFE_METHODS.contains(request.getMethod()) && !isPublicWrite(request)) {
            unauthorized(response, "this request needs 'Authorization: Bearer <api key>'");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isPublicWrite(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.contains("..") && !path.contains(";") && publicWrites.stream().anyMatch(path::startsWith);
    }

    private Optional<Caller> resolve(String key) {
        for (ApiKeyResolver resolver : resolvers) {
            Optional<Caller> caller = resolver.resolve(key);
            if (caller.isPresent()) {
                return caller;
            }
        }
        return Optional.empty();
    }

    static void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"https://vigia.co/problems/unauthorized\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
