package co.vigia.starter.web;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request body (or one item or line of a streamed batch) went past its limit, or took longer than allowed to
 * arrive. Thrown by the bounded body's {@code read} as an {@link IOException} so that every reader (Jackson, a
 * {@code BufferedReader}) stops at once; the advice finds it among the causes and answers its problem.
 */
public class RequestTooLargeException extends IOException {

    private final transient ProblemDetail problem;

    public RequestTooLargeException(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    /** 413: the body is larger than {@code limit} bytes. */
    public static RequestTooLargeException body(long limit) {
        return new RequestTooLargeException(ProblemJson.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                "Request body too large", "the request body is larger than " + limit + " bytes; nothing was stored"));
    }

    /** 408: the service waited {@code seconds} in all for the body's bytes. */
    public static RequestTooLargeException tooSlow(long seconds) {
        return new RequestTooLargeException(ProblemJson.problem(HttpStatus.REQUEST_TIMEOUT, "body-too-slow",
                "Request body too slow", "the request body was still arriving after " + seconds
                        + " s of waiting for it"));
    }

    public ProblemDetail problem() {
        return problem;
    }

    /** This exception among {@code e}'s causes, if there. */
    public static RequestTooLargeException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestTooLargeException found) {
                return found;
            }
        }
        return null;
    }
}
