package co.vigia.starter.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a client can act on, answered as RFC 9457 problem+json. {@code slug} names the problem
 * type ({@code https://vigia.co/problems/<slug>}); {@code properties} carry the specifics (the current
 * stage, the allowed actions, the offending field...).
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_BASE = "https://vigia.co/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " not found", what + " '" + id + "' does not exist")
                .with("id", id);
    }

    public static ApiProblem conflict(String slug, String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, title, detail);
    }

    public static ApiProblem badRequest(String slug, String title, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, slug, title, detail);
    }

    /** A 400 naming one invalid field, in the same shape as bean-validation errors. */
    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", field + ": " + message)
                .with("errors", java.util.List.of(new FieldProblem(field, message)));
    }

    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** One invalid field and why. */
    public record FieldProblem(String field, String message) {
    }
}
