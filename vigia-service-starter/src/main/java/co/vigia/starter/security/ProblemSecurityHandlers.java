package co.vigia.starter.security;

import co.vigia.starter.web.ApiProblem;
import co.vigia.starter.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Spring Security's refusals as problem+json: 400 for a request the firewall rejects, 401, 403. */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        String detail = reason instanceof BadCredentialsException ? reason.getMessage()
                : "this request needs 'Authorization: Bearer <api key>'";
        ProblemResponses.write(response, new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemResponses.write(response, new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "this API key may not do this (an operator's or a subscriber's action, or no such route)"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.warn("Rejected {} request: {}", request.getMethod(), rejected.getMessage());
        ProblemResponses.write(response, new ApiProblem(HttpStatus.BAD_REQUEST, "rejected-request", "Request rejected",
                "the request's path or headers are not in a normalised form this service accepts ("
                        + rejected.getMessage().replace("The request was rejected because ", "") + ")"));
    }
}
