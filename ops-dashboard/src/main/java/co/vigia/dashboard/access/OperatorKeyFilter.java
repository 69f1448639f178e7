package co.vigia.dashboard.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything under {@code /api/} needs the operator key as {@code Authorization: Bearer <key>}; otherwise a 401
 * problem naming the header. The page itself and its script are public: they hold no data.
 */
public class OperatorKeyFilter extends OncePerRequestFilter {

    private final OperatorKey key;
    private final JsonMapper json;

    public OperatorKeyFilter(OperatorKey key, JsonMapper json) {
        this.key = key;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (key.matches(OperatorKey.bearer(request.getHeader(HttpHeaders.AUTHORIZATION)))) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, key.isConfigured()
                ? "the operator key is required: send Authorization: Bearer <operator key>"
                : "no operator key is configured (VIGIA_OPERATOR_KEY): the dashboard serves nobody");
        problem.setTitle("Unauthorized");
        problem.setProperty("field", "Authorization");
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigia-ops\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
