package co.vigia.notify.email;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Following bills by email, public (no key): ask (rate-limited, always the same answer), confirm, leave with one
 * click (RFC 8058: a POST to the {@code List-Unsubscribe} URL), see one's preferences. The links carry their proof
 * (an HMAC signature), so the person needs nothing else.
 */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "vigia.email.enabled", havingValue = "true", matchIfMissing = true)
public class EmailFollowController {

    /** What every follow request is answered: it tells nothing about whether the address follows anything. */
    public static final Map<String, String> ACCEPTED = Map.of("status", "check-your-inbox", "detail",
            "If this address can receive email and has not confirmed these alerts yet, a confirmation email is on its "
                    + "way; nothing else is sent before its link is followed.");

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final EmailFollows follows;
    private final FollowRateLimits limits;
    private final EmailLinks links;
    private final Clock clock;

    public EmailFollowController(EmailFollows follows, FollowRateLimits limits, EmailLinks links, Clock clock) {
        this.follows = follows;
        this.limits = limits;
        this.links = links;
        this.clock = clock;
    }

    @Operation(operationId = "followByEmail", summary = "Follow bills, topics or every bill by email",
            description = "Public (no key); rate-limited per address and per client. Sends one confirmation email "
                    + "(double opt-in): nothing else goes to the address until its owner follows the link. The answer "
                    + "is the same whether or not the address already follows anything.")
    @ApiResponse(responseCode = "202", description = "Accepted: a confirmation email is on its way if one is due")
    @PostMapping(path = "/api/email/follows", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> follow(@Valid @RequestBody FollowRequestBody body,
                                                      HttpServletRequest request) {
        FollowRequest checked = body.check();
        limits.acquire(request.getRemoteAddr(), checked.address());
        follows.request(checked);
        return ResponseEntity.accepted().body(ACCEPTED);
    }

    @Operation(summary = "Confirm an address's alerts (the link of the confirmation email)")
    @GetMapping(path = "/api/email/confirm", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
        return links.signer().verify(LinkSigner.Purpose.CONFIRM, token, clock.instant())
                .map(address -> html(HttpStatus.OK, EmailPages.confirmed(follows.confirm(address))))
                .orElseGet(() -> html(HttpStatus.BAD_REQUEST, EmailPages.invalidLink()));
    }

    @Operation(summary = "The page behind the unsubscribe link: a button that sends the one-click POST")
    @GetMapping(path = "/api/email/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> unsubscribePage(@RequestParam(required = false) String token) {
        return links.signer().verify(LinkSigner.Purpose.UNSUBSCRIBE, token, clock.instant())
                .map(id -> html(HttpStatus.OK, EmailPages.unsubscribeForm(links.unsubscribe(id))))
                .orElseGet(() -> html(HttpStatus.BAD_REQUEST, EmailPages.invalidLink()));
    }

    @Operation(summary = "One-click unsubscribe (RFC 8058): ends the follow the email came from")
    @PostMapping(path = "/api/email/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token) {
        return links.signer().verify(LinkSigner.Purpose.UNSUBSCRIBE, token, clock.instant())
                .map(id -> {
                    follows.unsubscribe(id);
                    return html(HttpStatus.OK, EmailPages.unsubscribed());
                })
                .orElseGet(() -> html(HttpStatus.BAD_REQUEST, EmailPages.invalidLink()));
    }

    @Operation(summary = "An address's alerts, each with a button to leave (the preferences link of every email)")
    @GetMapping(path = "/api/email/preferences", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> preferences(@RequestParam(required = false) String token) {
        return links.signer().verify(LinkSigner.Purpose.MANAGE, token, clock.instant())
                .map(address -> html(HttpStatus.OK, EmailPages.preferences(address, follows.of(address), links)))
                .orElseGet(() -> html(HttpStatus.BAD_REQUEST, EmailPages.invalidLink()));
    }

    @ExceptionHandler(FollowRateLimits.RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(FollowRateLimits.RateLimited e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(e.problem().toProblemDetail());
    }

    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status).contentType(HTML).header(HttpHeaders.CACHE_CONTROL, "no-store").body(page);
    }
}
