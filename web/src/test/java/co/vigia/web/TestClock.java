package co.vigia.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Pins "today" in Bogotá for page tests. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final LocalDate TODAY = LocalDate.of(2023, 6, 1);
    static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    @Bean
    @Primary
    Clock testClock() {
        return Clock.fixed(TODAY.atTime(12, 0).atZone(BOGOTA).toInstant(), BOGOTA);
    }
}
