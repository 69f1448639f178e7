package co.vigia.starter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request parameters and path variables of a date type, read as ISO-8601 and held to {@link DateBounds}. Registered
 * after Spring's own converters, so these win: a year past 9999 is a 400 naming the parameter, not a 500 in the
 * query that used it.
 */
public class BoundedDateConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        InstantFormatter instants = new InstantFormatter();
        registry.addConverter(String.class, LocalDate.class, text -> text.isBlank() ? null : DateBounds.check(LocalDate.parse(text.trim())));
        registry.addConverter(String.class, LocalDateTime.class,
                text -> text.isBlank() ? null : DateBounds.check(LocalDateTime.parse(text.trim())));
        registry.addConverter(String.class, OffsetDateTime.class,
                text -> text.isBlank() ? null : DateBounds.check(OffsetDateTime.parse(text.trim())));
        registry.addConverter(String.class, ZonedDateTime.class,
                text -> text.isBlank() ? null : DateBounds.check(ZonedDateTime.parse(text.trim())));
        registry.addConverter(String.class, Instant.class, text -> {
            if (text.isBlank()) {
                return null;
            }
            try {
                return DateBounds.check(instants.parse(text.trim(), Locale.ROOT));
            } catch (java.text.ParseException e) {
                throw new IllegalArgumentException("is not an ISO-8601 time", e);
            }
        });
    }
}
