package co.vigia.devstack;

/** The three services, their default ports and their MongoDB databases. */
public enum Service {
    BILL("bill-service", 8081, "vigia-bill"),
    VOTE("vote-service", 8082, "vigia-vote"),
    NOTIFY("notify-service", 8083, "vigia-notify");

    private final String artifact;
    private final int defaultPort;
    private final String database;

    Service(String artifact, int defaultPort, String database) {
        this.artifact = artifact;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String artifact() {
        return artifact;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }
}
