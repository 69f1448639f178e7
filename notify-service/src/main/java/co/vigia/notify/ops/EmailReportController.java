package co.vigia.notify.ops;

import co.vigia.notify.email.DigestJob;
import co.vigia.notify.email.EmailDeliveries;
import co.vigia.notify.email.EmailStatus;
import co.vigia.notify.email.Recipients;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Caller;
import co.vigia.starter.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The email channel for operators: {@code GET /api/ops/email} counts emails sent, pending, failing (pending after a
 * failed attempt) and abandoned, and lists the suspended addresses with the server's answer; {@code POST
 * /api/ops/email/digests} runs the daily digests as of an instant (a missed run, or a test of tomorrow's digest).
 */
@RestController
@ConditionalOnProperty(name = "vigia.email.enabled", havingValue = "true", matchIfMissing = true)
public class EmailReportController {

    static final int MAX_SUSPENDED_LISTED = 100;

    private final EmailDeliveries deliveries;
    private final Recipients recipients;
    private final DigestJob digests;

    public EmailReportController(EmailDeliveries deliveries, Recipients recipients, DigestJob digests) {
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.digests = digests;
    }

    public record SuspendedAddress(String address, Instant suspendedAt, String reason) {
    }

    public record EmailReport(long sent, long pending, long failing, long abandoned, long suspendedAddresses,
                              List<SuspendedAddress> suspended) {
    }

    /** {@code at}: the instant the digests run as of; absent: now. */
    public record DigestRunRequest(Instant at) {
    }

    @Operation(operationId = "emailReport", summary = "Emails sent, pending, failing and abandoned",
            description = "The email channel's counts and the suspended addresses (at most 100), with the SMTP "
                    + "server's answer that suspended each. Changes nothing.")
    @CallableBy(Role.OPERATOR)
    @GetMapping("/api/ops/email")
    public EmailReport report(Caller caller) {
        caller.requireOperator();
        return new EmailReport(deliveries.count(EmailStatus.SENT), deliveries.count(EmailStatus.PENDING),
                deliveries.failing(), deliveries.count(EmailStatus.ABANDONED), recipients.countSuspended(),
                recipients.suspended(MAX_SUSPENDED_LISTED).stream()
                        .map(r -> new SuspendedAddress(r.address(), r.suspendedAt(), r.suspendedReason())).toList());
    }

    @Operation(operationId = "runDigests", summary = "Run the daily digests as of an instant",
            description = "Sends the digests due at the given instant (now when absent): a missed run, or a check of "
                    + "tomorrow's digest. A digest already sent for that day is not sent again.")
    @CallableBy(Role.OPERATOR)
    @PostMapping("/api/ops/email/digests")
    public DigestJob.Run runDigests(Caller caller, @RequestBody(required = false) DigestRunRequest request) {
        caller.requireOperator();
        return request == null || request.at() == null ? digests.runNow() : digests.runAt(request.at());
    }
}
