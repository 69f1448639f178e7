package co.vigia.starter.ratelimit;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * A rate: {@code permits} requests per {@code period}, written {@code 50/1s} or {@code 10/1m} in settings.
 */
public record Limit(int permits, Duration period) {

    public Limit {
        if (permits < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a limit needs at least one permit per positive period");
        }
    }

    /** Parses {@code <permits>/<duration>}; Spring binds settings through this. */
    public static Limit valueOf(String text) {
        int slash = text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("'" + text + "' is not a limit like 50/1s");
        }
        return new Limit(Integer.parseInt(text.substring(0, slash).trim()),
                DurationStyle.detectAndParse(text.substring(slash + 1).trim()));
    }

    @Override
    public String toString() {
        return permits + "/" + period;
    }
}
