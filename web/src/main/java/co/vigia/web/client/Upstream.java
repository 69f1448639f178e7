package co.vigia.web.client;

/** The three services the web app reads from; the name is also the circuit breaker's and the bundle key's. */
public enum Upstream {
    BILL("bill"),
    VOTE("vote"),
    NOTIFY("notify");

    private final String key;

    Upstream(String key) {
        this.key = key;
    }

    /** {@code bill}, {@code vote}, {@code notify}: the resilience4j instance and {@code service.<key>} in the bundles. */
    public String key() {
        return key;
    }
}
