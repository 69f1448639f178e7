package co.vigia.starter.web;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as problem+json instead of its HTML page: what Tomcat refuses before Spring sees the request
 * ({@code %00}, {@code %2F} or {@code %5C} in a path, a malformed request line) and any error no error page answered.
 * Installed as the host's error report valve; it names no class and shows no stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        ProblemDetail problem = ProblemJson.problem(known == null ? HttpStatus.BAD_REQUEST : known,
                status >= 500 ? "internal" : "bad-request", title, detail(status));
        problem.setStatus(status);
        try {
            byte[] body = ProblemJson.bytes(problem);
            response.setContentType(ProblemJson.CONTENT_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was committed meanwhile: nothing more to say
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request line or path cannot be accepted (encoded '/', '\\' or NUL, or a malformed"
                    + " escape, are refused)";
            case 404 -> "nothing is served at this path";
            case 405 -> "this method is not allowed here";
            case 408 -> "the request did not arrive in time";
            case 413 -> "the request is too large";
            case 505 -> "the HTTP version is not supported";
            default -> status >= 500 ? "an unexpected error occurred; nothing was stored" : "the request was refused";
        };
    }
}
