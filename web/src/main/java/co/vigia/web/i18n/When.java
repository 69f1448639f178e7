package co.vigia.web.i18n;

import co.vigia.web.client.WebProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as people write them, in the page's language and Bogotá time ("24 de octubre de 2022", "October 24, 2022").
 * Templates call it as {@code ${@when.day(date)}}.
 */
@Component("when")
public class When {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;
    private final Clock clock;

    public When(WebProperties properties, Clock clock) {
        this.zone = properties.zone();
        this.clock = clock;
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.localizedBy(LocaleContextHolder.getLocale()).format(date);
    }

    public String day(Instant instant) {
        return instant == null ? "" : day(instant.atZone(zone).toLocalDate());
    }

    /** "24 de octubre de 2022, 14:05" in Bogotá time. */
    public String dayAndTime(Instant instant) {
        return instant == null ? "" : day(instant) + ", " + TIME.format(instant.atZone(zone));
    }

    /** Machine-readable date for {@code <time datetime>}. */
    public String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Days from today (Bogotá) to {@code date}: negative when it has passed. */
    public long daysUntil(LocalDate date) {
        return ChronoUnit.DAYS.between(today(), date);
    }

    public ZoneId zone() {
        return zone;
    }
}
