package co.vigia.starter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Dates a client may send: years 1000 to 9999, whatever the type. */
class DateBoundsTests {

    @Test
    void datesInsideTheRangePass() {
        assertThat(DateBounds.check(LocalDate.of(1000, 1, 1))).isEqualTo(LocalDate.of(1000, 1, 1));
        assertThat(DateBounds.check(Instant.parse("9999-12-31T23:59:59Z"))).isNotNull();
        assertThat(DateBounds.check((Object) null)).isNull();
    }

    @Test
    void datesOutsideTheRangeAreRefusedWithTheRangeAsReason() {
        assertThatThrownBy(() -> DateBounds.check(LocalDate.parse("-999999999-01-01")))
                .isInstanceOf(DateBounds.OutOfRange.class).hasMessage("must be between 1000-01-01 and 9999-12-31");
        assertThatThrownBy(() -> DateBounds.check(Instant.MAX)).isInstanceOf(DateBounds.OutOfRange.class);
        assertThatThrownBy(() -> DateBounds.check(OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
                .isInstanceOf(DateBounds.OutOfRange.class);
    }
}
