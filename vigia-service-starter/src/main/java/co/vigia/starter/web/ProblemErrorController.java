package co.vigia.starter.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Boot's {@code /error} page as problem+json: what a filter or the container sent as an error (a 405 for
 * {@code TRACE}, an exception that escaped a filter), in the same shape as the advice's answers, naming no class.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        RequestTooLargeException tooLarge = RequestTooLargeException.in(error);
        ProblemDetail problem;
        if (tooLarge != null) {
            problem = tooLarge.problem();
        } else {
            HttpStatus known = HttpStatus.resolve(status);
            if (known == null) {
                known = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
            }
            if (known.is5xxServerError()) {
                log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
            }
            problem = ProblemJson.problem(known, known.is5xxServerError() ? "internal" : slug(known),
                    known.getReasonPhrase(), detail(known));
        }
        ProblemJson.write(response, problem);
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            default -> "bad-request";
        };
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "nothing is served at this path";
            case METHOD_NOT_ALLOWED -> "this method is not allowed here";
            default -> status.is5xxServerError() ? "an unexpected error occurred; nothing was stored"
                    : "the request was refused: " + status.getReasonPhrase();
        };
    }
}
