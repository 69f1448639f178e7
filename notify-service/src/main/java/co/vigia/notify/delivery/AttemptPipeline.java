package co.vigia.notify.delivery;

import co.vigia.notify.subscription.WebhookProperties;
import co.vigia.notify.delivery.AttemptPreparer.Prepared;
import co.vigia.notify.delivery.AttemptPreparer.Ready;
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
 * One attempt of one delivery, in phases (as Svix's worker): claim it, prepare the signed request (or find it may
 * not go), call the endpoint, then record the result ({@link AttemptRecorder}: handle success, handle failure). It
 * runs on a virtual thread of its own, and ends in an {@link AttemptOutcome}. The endpoint's gate, entered when the
 * delivery was chosen, is exited (with the call's result) or cancelled (no call made) exactly once.
 */
@Component
public class AttemptPipeline {

    private static final Logger log = LoggerFactory.getLogger(AttemptPipeline.class);
    static final Duration ERROR_BACKOFF = Duration.ofSeconds(5);

    /** The call phase's result: what the endpoint answered to a prepared request. */
    record Called(Ready ready, AttemptResult result, Instant started) {
    }

    private final DeliveryStore store;
    private final AttemptPreparer preparer;
    private final WebhookSender sender;
    private final EndpointGates gates;
    private final AttemptRecorder recorder;
    private final Clock clock;
    private final String owner;
    private final Duration lease;

    public AttemptPipeline(DeliveryStore store, AttemptPreparer preparer, WebhookSender sender, EndpointGates gates,
                           AttemptRecorder recorder, Clock clock, WebhookProperties webhooks) {
        this.store = store;
        this.preparer = preparer;
        this.sender = sender;
        this.gates = gates;
        this.recorder = recorder;
        this.clock = clock;
        this.owner = webhooks.effectiveInstanceId();
        this.lease = webhooks.lease();
    }

    /** Runs the phases for {@code candidate}, with its subscription as read for this poll (null: deleted). */
    AttemptOutcome run(Delivery candidate, Subscription subscription) {
        String endpoint = candidate.subscriptionId();
        Instant started = clock.instant();
        boolean called = false;
        Delivery delivery = candidate;
        try {
            Optional<Delivery> claimed = claim(candidate, started);
            if (claimed.isEmpty()) {
                return new AttemptOutcome.NotClaimed(); // what waited behind it is checked again
            }
            delivery = claimed.get();
            Prepared prepared = preparer.prepare(delivery, subscription, started);
            if (prepared instanceof Undeliverable undeliverable) {
                return recorder.abandon(undeliverable, started);
            }
            Called call = call((Ready) prepared, started);
            called = true;
            return call.result().verdict() == AttemptResult.Verdict.DELIVERED
                    ? recorder.handleSuccess(call) : recorder.handleFailure(call);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return release(delivery, started, "the instance is stopping");
        } catch (RuntimeException e) {
            log.warn("Delivery {} could not be attempted: {}", candidate.id(), e.toString());
            return release(delivery, started.plus(ERROR_BACKOFF), e.toString());
        } finally {
            if (!called) {
                gates.cancel(endpoint);
            }
        }
    }

    /**
     * Claims a delivery the poll found due (another instance may have taken or changed it meanwhile); one created
     * leased to this instance with most of its lease left is its own already, and nobody else can take it.
     */
    private Optional<Delivery> claim(Delivery candidate, Instant now) {
        if (candidate.heldBy(owner, now.plus(lease.dividedBy(2)))) {
            return Optional.of(candidate);
        }
        return store.claim(candidate, owner, now, lease);
    }

    /** Posts the prepared request and tells the endpoint's gate how it went. */
    private Called call(Ready ready, Instant started) throws InterruptedException {
        AttemptResult result = sender.send(ready.subscription().url(), ready.message());
        gates.exit(ready.delivery().subscriptionId(), result.verdict() == AttemptResult.Verdict.DELIVERED,
                result.latency());
        return new Called(ready, result, started);
    }

    /** Gives the delivery back unattempted or unrecorded, for {@code nextAttemptAt}; the store's read finds it then. */
    private AttemptOutcome release(Delivery delivery, Instant nextAttemptAt, String why) {
        try {
            store.release(delivery, nextAttemptAt);
        } catch (RuntimeException e) {
            // its lease runs out instead: then any instance's read of the store finds it
            log.warn("Delivery {} could not be released: {}", delivery.id(), e.toString());
        }
        return new AttemptOutcome.Released(nextAttemptAt, why);
    }
}
