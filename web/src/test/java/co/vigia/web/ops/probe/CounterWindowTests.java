package co.vigia.web.ops.probe;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.web.ops.prometheus.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Last hour" figures from cumulative counters: restarts, services younger than the window, the window sliding. */
class CounterWindowTests {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final CounterWindow.Series DELIVERED = new CounterWindow.Series("vigia_deliveries_total",
            Map.of("outcome", "delivered"));
    /** A process that started long before the window. */
    static final double OLD_START = T0.minus(Duration.ofDays(1)).getEpochSecond();

    final CounterWindow window = new CounterWindow(Duration.ofHours(1), Duration.ofSeconds(15));

    @Test
    void aServiceStartedInsideTheWindowCountsFromZero() {
        double started = T0.getEpochSecond();
        window.record(T0.plusSeconds(30), List.of(delivered(5)), started);
        window.record(T0.plusSeconds(60), List.of(delivered(8)), started);

        CounterWindow.Increase increase = window.increase(T0.plusSeconds(60));

        assertThat(increase.get(DELIVERED)).isEqualTo(8);
        assertThat(increase.seconds()).isEqualTo(60);
    }

    @Test
    void anOldServiceCountsFromTheOldestPointInsideTheWindow() {
        for (int minute = 0; minute <= 90; minute++) {
            window.record(T0.plusSeconds(60L * minute), List.of(delivered(100 + minute)), OLD_START);
        }

        CounterWindow.Increase increase = window.increase(T0.plusSeconds(60 * 90));

        assertThat(increase.get(DELIVERED)).as("the last 60 minutes of one a minute").isEqualTo(60);
        assertThat(increase.seconds()).isEqualTo(3600);
    }

    @Test
    void aCounterBelowItsBaselineWasResetAndCountsFromZero() {
        window.record(T0, List.of(delivered(50)), OLD_START);
        window.record(T0.plusSeconds(30), List.of(delivered(3)), OLD_START);

        assertThat(window.increase(T0.plusSeconds(30)).get(DELIVERED)).isEqualTo(3);
    }

    @Test
    void beforeAnyPollNothingIsKnown() {
        assertThat(window.increase(T0).values()).isEmpty();
        assertThat(window.increase(T0).get(DELIVERED)).isZero();
    }

    static Sample delivered(double value) {
        return new Sample("vigia_deliveries_total", Map.of("outcome", "delivered"), value);
    }
}
