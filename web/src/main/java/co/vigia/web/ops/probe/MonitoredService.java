package co.vigia.web.ops.probe;

/** The services the operators' console watches; each reports Kafka and MongoDB components in its health. */
public enum MonitoredService {
    BILL("bill-service", 8081),
    VOTE("vote-service", 8082),
    NOTIFY("notify-service", 8083);

    private final String displayName;
    private final int defaultPort;

    MonitoredService(String displayName, int defaultPort) {
        this.displayName = displayName;
        this.defaultPort = defaultPort;
    }

    public String displayName() {
        return displayName;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
