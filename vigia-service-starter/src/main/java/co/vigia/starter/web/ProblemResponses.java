package co.vigia.starter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link ApiProblem} straight to a servlet response, for the answers given before Spring MVC runs (the
 * security filters): {@code application/problem+json;charset=UTF-8}, the same fields as the advice writes.
 */
public final class ProblemResponses {

    public static final String CONTENT_TYPE = "application/problem+json;charset=UTF-8";

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail detail = problem.toProblemDetail();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", detail.getType().toString());
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        body.put("detail", detail.getDetail());
        if (detail.getProperties() != null) {
            body.putAll(detail.getProperties());
        }
        response.resetBuffer();
        response.setStatus(detail.getStatus());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(CONTENT_TYPE);
        response.getWriter().write(JsonMapper.shared().writeValueAsString(body));
        response.flushBuffer();
    }

    /** 429 with {@code Retry-After} in whole seconds (at least 1). */
    public static void tooManyRequests(HttpServletResponse response, Duration wait, String detail) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail)
                .with("retryAfterSeconds", seconds));
    }
}
