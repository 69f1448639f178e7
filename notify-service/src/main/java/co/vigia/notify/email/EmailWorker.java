package co.vigia.notify.email;

import co.vigia.notify.delivery.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends due emails one at a time: claim (lease), send, record. A temporary failure waits the webhooks' retry
 * schedule ({@link RetryPolicy}); a permanent one abandons the email and suspends the address; past the schedule the
 * email is abandoned. A crash after sending and before recording leaves the email claimed: it is sent again, with
 * the same Message-ID, when the lease ends. Its own small loop beside the webhook worker, so the two channels share
 * no thread or queue.
 */
public class EmailWorker implements SmartLifecycle {

    private static final Log LOG = LogFactory.getLog(EmailWorker.class);

    private final EmailDeliveries deliveries;
    private final Recipients recipients;
    private final SmtpGateway smtp;
    private final RetryPolicy retries;
    private final Clock clock;
    private final Duration lease;
    private final Duration pollInterval;
    private final MeterRegistry meters;
    private volatile Thread thread;

    public EmailWorker(EmailDeliveries deliveries, Recipients recipients, SmtpGateway smtp, RetryPolicy retries,
                       Clock clock, Duration lease, Duration pollInterval, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.smtp = smtp;
        this.retries = retries;
        this.clock = clock;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.meters = meters;
    }

    /** Sends every email due now; answers how many it tried. */
    public int sendDue() {
        int tried = 0;
        Optional<EmailDelivery> next;
        while ((next = deliveries.claimDue(clock.instant(), lease)).isPresent()) {
            sendOne(next.get());
            tried++;
        }
        return tried;
    }

    void sendOne(EmailDelivery email) {
        if (email.kind() != EmailKind.CONFIRMATION && recipients.isSuspended(email.address())) {
            deliveries.suppress(email, clock.instant());
            count("suppressed");
            return;
        }
        SmtpGateway.Answer answer = smtp.send(email);
        Instant now = clock.instant();
        EmailAttempt attempt = new EmailAttempt(now, answer.outcome(), answer.detail());
        switch (answer.outcome()) {
            case ACCEPTED -> {
                deliveries.record(email, attempt, null, EmailStatus.SENT);
                count("sent");
            }
            case PERMANENT -> {
                deliveries.record(email, attempt, null, EmailStatus.ABANDONED);
                recipients.suspend(email.address(), answer.detail(), now);
                count("abandoned");
                LOG.warn("email " + email.id() + " refused for good, address suspended: " + answer.detail());
            }
            case TEMPORARY -> {
                Optional<Duration> delay = retries.delayAfter(email.attempts().size() + 1, Optional.empty());
                deliveries.record(email, attempt, delay.map(now::plus).orElse(null), EmailStatus.ABANDONED);
                count(delay.isPresent() ? "retrying" : "abandoned");
            }
        }
    }

    private void count(String outcome) {
        meters.counter("vigia.emails", "outcome", outcome).increment();
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                sendDue();
            } catch (RuntimeException e) {
                LOG.warn("email sender: " + e.getMessage());
            }
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void start() {
        Thread started = Thread.ofVirtual().name("email-worker").unstarted(this::loop);
        thread = started;
        started.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
