package co.vigia.web.client;

import co.vigia.web.client.UpstreamUnavailableException.Reason;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One service's public API behind its circuit breaker and the timeouts of its request factory. Public reads call
 * without a key; the portal and the console pass the signed-in caller's {@link ApiKey} per call. A 4xx comes back as
 * Spring's {@link HttpClientErrorException} (the caller's answer, not counted against the breaker); everything else
 * that goes wrong becomes an {@link UpstreamUnavailableException} naming the service and the reason.
 */
public class ServiceClient {

    private final Upstream upstream;
    private final RestClient rest;
    private final CircuitBreaker breaker;

    public ServiceClient(Upstream upstream, RestClient rest, CircuitBreaker breaker) {
        this.upstream = upstream;
        this.rest = rest;
        this.breaker = breaker;
    }

    public Upstream upstream() {
        return upstream;
    }

    /** GET a public resource; a 404 is an exception, as any 4xx. */
    public <T> T get(String uri, Class<T> type, Object... uriVariables) {
        return call(null, r -> r.get().uri(uri, uriVariables).retrieve().body(type));
    }

    /** GET a public resource that may not exist (404 gives empty). */
    public <T> Optional<T> find(String uri, Class<T> type, Object... uriVariables) {
        try {
            return Optional.ofNullable(get(uri, type, uriVariables));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    /** GET with a caller's key. */
    public <T> T get(ApiKey key, String uri, Class<T> type, Object... uriVariables) {
        return call(key, r -> r.get().uri(uri, uriVariables).retrieve().body(type));
    }

    /**
     * Any request (POST, DELETE, headers of the caller's choosing) with {@code key} as the bearer, or none when
     * {@code key} is null; the RestClient handed over already has the base URL and the timeouts.
     */
    public <T> T call(ApiKey key, Function<RestClient, T> request) {
        RestClient client = key == null ? rest
                : rest.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, key.bearer()).build();
        try {
            return breaker.executeSupplier(() -> request.apply(client));
        } catch (CallNotPermittedException e) {
            throw new UpstreamUnavailableException(upstream, Reason.CIRCUIT_OPEN, e);
        } catch (HttpClientErrorException e) {
            throw e;
        } catch (HttpServerErrorException e) {
            throw new UpstreamUnavailableException(upstream, Reason.FAILING, e);
        } catch (ResourceAccessException e) {
            throw new UpstreamUnavailableException(upstream, timedOut(e) ? Reason.TIMED_OUT : Reason.NOT_ANSWERING, e);
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException(upstream, Reason.FAILING, e);
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
