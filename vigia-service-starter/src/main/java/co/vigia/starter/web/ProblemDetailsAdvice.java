package co.vigia.starter.web;

import co.vigia.starter.web.ApiProblem.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error as RFC 9457 {@code application/problem+json}; validation errors carry {@code errors}: a
 * list of {@code {field, message}}.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getMostSpecificCause() instanceof DateBounds.OutOfRange range) {
            return apiProblem(ApiProblem.invalidField(e.getName(), range.getMessage()));
        }
        String expected = e.getRequiredType() == null ? "a value of another type"
                : JsonErrors.expected(e.getRequiredType());
        String value = String.valueOf(e.getValue());
        return apiProblem(ApiProblem.invalidField(e.getName(), "'" + (value.length() > 60 ? value.substring(0, 60)
                + "..." : value) + "' is not " + expected));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException e) {
        return apiProblem(ApiProblem.conflict("concurrent-update", "Concurrent update",
                "the record changed while this request was applied; nothing was stored, retry"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return apiProblem(ApiProblem.conflict("duplicate", "Already exists", "a record with the same key exists"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return validation(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return validation(errors);
    }

    /**
     * A controller with {@code @Validated} on its class validates its parameters through a proxy, which throws
     * this instead of Spring MVC's own {@link HandlerMethodValidationException}: the same 400, naming the parameter.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = null;
            for (Path.Node node : violation.getPropertyPath()) {
                field = node.getName(); // the last node: the parameter or field, not the method
            }
            errors.add(new FieldProblem(field, violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldProblem::field, Comparator.nullsLast(Comparator.naturalOrder())));
        return validation(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        RequestTooLargeException tooLarge = RequestTooLargeException.in(ex);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(URI.create(ApiProblem.TYPE_BASE + "malformed-body"));
        problem.setTitle("Malformed request body");
        if (ex.getCause() instanceof JacksonException jackson && !JsonErrors.field(jackson).isEmpty()) {
            String field = JsonErrors.field(jackson);
            String reason = JsonErrors.reason(jackson);
            problem.setDetail(field + ": " + reason);
            problem.setProperty("errors", List.of(new FieldProblem(field, reason)));
        } else {
            problem.setDetail(ex.getCause() instanceof JacksonException jackson ? JsonErrors.reason(jackson)
                    : "the body is missing or is not JSON");
        }
        log.warn("Malformed body: {}", problem.getDetail());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e; // Spring's own errors keep their status
        }
        RequestTooLargeException tooLarge = RequestTooLargeException.in(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge); // a handler that reads its body as a stream
        }
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; nothing was stored");
        problem.setType(URI.create(ApiProblem.TYPE_BASE + "internal"));
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ResponseEntity<Object> tooLarge(RequestTooLargeException e) {
        log.warn("Refused body: {}", e.getMessage());
        // the rest of the body is not read: the connection cannot carry another request
        return ResponseEntity.status(e.problem().getStatus()).header(HttpHeaders.CONNECTION, "close")
                .body(e.problem());
    }

    private static ResponseEntity<Object> validation(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(URI.create(ApiProblem.TYPE_BASE + "validation"));
        problem.setTitle("Invalid request");
        problem.setDetail(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
