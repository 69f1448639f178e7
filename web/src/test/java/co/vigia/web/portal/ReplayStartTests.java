package co.vigia.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class ReplayStartTests {

    static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    @Test
    void aDayStartsAtBogotasMidnightAndAnIdIsPassedAsItIs() {
        assertThat(ReplayStart.parse("2026-12-01", BOGOTA).value()).isEqualTo("2026-12-01T05:00:00Z");
        assertThat(ReplayStart.parse(" 0193a6f2-7c1e-7b3a-9d4e-123456789abc ", BOGOTA).value())
                .isEqualTo("0193a6f2-7c1e-7b3a-9d4e-123456789abc");
        assertThat(ReplayStart.parse("", BOGOTA)).isNull();
        assertThat(ReplayStart.parse("yesterday & more", BOGOTA)).isNull();
        assertThat(ReplayStart.parse("2026-13-45", BOGOTA)).as("not a day, but a well-formed id").isNotNull();
    }

    @Test
    void theLogsDaysIncludeTheLastDayWhole() {
        DeliveryLogFilter filter = new DeliveryLogFilter(NotifyViews.Outcome.FAILED, " co.vigia.ping ", "",
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1));
        String query = filter.apply(UriComponentsBuilder.fromPath("/log"), BOGOTA).build().toString();
        assertThat(query).contains("status=FAILED").contains("eventType=co.vigia.ping").doesNotContain("billId")
                .contains("from=2026-12-01T05:00:00Z").contains("to=2026-12-02T05:00:00Z");
        assertThat(filter.backwards()).isFalse();
        assertThat(new DeliveryLogFilter(null, null, null, LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1))
                .backwards()).isTrue();
        assertThat(new DeliveryLogFilter(null, "", " ", null, null).isEmpty()).isTrue();
    }
}
