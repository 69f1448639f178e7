package co.vigia.starter.limits;

import co.vigia.starter.web.ProblemJson;
import co.vigia.starter.web.RequestTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body: a declared {@code Content-Length} over the limit is answered 413 before anything reads
 * the body; any other body is read through {@link BoundedRequest}, which stops at the limit. Runs first, so no
 * filter (authentication included) reads an unbounded body.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BodyLimitFilter.class);

    private final WebLimits limits;

    public BodyLimitFilter(WebLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.maxBodyFor(request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, RequestTooLargeException.body(limit));
            return;
        }
        try {
            chain.doFilter(new BoundedRequest(request, limit, limits.bodyReadTimeout()), response);
        } catch (IOException | ServletException | RuntimeException e) {
            RequestTooLargeException tooLarge = RequestTooLargeException.in(e);
            if (tooLarge == null) {
                throw e;
            }
            refuse(request, response, tooLarge); // read by a filter or a handler that let the exception through
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, RequestTooLargeException e)
            throws IOException {
        log.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        // the rest of the body is not read: the connection cannot carry another request
        response.setHeader("Connection", "close");
        ProblemJson.write(response, e.problem());
    }
}
