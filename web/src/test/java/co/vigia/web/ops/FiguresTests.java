package co.vigia.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.web.ops.overview.Overview;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class FiguresTests {

    private final Figures figures = new Figures();

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void durationsReadAsAnOperatorSaysThem() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(figures.seconds(0.25)).isEqualTo("250 ms");
        assertThat(figures.seconds(3.04)).isEqualTo("3.0 s");
        assertThat(figures.seconds(600.0)).isEqualTo("10 min");
        assertThat(figures.seconds(9000.0)).isEqualTo("2.5 h");
        assertThat(figures.seconds(null)).isEqualTo("–");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("es-CO"));
        assertThat(figures.seconds(3.04)).isEqualTo("3,0 s");
    }

    @Test
    void theFailureRateCountsHttpAttemptsAsTheAlertDoes() {
        Overview.Deliveries d = new Overview.Deliveries(3600, Map.of("delivered", 6L, "retrying", 3L, "failed", 1L,
                "circuit-open", 40L, "abandoned", 2L), null, 0L, Map.of(), 0L, 0L, null);
        assertThat(figures.failureRate(d)).isEqualTo(0.4);
        assertThat(figures.failureRate(new Overview.Deliveries(0, Map.of("circuit-open", 3L), null, 0L, Map.of(), 0L,
                0L, null))).isNull();
        assertThat(figures.percent(0.4)).isEqualTo("40 %");
        assertThat(figures.percent(0.05)).contains("5").endsWith(" %");
        assertThat(figures.shortId("0193a6f2-7c1e-7b3a-9d4e-123456789abc")).isEqualTo("0193a6f2…");
    }
}
