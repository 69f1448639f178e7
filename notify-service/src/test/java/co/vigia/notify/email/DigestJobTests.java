package co.vigia.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestJobTests {

    /** Digest at 7:00 Bogotá (12:00 UTC), the last one sent at {@code last}. */
    private static EmailFollow daily(String last) {
        return new EmailFollow("f", "ana@ong.example", List.of("b"), List.of(), EnumSet.allOf(EventFamily.class),
                Cadence.DAILY, 7, Language.ES, FollowStatus.ACTIVE, Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), null, last == null ? null : Instant.parse(last));
    }

    @Test
    void dueOnceItsHourHasComeInBogotaAndNotAgainTheSameDay() {
        assertThat(DigestJob.isDue(daily("2026-12-05T12:00:00Z"), Instant.parse("2026-12-06T11:59:00Z"))).isFalse();
        assertThat(DigestJob.isDue(daily("2026-12-05T12:00:00Z"), Instant.parse("2026-12-06T12:00:00Z"))).isTrue();
        assertThat(DigestJob.isDue(daily("2026-12-06T12:00:30Z"), Instant.parse("2026-12-06T18:00:00Z"))).isFalse();
        // late evening in Bogotá is already the next day in UTC: still today's digest, sent once
        assertThat(DigestJob.isDue(daily("2026-12-06T12:00:30Z"), Instant.parse("2026-12-07T03:00:00Z"))).isFalse();
        assertThat(DigestJob.isDue(daily("2026-12-06T12:00:30Z"), Instant.parse("2026-12-07T12:00:00Z"))).isTrue();
    }

    @Test
    void aFollowConfirmedAfterTheHourWaitsForTomorrow() {
        assertThat(DigestJob.isDue(daily("2026-12-06T15:00:00Z"), Instant.parse("2026-12-06T15:01:00Z"))).isFalse();
    }
}
