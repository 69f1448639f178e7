package co.vigia.notify.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Per endpoint (subscription): a bound on requests in flight and a resilience4j circuit breaker, so a dead or slow
 * endpoint holds at most its own few slots and, once its circuit opens, none at all while others flow.
 */
public class EndpointGates {

    private final CircuitBreakerRegistry breakers;
    private final int perEndpoint;
    private final Duration openFor;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

    public EndpointGates(CircuitBreakerRegistry breakers, int perEndpoint, Duration openFor) {
        this.breakers = breakers;
        this.perEndpoint = perEndpoint;
        this.openFor = openFor;
    }

    public static CircuitBreakerRegistry registry(int window, int minimumCalls, float failureRate, Duration openFor) {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window).minimumNumberOfCalls(minimumCalls).failureRateThreshold(failureRate)
                .waitDurationInOpenState(openFor).permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false).build());
    }

    public enum Entry { ADMITTED, BUSY, OPEN }

    /** Tries to take a slot and the breaker's permission for one call to {@code endpoint}. */
    public Entry tryEnter(String endpoint) {
        Semaphore slots = inFlight.computeIfAbsent(endpoint, e -> new Semaphore(perEndpoint));
        if (!slots.tryAcquire()) {
            return Entry.BUSY;
        }
        if (!breaker(endpoint).tryAcquirePermission()) {
            slots.release();
            return Entry.OPEN;
        }
        return Entry.ADMITTED;
    }

    /** Gives back an admitted entry that made no call. */
    public void cancel(String endpoint) {
        breaker(endpoint).releasePermission();
        inFlight.get(endpoint).release();
    }

    /** Records the call's outcome on the breaker and frees the slot. */
    public void exit(String endpoint, boolean success, Duration took) {
        if (success) {
            breaker(endpoint).onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            breaker(endpoint).onError(took.toNanos(), TimeUnit.NANOSECONDS, new EndpointFailure());
        }
        inFlight.get(endpoint).release();
    }

    public CircuitBreaker.State state(String endpoint) {
        return breaker(endpoint).getState();
    }

    /** The circuit's state of an endpoint that has one, else null; unlike {@link #state} it creates none. */
    public CircuitBreaker.State knownState(String endpoint) {
        return breakers.find(endpoint).map(CircuitBreaker::getState).orElse(null);
    }

    /** Endpoints whose circuit is open right now (their deliveries wait). */
    public long openCircuits() {
        return breakers.getAllCircuitBreakers().stream().filter(b -> b.getState() == CircuitBreaker.State.OPEN).count();
    }

    /** How long an open circuit keeps its endpoint's deliveries waiting. */
    public Duration openFor() {
        return openFor;
    }

    private CircuitBreaker breaker(String endpoint) {
        return breakers.circuitBreaker(endpoint);
    }

    /** What the breaker records for a failed attempt (the attempt itself says why). */
    static final class EndpointFailure extends RuntimeException {
        EndpointFailure() {
            super("webhook attempt failed", null, false, false);
        }
    }
}
