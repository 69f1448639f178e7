package co.vigia.notify.delivery;

import co.vigia.notify.subscription.WebhookProperties;
import co.vigia.notify.delivery.AttemptPipeline.Called;
import co.vigia.notify.delivery.AttemptPreparer.Undeliverable;
import co.vigia.notify.subscription.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last phase of an attempt: its record on the delivery (if this instance still holds the lease), the endpoint's
 * health, the metrics, and the wake of the delivery parked behind one that settled.
 */
@Component
public class AttemptRecorder {

    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);

    private final DeliveryStore store;
    private final DeliveryRules rules;
    private final EndpointHealth health;
    private final DeliveryMetrics metrics;
    private final Parking parking;
    private final Clock clock;
    private final String owner;

    public AttemptRecorder(DeliveryStore store, DeliveryRules rules, EndpointHealth health, DeliveryMetrics metrics,
                           Parking parking, Clock clock, WebhookProperties webhooks) {
        this.store = store;
        this.rules = rules;
        this.health = health;
        this.metrics = metrics;
        this.parking = parking;
        this.clock = clock;
        this.owner = webhooks.effectiveInstanceId();
    }

    /** The endpoint answered 2xx. */
    AttemptOutcome handleSuccess(Called call) throws InterruptedException {
        Instant now = clock.instant();
        Optional<Delivery> recorded = record(call, rules.decide(attemptsMade(call), call.result(), now, null), now);
        if (recorded.isEmpty()) {
            return leaseLost(call);
        }
        health.succeeded(call.ready().subscription(), now);
        metrics.delivered(Duration.between(call.ready().event().time(), now));
        return settled(new AttemptOutcome.Delivered(recorded.get()), recorded.get(), call, now);
    }

    /** Anything but 2xx: a retry, or the end of the schedule or of the endpoint. */
    AttemptOutcome handleFailure(Called call) throws InterruptedException {
        Instant now = clock.instant();
        Subscription subscription = call.ready().subscription();
        DeliveryRules.Decision decision = rules.decide(attemptsMade(call), call.result(), now,
                subscription.failingSince());
        Optional<Delivery> recorded = record(call, decision, now);
        if (recorded.isEmpty()) {
            return leaseLost(call);
        }
        health.failed(subscription.id(), decision.failingSince());
        if (decision.disableReason() != null) {
            health.disable(subscription.id(), decision.disableReason(), now);
        }
        if (decision.status() == DeliveryStatus.PENDING) {
            return count(new AttemptOutcome.Retrying(decision.nextAttemptAt()));
        }
        return settled(new AttemptOutcome.Failed(call.result().error()), recorded.get(), call, now);
    }

    /** Ends a claimed delivery that may not go, without an HTTP attempt. */
    AttemptOutcome abandon(Undeliverable undeliverable, Instant now) {
        store.abandon(undeliverable.delivery(), undeliverable.reason(), now)
                .ifPresent(abandoned -> parking.wakeSuccessor(abandoned, now));
        return count(new AttemptOutcome.Abandoned(undeliverable.reason()));
    }

    private Optional<Delivery> record(Called call, DeliveryRules.Decision decision, Instant now)
            throws InterruptedException {
        AttemptResult result = call.result();
        Attempt attempt = new Attempt(call.started(), result.statusCode(), result.latency().toMillis(), result.error(),
                owner);
        return store.complete(call.ready().delivery(), attempt, decision.status(), decision.nextAttemptAt(),
                result.error());
    }

    private AttemptOutcome settled(AttemptOutcome outcome, Delivery recorded, Called call, Instant now) {
        metrics.settled(attemptsMade(call));
        parking.wakeSuccessor(recorded, now);
        return count(outcome);
    }

    private AttemptOutcome leaseLost(Called call) {
        log.info("Lease on delivery {} was lost before its attempt was recorded; another instance retries it",
                call.ready().delivery().id());
        return new AttemptOutcome.LeaseLost();
    }

    private AttemptOutcome count(AttemptOutcome outcome) {
        metrics.attempt(outcome.metric());
        return outcome;
    }

    private static int attemptsMade(Called call) {
        return call.ready().delivery().attemptCount() + 1;
    }
}
