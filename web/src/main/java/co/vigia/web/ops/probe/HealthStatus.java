package co.vigia.web.ops.probe;

/** A service's or a component's health as the console shows it; anything else a service reports is DOWN. */
public enum HealthStatus {
    UP, DOWN, UNKNOWN;

    public static HealthStatus of(String reported) {
        if (reported == null || reported.isBlank()) {
            return UNKNOWN;
        }
        return "UP".equals(reported) ? UP : DOWN;
    }
}
