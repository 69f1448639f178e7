package co.vigia.bill.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdjustableClockTests {

    @Test
    void keepsTickingFromTheInstantSetAndGoesBackToTheSystemTimeOnReset() {
        AdjustableClock clock = AdjustableClock.systemUtc();
        Instant past = Instant.parse("2023-06-13T12:00:00Z");

        clock.set(past);
        assertThat(Duration.between(past, clock.instant())).isBetween(Duration.ZERO, Duration.ofMinutes(1));

        clock.reset();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
