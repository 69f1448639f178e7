package co.vigia.web.portal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Where a replay starts, as the NGO writes it: a day ({@code 2026-12-01}, from its start in Bogotá) or an event id
 * (the events received after it). notify-service takes an ISO-8601 time or an event id.
 */
record ReplayStart(String value) {

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    /** The start notify-service understands, or null when the text is neither a day nor an event id. */
    static ReplayStart parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        try {
            return new ReplayStart(LocalDate.parse(trimmed).atStartOfDay(zone).toInstant().toString());
        } catch (DateTimeParseException notADay) {
            return EVENT_ID.matcher(trimmed).matches() ? new ReplayStart(trimmed) : null;
        }
    }
}
