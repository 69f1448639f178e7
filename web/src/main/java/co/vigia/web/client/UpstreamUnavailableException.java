package co.vigia.web.client;

/**
 * A service did not answer usefully: refused, timed out, 5xx, or its circuit is open. Pages catch it to say which
 * part is missing and why, and render the rest.
 */
public class UpstreamUnavailableException extends RuntimeException {

    /** Why, as a page says it; each has a bundle key {@code unavailable.<reason>}. */
    public enum Reason { NOT_ANSWERING, TIMED_OUT, FAILING, CIRCUIT_OPEN }

    private final Upstream upstream;
    private final Reason reason;

    public UpstreamUnavailableException(Upstream upstream, Reason reason, Throwable cause) {
        super(upstream.key() + "-service unavailable: " + reason, cause);
        this.upstream = upstream;
        this.reason = reason;
    }

    public Upstream upstream() {
        return upstream;
    }

    public Reason reason() {
        return reason;
    }
}
